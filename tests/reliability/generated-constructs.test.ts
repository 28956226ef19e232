/**
 * Generated programs (generator.ts) rewritten into constructs real code uses (issue
 * 21): TF.js bound by `try`/`catch` requires, a path into `node_modules`, `await
 * import()`, the promise of `import()` kept in a const and read by `await` or
 * `.then(tf => ...)`; `this.model` in a function constructor and its prototype; the
 * model nested as the layer of another; config objects spread into the output layer
 * and compile (`{...headArgs, activation}`, `{...compileBase, metrics}`) or given their
 * loss after they are made (`compileArgs.loss = ...`, `this.compileArgs.loss = ...`
 * in a class); the output averaged with itself by a merge layer; a factory that
 * throws or returns null for an unknown kind before its last add; the layers' configs
 * in an array added by a `for…of` or `forEach` loop, or the hidden layers added by a
 * loop over their widths before the output. Each rewrite keeps every path's facts (activation,
 * units, loss, labels), so the oracle's verdict is the original program's, and the
 * plugin must agree exactly, as in generated.test.ts.
 *
 * RELIABILITY_CONSTRUCT_RUNS (default 600) and RELIABILITY_SEED change the run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { pathsOf, render, specArbitrary, type Spec } from './generator.js';
import { checkFixes, lint, writeSummary, type ParserName } from './harness.js';
import { ORACLE, mustReport } from './oracle.js';

const RUNS = Number(process.env.RELIABILITY_CONSTRUCT_RUNS ?? 600);
const SEED = Number(process.env.RELIABILITY_SEED ?? 20_240_611);

type Construct =
  | 'try-require'
  | 'node-modules'
  | 'dynamic-import'
  | 'promise-await'
  | 'promise-then'
  | 'prototype'
  | 'nested'
  | 'spread-config'
  | 'mutated-config'
  | 'merge'
  | 'exit-throw'
  | 'exit-return'
  | 'loop-for-of'
  | 'loop-foreach'
  | 'loop-hidden';
const CONSTRUCTS: readonly Construct[] = [
  'try-require',
  'node-modules',
  'dynamic-import',
  'promise-await',
  'promise-then',
  'prototype',
  'nested',
  'spread-config',
  'mutated-config',
  'merge',
  'exit-throw',
  'exit-return',
  'loop-for-of',
  'loop-foreach',
  'loop-hidden',
];

/** The specification made fit for the construct (the import style or indirection it rewrites). */
function fitFor(spec: Spec, construct: Construct): Spec {
  switch (construct) {
    case 'try-require':
      return { ...spec, imports: 'require' };
    case 'node-modules':
    case 'dynamic-import':
    case 'promise-await':
    case 'promise-then':
      return { ...spec, imports: 'namespace' };
    case 'merge':
      return { ...spec, build: 'functional' };
    case 'exit-throw':
    case 'exit-return':
      return { ...spec, build: 'sequential-add', indirection: 'factory' };
    case 'prototype':
      return { ...spec, indirection: 'class' };
    case 'loop-for-of':
    case 'loop-foreach':
    case 'loop-hidden':
      return spec.build === 'sequential-add' || spec.build === 'custom-loop'
        ? spec
        : { ...spec, build: 'sequential-add' };
    case 'nested':
      return { ...spec, indirection: spec.indirection === 'factory' ? 'factory' : 'inline' };
    case 'spread-config':
    case 'mutated-config': {
      // Both rewrite the compile config: a model that is compiled; the spread one finds the output
      // layer by its units as the specification writes them (not chosen by a condition).
      const fit = { ...spec, unitsElse: construct === 'spread-config' ? undefined : spec.unitsElse };
      return fit.build === 'custom-loop' ? { ...fit, build: 'sequential-add' } : fit;
    }
  }
}

