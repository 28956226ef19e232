/**
 * Bad input: invalid options and settings give ESLint's configuration error, files
 * that do not parse give the parser's error, and strange but valid code (deep,
 * cyclic, exotic syntax) never throws or overflows the stack. Also: the fixes of
 * every example project are safe.
 */
import { Linter } from 'eslint';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin, { rules } from '../../src/index.js';
import { checkFixes, config, lint, ROOT, RULE_IDS, writeSummary, type ParserName } from './harness.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;
const PARSERS: ParserName[] = ['espree', 'typescript'];
const linter = new Linter({ configType: 'flat' });

describe('invalid configuration', () => {
  describe.each(Object.keys(plugin.rules))('rule %s', (id) => {
    const rule = rules[id as keyof typeof rules];
    it('rejects options its schema does not allow, naming the rule', () => {
      const schema = rule.meta.schema;
      // One item more than an array schema allows (every rule of the plugin has an array schema).
      expect(Array.isArray(schema)).toBe(true);
      const options = Array.from({ length: (schema as unknown[]).length + 1 }, () => ({ notAnOption: true }));
      const cfg = config({ rules: { [`tfjs/${id}`]: ['error', ...options] } });
      expect(() => linter.verify(TF, cfg, 'file.js')).toThrow(
        new RegExp(`Key "tfjs/${id}":[\\s\\S]*should NOT have more than ${(schema as unknown[]).length} items`),
      );
    });
  });

  const badSettings: [string, unknown, RegExp][] = [
    ['a string', 'tf', /settings\.tfjs must be an object/],
    ['null', null, /settings\.tfjs must be an object/],
    ['an array', ['tf'], /settings\.tfjs must be an object/],
    [
      'globals as a string',
      { globals: 'tf' },
      /settings\.tfjs\.globals must be an array of non-empty strings, got "tf"/,
    ],
    ['globals with a number', { globals: [1] }, /settings\.tfjs\.globals must be an array of non-empty strings/],
    [
      'globals with an empty string',
      { globals: [''] },
      /settings\.tfjs\.globals must be an array of non-empty strings/,
    ],
    ['modules as an object', { modules: { a: 1 } }, /settings\.tfjs\.modules must be an array of non-empty strings/],
    ['crossFile as a string', { crossFile: 'yes' }, /settings\.tfjs\.crossFile must be a boolean, got "yes"/],
    [
      'an unknown key',
      { global: ['tf'] },
      /unknown setting settings\.tfjs\.global \(known: globals, modules, crossFile\)/,
    ],
  ];
  it.each(badSettings)(
    'settings.tfjs %s: ESLint stops with an error that names the setting, file and rule',
    (_label, tfjs, message) => {
      for (const code of [TF + 'tf.sequential();', 'const notTfjs = 1;']) {
        let error: Error | undefined;
        try {
          linter.verify(code, config({ settings: { tfjs } }), 'file.js');
        } catch (e) {
          error = e as Error;
        }
        expect(error?.message).toMatch(message);
        expect(error?.message).toMatch(/^eslint-plugin-tfjs: /);
        // ESLint adds where: the file and the rule that read the settings.
        expect(error?.message).toMatch(/Occurred while linting file\.js[\s\S]*Rule: "tfjs\//);
      }
    },
  );

  it.each([[{}], [{ globals: ['tf', 'tfjs'] }], [{ modules: ['my-tf'] }], [{ crossFile: false }]])(
    'accepts settings.tfjs %j',
    (tfjs) => {
      expect(lint(TF + 'tf.sequential();', { settings: { tfjs } })).toEqual([]);
    },
  );
});

describe('files that do not parse', () => {
  const broken = [
    TF + 'const model = tf.sequential(;',
    TF + 'model.compile({loss: tf.losses.softmaxCrossEntropy',
    'const = ;',
    TF + 'let x: number = 1;', // TypeScript under espree
    TF + '<div>{tf}</div>;', // JSX without the JSX option
    '\u0000\u0001 tf.sequential()',
  ];
  it.each(broken)('gives the parser error, not a crash: %#', (code) => {
    const messages = lint(code, { parser: 'espree' });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ fatal: true, ruleId: null, severity: 2 });
    expect(messages[0]!.message).toMatch(/^Parsing error: /);
  });
});