/** The compile line of a generated program: its indentation, receiver and loss expression. */
const COMPILE_LINE = /^( *)(\S+)\.compile\(\{optimizer: 'adam', loss: (.*), metrics: \['accuracy'\]\}\);$/m;

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`the generator no longer writes ${JSON.stringify(from)}:\n${text}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** The program of `spec` rewritten into the construct. */
function rewrite(spec: Spec, construct: Construct): string {
  let code = render(spec);
  switch (construct) {
    case 'try-require':
      return replaceOnce(
        code,
        `const tf = require('@tensorflow/tfjs');`,
        `let tf;\ntry { tf = require('@tensorflow/tfjs-node-gpu'); } catch (e) { tf = require('@tensorflow/tfjs'); }`,
      );
    case 'node-modules':
      return replaceOnce(code, `from '@tensorflow/tfjs';`, `from '../node_modules/@tensorflow/tfjs/dist/index.js';`);
    case 'dynamic-import':
      return replaceOnce(
        code,
        `import * as tf from '@tensorflow/tfjs';`,
        `const tf = await import('@tensorflow/tfjs');`,
      );
    case 'promise-await':
      return replaceOnce(
        code,
        `import * as tf from '@tensorflow/tfjs';`,
        `const tfReady = import('@tensorflow/tfjs');\nconst tf = await tfReady;`,
      );
    case 'promise-then': {
      // The whole program in the callback of the kept promise.
      const rest = replaceOnce(code, `import * as tf from '@tensorflow/tfjs';\n`, '');
      return `const tfReady = import('@tensorflow/tfjs');\ntfReady.then((tf) => {\n${rest}});\n`;
    }
    case 'merge': {
      // An average of the output with itself: the same values, activation and width.
      const average = spec.imports === 'named' ? 'layers.average' : 'tf.layers.average';
      const make = spec.imports === 'named' ? 'makeModel' : 'tf.model';
      return replaceOnce(
        code,
        `const model = ${make}({inputs, outputs});`,
        `const merged = ${average}().apply([outputs, outputs]);\nconst model = ${make}({inputs, outputs: merged});`,
      );
    }
    case 'exit-throw':
    case 'exit-return': {
      // A tanh layer for one kind, an early exit for unknown kinds, before the output add.
      const exit = construct === 'exit-throw' ? `throw new Error('unknown kind: ' + kind)` : 'return null';
      const dense = spec.imports === 'named' ? 'layers.dense' : 'tf.layers.dense';
      code = replaceOnce(code, `function createModel() {`, `function createModel(kind) {`);
      code = replaceOnce(
        code,
        `  model.add(${dense}({units: 16, activation: 'relu', inputShape: [8]}));\n`,
        `  model.add(${dense}({units: 16, activation: 'relu', inputShape: [8]}));\n` +
          `  if (kind === 'deep') model.add(${dense}({units: 16, activation: 'tanh'}));\n` +
          `  else if (kind !== 'shallow') ${exit};\n`,
      );
      return replaceOnce(code, `const model = createModel();`, `const model = createModel(process.argv[2]);`);
    }
    case 'loop-for-of':
    case 'loop-foreach':
    case 'loop-hidden': {
      const dense = spec.imports === 'named' ? 'layers.dense' : 'tf.layers.dense';
      const hiddenAdd = `model.add(${dense}({units: 16, activation: 'relu', inputShape: [8]}));`;
      const at = code.indexOf(hiddenAdd);
      if (at < 0) throw new Error(`no hidden add:\n${code}`);
      const lineStart = code.lastIndexOf('\n', at) + 1;
      const indent = code.slice(lineStart, at);
      if (construct === 'loop-hidden') {
        // Hidden layers from a loop over their widths; the output is added after it.
        return replaceOnce(
          code,
          hiddenAdd,
          `for (const units of [16, 12]) model.add(${dense}({units, activation: 'relu', inputShape: [8]}));`,
        );
      }
      // The hidden and the output layer's configs in an array, each added by one turn.
      const outputAdd = code.indexOf(`model.add(${dense}({`, at + hiddenAdd.length);
      const end = code.indexOf('}));', outputAdd);
      if (outputAdd < 0 || end < 0) throw new Error(`no output add:\n${code}`);
      const config = code.slice(outputAdd + `model.add(${dense}(`.length, end + 1);
      const loop =
        construct === 'loop-for-of'
          ? `for (const cfg of layerConfigs) model.add(${dense}(cfg));`
          : `layerConfigs.forEach((cfg) => {\n${indent}  model.add(${dense}(cfg));\n${indent}});`;
      return (
        code.slice(0, lineStart) +
        `${indent}const layerConfigs = [{units: 16, activation: 'relu', inputShape: [8]}, ${config}];\n${indent}${loop}` +
        code.slice(end + '}));'.length)
      );
    }
    case 'prototype':
      code = replaceOnce(code, `class Trainer {\n  constructor() {`, `function Trainer() {`);
      code = replaceOnce(
        code,
        `    this.model = model;\n  }\n  train() {`,
        `    this.model = model;\n}\nTrainer.prototype.train = function () {`,
      );
      return replaceOnce(code, `  }\n}\nnew Trainer().train();`, `};\nnew Trainer().train();`);
    case 'nested': {
      // Train a sequential model whose one layer is the generated model.
      const sequential = spec.imports === 'named' ? 'sequential' : 'tf.sequential';
      const lines = code.split('\n');
      const first = lines.findIndex((l) => /^(model\.compile|optimizer\.minimize)/.test(l));
      if (first < 0) throw new Error(`no training line:\n${code}`);
      const training = lines.slice(first).map((l) => l.replace(/\bmodel\.(compile|fit|predict)\(/g, 'outer.$1('));
      return [...lines.slice(0, first), `const outer = ${sequential}({layers: [model]});`, ...training].join('\n');
    }
    case 'spread-config': {
      // The output layer's units (and a placeholder activation its own key overrides)
      // come from a spread object; the loss from a spread compile base.
      const written =
        spec.unitsForm === 'const' ? 'NUM_CLASSES' : spec.unitsForm === 'labels' ? 'LABELS.length' : String(spec.units);
      const at = code.search(new RegExp(`dense\\(\\{units: ${written.replace('.', '\\.')}[,}\\s]`));
      const units =
        at < 0 ? null : /dense\(\{units: ([^,}\s]+)(,? ?)(\/\* output \*\/ )?(activation)?/.exec(code.slice(at));
      if (!units) throw new Error(`no output layer:\n${code}`);
      const head = units[4] ? `{units: ${units[1]}, activation: 'relu'}` : `{units: ${units[1]}}`;
      code = replaceOnce(code, `dense({units: ${units[1]}${units[2]}`, `dense({...headArgs${units[2]}`);
      code = replaceOnce(code, 'const xs = ', `const headArgs = ${head};\nconst xs = `);
      return code.replace(
        COMPILE_LINE,
        (_, indent: string, m: string, loss: string) =>
          `${indent}const compileBase = {optimizer: 'adam', loss: ${loss}};\n${indent}${m}.compile({...compileBase, metrics: ['accuracy']});`,
      );
    }
    case 'mutated-config': {
      // The compile args are made with a placeholder loss, then given the real one.
      const line = COMPILE_LINE.exec(code);
      if (!line) throw new Error(`no compile line:\n${code}`);
      const [, indent, m, loss] = line;
      if (m === 'this.model') {
        code = replaceOnce(
          code,
          '    this.model = model;\n',
          `    this.model = model;\n    this.compileArgs = {optimizer: 'adam', loss: 'meanSquaredError', metrics: ['accuracy']};\n`,
        );
        return code.replace(
          COMPILE_LINE,
          `${indent}this.compileArgs.loss = ${loss};\n${indent}this.model.compile(this.compileArgs);`,
        );
      }
      return code.replace(
        COMPILE_LINE,
        `${indent}const compileArgs = {optimizer: 'adam', loss: 'meanSquaredError', metrics: ['accuracy']};\n${indent}compileArgs.loss = ${loss};\n${indent}${m}.compile(compileArgs);`,
      );
    }
  }
}

/**
 * Misses known and accepted (counted in the summary, never a false report): a layer
 * config reached only through a loop variable is the last turn's to the output rules,
 * but unknown to no-single-unit-softmax, which judges each layer call once.
 */
function knownMiss(construct: Construct, rule: string): boolean {
  return (construct === 'loop-for-of' || construct === 'loop-foreach') && rule === 'no-single-unit-softmax';
}

const registered = new Set(Object.keys(plugin.rules));
const active = ORACLE.filter((e) => registered.has(e.rule));

describe('generated programs in real-world constructs', () => {
  it(`the plugin agrees with the oracle on ${RUNS} rewritten programs`, { timeout: 600_000 }, () => {
    const perConstruct = Object.fromEntries(CONSTRUCTS.map((c) => [c, { programs: 0, buggy: 0 }]));
    let falseReports = 0;
    let missedBugs = 0;
    fc.assert(
      fc.property(
        specArbitrary,
        fc.constantFrom(...CONSTRUCTS),
        fc.constantFrom<ParserName>('espree', 'typescript'),
        (raw, construct, parser) => {
          const spec = fitFor(raw, construct);
          const code = rewrite(spec, construct);
          const paths = pathsOf(spec);
          const messages = lint(code, { parser });
          const show = () =>
            `\n--- ${construct} (${parser}) ---\n${code}\n--- messages ---\n${messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`).join('\n')}`;
          if (messages.some((m) => m.fatal || !m.ruleId)) throw new Error(`crash${show()}`);
          const reported = new Set(messages.map((m) => m.ruleId!.replace(/^tfjs\//, '')));
          for (const entry of active) {
            const expected = mustReport(entry, paths);
            const actual = reported.has(entry.rule);
            if (expected !== actual) {
              if (actual) falseReports += 1;
              else missedBugs += 1;
              if (!actual && knownMiss(construct, entry.rule)) continue;
              throw new Error(
                `${entry.rule}: the oracle says ${expected ? 'report' : 'silent'}, the plugin ${actual ? 'reported' : 'was silent'}; paths ${JSON.stringify(paths)}${show()}`,
              );
            }
          }
          const fixes = checkFixes(code, { parser }, messages);
          if (fixes.problems.length > 0) throw new Error(`unsafe fix: ${fixes.problems.join('\n')}${show()}`);
          perConstruct[construct]!.programs += 1;
          if (active.some((e) => mustReport(e, paths))) perConstruct[construct]!.buggy += 1;
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    writeSummary('generated-constructs', { seed: SEED, runs: RUNS, falseReports, missedBugs, perConstruct });
    // Every construct is exercised, with bugs among its programs.
    for (const c of CONSTRUCTS) expect(perConstruct[c]!.buggy, c).toBeGreaterThan(0);
  });
});