/** Strange but valid code: every rule runs over it without throwing. */
const N = 10_000;
const strange: Record<string, { code: string; parsers?: ParserName[]; sourceType?: 'script' | 'module' }> = {
  'computed members': {
    code:
      TF +
      `const m = tf['sequential']();\nm.add(tf['layers']['dense']({units: 3, activation: 'soft' + 'max', inputShape: [2]}));\nm['compile']({loss: tf['losses'].softmaxCrossEntropy});`,
  },
  spreads: {
    code:
      TF +
      `const cfg = {activation: 'softmax'};\nconst m = tf.sequential({layers: [tf.layers.dense({...cfg, units: 3, inputShape: [2]}), ...more]});\nm.compile({...opts, loss: tf.losses.softmaxCrossEntropy});\nm.fit(...args);\nf(...[m]);`,
  },
  'optional chaining': {
    code:
      TF +
      `const m = tf?.sequential?.();\nm?.add?.(tf.layers?.dense({units: 3, activation: 'softmax'}));\nm?.compile?.({loss: tf.losses?.softmaxCrossEntropy});\nmodel?.compile?.({loss: 'categoricalCrossentropy'});`,
  },
  'getters and setters': {
    code:
      TF +
      `const o = { get model() { return tf.sequential(); }, set model(v) {} };\no.model.compile({loss: tf.losses.softmaxCrossEntropy});\nclass K { get m() { return this.m; } }\nnew K().m.compile({loss: 'binaryCrossentropy'});`,
  },
  'eval and new Function': {
    code:
      TF +
      `const m = eval('tf.sequential()');\nm.compile({loss: tf.losses.softmaxCrossEntropy});\nnew Function('tf', 'return tf')(tf).sequential().compile({});`,
  },
  'sparse arrays': {
    code:
      TF +
      `const m = tf.sequential({layers: [, , tf.layers.dense({units: 3, activation: 'softmax'}), ,]});\nm.compile({loss: [, tf.losses.softmaxCrossEntropy]});\nconst [, , a] = [1, 2, m];\na.compile({loss: tf.losses.softmaxCrossEntropy});`,
  },
  'with statement (sloppy script)': {
    code: `with (tf) { const m = sequential(); m.add(layers.dense({units: 3, activation: 'softmax'})); m.compile({loss: losses.softmaxCrossEntropy}); }\nwith (tf.layers) dense({units: 1});`,
    parsers: ['espree'],
    sourceType: 'script',
  },
  labels: {
    code:
      TF +
      `outer: for (const a of [1]) { inner: while (true) { const m = tf.sequential(); m.compile({loss: tf.losses.softmaxCrossEntropy}); break outer; continue inner; } }\nblock: { break block; }`,
  },
  'generators and async generators': {
    code:
      TF +
      `function* g() { const m = yield tf.sequential(); m.compile({loss: tf.losses.softmaxCrossEntropy}); yield* g(); }\nasync function* h() { for await (const m of h()) m.compile({loss: tf.losses.softmaxCrossEntropy}); yield await tf.loadLayersModel('x'); }`,
  },
  'classes with private fields': {
    code:
      TF +
      `class T { #m = tf.sequential(); static #n = 1; #build() { this.#m.add(tf.layers.dense({units: 3, activation: 'softmax'})); return this.#m; } train() { this.#build().compile({loss: tf.losses.softmaxCrossEntropy}); return #m in this; } static { T.#n += 1; } }`,
  },
  'recursive factory': {
    code:
      TF +
      `function build(n) { if (n === 0) { const m = tf.sequential(); m.add(tf.layers.dense({units: 3, activation: 'softmax'})); return m; } return build(n - 1); }\nbuild(3).compile({loss: tf.losses.softmaxCrossEntropy});\nfunction loop() { return loop(); }\nloop().compile({loss: tf.losses.softmaxCrossEntropy});`,
  },
  'mutually recursive factories': {
    code:
      TF +
      `function a(n) { return n ? b(n - 1) : tf.sequential({layers: [tf.layers.dense({units: 3, activation: 'softmax'})]}); }\nfunction b(n) { return a(n); }\na(5).compile({loss: tf.losses.softmaxCrossEntropy});\nconst f = (x) => g(x), g = (x) => f(x);\nf(1).compile({loss: tf.losses.softmaxCrossEntropy});`,
  },
  'cyclic bindings': {
    code:
      TF +
      `var a = b;\nvar b = a;\na.compile({loss: tf.losses.softmaxCrossEntropy});\nlet c = d, d = c;\nlet m = m2; let m2 = m; m.add(tf.layers.dense({units: 1, activation: 'softmax'}));\nconst o = {}; o.self = o; o.self.self.compile({loss: tf.losses.softmaxCrossEntropy});\nconst cfg = {loss: cfg2.loss}; const cfg2 = {loss: cfg.loss};\ntf.sequential().compile(cfg);`,
  },
  'self-referencing model': {
    code:
      TF +
      `let m = tf.sequential();\nm = m.add(m) || m;\nm.add(m.layers[0]);\nm.compile({loss: m.loss, optimizer: m});`,
  },
  [`${N} chained calls (TS parser)`]: {
    code:
      TF + `const m = tf.sequential();\nm${'.add(m)'.repeat(N)};\nm.compile({loss: tf.losses.softmaxCrossEntropy});`,
    parsers: ['typescript'],
  },
  // ESLint's own traversal (without the plugin) overflows the stack from about 2,000 chained calls under espree.
  [`1,500 chained calls`]: {
    code: TF + `const m = tf.sequential();\nm${'.add(m)'.repeat(1500)}.compile({loss: tf.losses.softmaxCrossEntropy});`,
  },
  [`${N} nested parentheses`]: {
    code:
      TF +
      `const m = ${'('.repeat(N)}tf.sequential()${')'.repeat(N)};\nm.compile({loss: tf.losses.softmaxCrossEntropy});`,
  },
  [`${N} nested arrays`]: {
    code: TF + `const layers = ${'['.repeat(N)}tf.layers.dense({units: 1, activation: 'softmax'})${']'.repeat(N)};`,
  },
  [`500 nested arrays`]: {
    code:
      TF +
      `const m = tf.sequential({layers: ${'['.repeat(500)}tf.layers.dense({units: 1, activation: 'softmax'})${']'.repeat(500)}});\nm.compile({loss: tf.losses.softmaxCrossEntropy});`,
  },
  [`${N}-deep reassignment chain x = f(x)`]: {
    code: TF + `let x = tf.sequential();\n${'x = f(x);\n'.repeat(N)}x.compile({loss: tf.losses.softmaxCrossEntropy});`,
  },
  [`${N}-deep reassignment chain through a local function`]: {
    code:
      TF +
      `function f(m) { m.add(tf.layers.dense({units: 3, activation: 'softmax'})); return m; }\nlet x = tf.sequential();\n${'x = f(x);\n'.repeat(N)}x.compile({loss: tf.losses.softmaxCrossEntropy});`,
  },
  [`${N} conditional writes`]: {
    code:
      TF +
      `let x = tf.sequential();\n${'if (c) x = tf.sequential();\n'.repeat(N)}x.add(tf.layers.dense({units: 2, activation: 'softmax'}));\nx.compile({loss: tf.losses.softmaxCrossEntropy});`,
  },
  [`${N} nested ternaries`]: { code: TF + `const act = ${'c ? "softmax" : '.repeat(N)}"linear";` },
  [`300 nested ternaries`]: {
    code:
      TF +
      `const act = ${Array.from({ length: 300 }, (_, i) => `c${i} ? "softmax" : `).join('')}"sigmoid";\nconst m = tf.sequential({layers: [tf.layers.dense({units: 3, activation: act})]});\nm.compile({loss: tf.losses.softmaxCrossEntropy});`,
  },
  [`2,000 models and compiles`]: {
    code:
      TF +
      Array.from(
        { length: 2000 },
        (_, i) =>
          `const m${i} = tf.sequential({layers: [tf.layers.dense({units: ${i % 5}, activation: ${i % 2 ? "'softmax'" : 'act'}})]});\nm${i}.compile({loss: tf.losses.softmaxCrossEntropy});`,
      ).join('\n'),
  },
  'a function that calls itself with the model': {
    code:
      TF +
      `function t(m, n) { m.compile({loss: tf.losses.softmaxCrossEntropy}); return t(m.add(tf.layers.dense({units: 2, activation: 'softmax'})) || m, n + 1); }\nt(tf.sequential(), 0);`,
  },
};

describe('strange but valid code', () => {
  const figures = { cases: 0, lines: 0, parseErrorsFromParser: [] as string[] };
  it.each(Object.entries(strange))(
    '%s: no throw, no stack overflow',
    (name, { code, parsers, sourceType }) => {
      for (const parser of parsers ?? PARSERS) {
        const messages = lint(code, { parser, sourceType });
        const fatal = messages.filter((m) => m.fatal);
        if (fatal.length > 0) {
          // The parser may refuse very deep nesting ("Not enough stack space" / "Maximum call
          // stack size exceeded"): its error, reported by ESLint as fatal, as without the plugin.
          expect(fatal.map((m) => m.message)).toEqual([
            expect.stringMatching(/^Parsing error: (Not enough stack space|Maximum call stack size exceeded)/),
          ]);
          const bare = linter.verify(
            code,
            config({ parser, sourceType, rules: {} }),
            `file.${parser === 'typescript' ? 'ts' : 'js'}`,
          );
          expect(bare.map((m) => m.message)).toEqual(fatal.map((m) => m.message));
          figures.parseErrorsFromParser.push(`${name} (${parser})`);
        }
        for (const m of messages) expect(m.ruleId === null ? m.fatal : RULE_IDS.includes(m.ruleId)).toBe(true);
        figures.cases += 1;
        figures.lines += code.split('\n').length;
      }
    },
    120_000,
  );
  it('records its figures', () => writeSummary('strange-code', figures));
});

describe('example projects', () => {
  const dir = path.join(ROOT, 'examples');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(m|c)?(js|ts)$/.test(f))
    .map((f) => path.join(dir, f));
  const figures = { files: files.length, fixesApplied: 0, suggestionsApplied: 0 };
  it.each(files.map((f) => [path.relative(ROOT, f), f]))('%s: fixes and suggestions are safe', (_rel, file) => {
    const parser: ParserName = /\.(m|c)?ts$/.test(file) ? 'typescript' : 'espree';
    const result = checkFixes(readFileSync(file, 'utf8'), { parser });
    expect(result.problems).toEqual([]);
    figures.fixesApplied += result.fixesApplied;
    figures.suggestionsApplied += result.suggestionsApplied;
  });
  it('lints at least one example with a fix or a suggestion', () => {
    writeSummary('examples', figures);
    expect(figures.fixesApplied + figures.suggestionsApplied).toBeGreaterThan(0);
  });
});
