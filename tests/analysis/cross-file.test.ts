/**
 * Cross-file analysis on fixture projects on disk (tests/fixtures/crossfile): models,
 * constants and compile helpers imported from relative modules, re-exports, index
 * files, CommonJS, classes, TS sources imported as `.js`, cycles, missing and
 * unparsable modules, and imports that try to leave the project.
 */
import tsParser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import path from 'node:path';
import { createRequire } from 'node:module';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import plugin from '../../src/index.js';
import { clearModuleCache, MAX_LINTED, parseLog, readLog } from '../../src/analysis/modules/cache.js';
import { parseModule } from '../../src/analysis/modules/parse.js';
import { eslintEspree } from '../../src/analysis/modules/parser-setup.js';
import { resolveFile } from '../../src/analysis/modules/resolve.js';

const fixtures = path.join(import.meta.dirname, '..', 'fixtures', 'crossfile');
const RULE = 'tfjs/no-activation-before-logits-loss';

async function lint(project: string, file: string, settings: Record<string, unknown> = {}, rule = RULE) {
  const eslint = new ESLint({
    cwd: path.join(fixtures, project),
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
      { files: ['**/*.ts'], languageOptions: { parser: tsParser as never } },
      { plugins: { tfjs: plugin as never }, rules: { [rule]: 'error' }, settings },
    ],
  });
  const [result] = await eslint.lintFiles([file]);
  return result!.messages.map((m) => ({ line: m.line, column: m.column, message: m.message, fix: m.fix?.text }));
}

/** A file of the `js` fixture project linted with every rule. */
async function lintAll(file: string) {
  const eslint = new ESLint({
    cwd: path.join(fixtures, 'js'),
    overrideConfigFile: true,
    overrideConfig: [{ plugins: { tfjs: plugin as never }, rules: plugin.configs.all.rules }],
  });
  const [result] = await eslint.lintFiles([file]);
  return result;
}

/** `text` linted as `file` with the rule, ESLint's cwd at `root`: each message up to " is fed". */
function lintIn(root: string, text: string, file: string): string[] {
  const config = [{ plugins: { tfjs: plugin as never }, rules: { [RULE]: 'error' as const } }];
  return new Linter({ cwd: root })
    .verify(text, config as never, { filename: file })
    .map((m) => m.message.split(' is fed')[0]!);
}

/**
 * Sets the times of `dirs` to a moment of their own for each `step`, ten minutes
 * back: a resolution in a directory changed within the last 2 s is not cached
 * (coarse mtime clocks), and each step must look like a change.
 */
function dateBack(step: number, ...dirs: string[]): void {
  const t = new Date(Date.now() - 600_000 + 10_000 * step);
  for (const dir of dirs) utimesSync(dir, t, t);
}

/** Runs `body` in a new temporary directory (symlinks resolved), removed afterwards. */
async function inTempDir(prefix: string, body: (root: string) => void | Promise<void>): Promise<void> {
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), prefix)));
  try {
    await body(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

beforeEach(() => clearModuleCache());

describe('cross-file analysis', () => {
  it("follows a module's top-level adds whatever the offsets of the importer's compile", async () => {
    // The adds run when the module loads, before any code of the importer: they are
    // all there, though their offsets (in another file) come after the compile's.
    await inTempDir('tfjs-adds-', (root) => {
      writeFileSync(
        path.join(root, 'model.js'),
        `// A comment that puts this file's adds after the importer's compile in offsets.
import * as tf from '@tensorflow/tfjs';
export const model = tf.sequential();
model.add(tf.layers.dense({units: 3, inputShape: [4], activation: 'softmax'}));
`,
      );
      const train = `import {model} from './model.js';\nmodel.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});\n`;
      expect(lintIn(root, train, path.join(root, 'train.js'))).toEqual(['The softmax output (model.js:4)']);
    });
  });

  it('follows a factory imported from another module, with constants from a third', async () => {
    const messages = await lint('js', 'train.js');
    // Reported on the local half (the loss), naming where the softmax is.
    expect(messages).toEqual([
      {
        line: 5,
        column: 42,
        message: expect.stringContaining(
          'The softmax output (model.js:7) is fed to `tf.losses.softmaxCrossEntropy`, which',
        ),
        // The loss is in this file: the unique local fix applies.
        fix: "'categoricalCrossentropy'",
      },
    ]);
  });

  it.each([
    ['a member the class assigns (`this.act`)', 'head-class.js', 12],
    ['a layer returned by a callback', 'head-callback.js', 8],
  ])('reads what the importing file adds to a model of another module: %s', async (_name, file, line) => {
    // The adds are evaluated by the module's evaluator, but the class and the
    // callback are in the importing file: their \`this\` writes and returns are there.
    const messages = await lint('js', file, {}, 'tfjs/no-sigmoid-with-categorical-loss');
    expect(messages.map((m) => m.line)).toEqual([line]);
    expect(messages[0]!.message).toContain('This sigmoid scores each unit on its own');
  });

  it.each([
    ['js', 'app.js', 'compile.js', 'a named import'],
    ['js', 'app-namespace.js', 'compile.js', 'a namespace import: `helpers.compileModel(model)`'],
    [
      'js',
      'app-namespace-compile.js',
      'compile-helpers.js',
      'a namespace helper named like a model method: `helpers.compile(model)`',
    ],
    ['js', 'app.cjs', 'compile.cjs', 'require() alone (the only relative import)'],
    ['ts', 'app-equals.ts', 'compile-equals.ts', 'TypeScript `import helpers = require()`'],
  ] as const)(
    'follows a model into a compile helper of another module (%s/%s: %s, %s)',
    async (dir, file, helper, _style) => {
      const messages = await lint(dir, file);
      expect(messages).toEqual([
        {
          line: 5,
          column: 51,
          message: expect.stringContaining(
            `The softmax output is fed to \`tf.losses.softmaxCrossEntropy\` (${helper}:4)`,
          ),
          // The loss is in the other file: nothing to fix here.
          fix: undefined,
        },
      ]);
    },
  );

  it.each([
    ['a named import', 'app-add-named.js'],
    ['a namespace import, named like the model method: `helpers.add(model)`', 'app-add-namespace.js'],
  ])('knows the outputs are unknown once a helper of another module adds layers (%s)', async (_name, file) => {
    // The softmax was the last layer until the helper added a linear one.
    expect(await lint('js', file)).toEqual([]);
    // Without the helper's call the softmax is the output, and reported.
    const text = readFileSync(path.join(fixtures, 'js', file), 'utf8').replace(/^.*\(model\);$/m, '');
    const eslint = new ESLint({
      cwd: path.join(fixtures, 'js'),
      overrideConfigFile: true,
      overrideConfig: [{ plugins: { tfjs: plugin as never }, rules: { [RULE]: 'error' } }],
    });
    const [result] = await eslint.lintText(text, { filePath: path.join(fixtures, 'js', file) });
    expect(result!.messages.map((m) => m.line)).toEqual([5]);
  });

  it("reuses ESLint's parse of a module linted before the file that imports it (the same facts, no second parse), but not unsaved text", async () => {
    const dir = path.join(fixtures, 'js');
    const eslint = new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      overrideConfig: [{ plugins: { tfjs: plugin as never }, rules: { [RULE]: 'error' } }],
    });
    const train = path.join(dir, 'train.js');
    const model = path.join(dir, 'model.js');
    const found = (messages: { line: number; message: string }[]) =>
      messages.map((m) => [m.line, m.message.split(' is fed')[0]]);
    const expected = [[5, 'The softmax output (model.js:7)']];
    // Alone: the reader parses the factory's module and the constants' module.
    parseLog.length = 0;
    expect(found((await eslint.lintFiles([train]))[0]!.messages)).toEqual(expected);
    expect(parseLog.map((f) => path.basename(f)).sort()).toEqual(['config.js', 'model.js']);
    // model.js linted first in the same run: its parse serves, with the same result.
    // (config.js, which never names TF.js, is not analysed when linted: no parse kept.)
    clearModuleCache();
    parseLog.length = 0;
    // (Linted one by one: ESLint's lintFiles may lint files in another order than given.)
    for (const file of [path.join(dir, 'config.js'), model]) lintIn(dir, readFileSync(file, 'utf8'), file);
    expect(lintIn(dir, readFileSync(train, 'utf8'), train)).toEqual(['The softmax output (model.js:7)']);
    expect(parseLog.map((f) => path.basename(f))).toEqual(['config.js']);
    // An editor's unsaved text of model.js is not what train.js imports: the file on disk is.
    clearModuleCache();
    parseLog.length = 0;
    const unsaved = readFileSync(model, 'utf8').replace('activation: OUTPUT_ACTIVATION', "activation: 'linear'");
    await eslint.lintText(unsaved, { filePath: model });
    expect(found((await eslint.lintFiles([train]))[0]!.messages)).toEqual(expected);
    expect(parseLog.map((f) => path.basename(f)).sort()).toEqual(['config.js', 'model.js']);
  });

  it("reuses the parse of a module saved with a byte order mark (ESLint's text has none, the file on disk has it)", async () => {
    await inTempDir('tfjs-bom-', (root) => {
      const model =
        "import * as tf from '@tensorflow/tfjs';\n\nexport const createModel = () =>\n  tf.sequential({ layers: [tf.layers.dense({ units: 3, activation: 'softmax', inputShape: [4] })] });\n";
      const train =
        "import * as tf from '@tensorflow/tfjs';\nimport { createModel } from './model.js';\ncreateModel().compile({ optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy });\n";
      writeFileSync(path.join(root, 'model.js'), `\uFEFF${model}`);
      writeFileSync(path.join(root, 'train.js'), train);
      // ESLint strips the mark before parsing (as the CLI and lintFiles do).
      lintIn(root, model, path.join(root, 'model.js'));
      parseLog.length = 0;
      expect(lintIn(root, train, path.join(root, 'train.js'))).toEqual(['The softmax output (model.js:4)']);
      expect(parseLog).toEqual([]);
      // Parsed from disk (no kept parse), the mark is stripped too: the same facts and lines.
      clearModuleCache();
      parseLog.length = 0;
      expect(lintIn(root, train, path.join(root, 'train.js'))).toEqual(['The softmax output (model.js:4)']);
      expect(parseLog.map((f) => path.basename(f))).toEqual(['model.js']);
    });
  });

  it("keeps only the AST of a linted module, not ESLint's SourceCode or the analysis (released once the next file's lint begins)", async () => {
    // A full collection on demand (the test process is not started with --expose-gc).
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    await inTempDir('tfjs-release-', async (root) => {
      const model =
        "import * as tf from '@tensorflow/tfjs';\nexport const createModel = () => tf.sequential({ layers: [tf.layers.dense({ units: 3, activation: 'softmax', inputShape: [4] })] });\n";
      const train =
        "import * as tf from '@tensorflow/tfjs';\nimport { createModel } from './model.js';\ncreateModel().compile({ optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy });\n";
      writeFileSync(path.join(root, 'model.js'), model);
      writeFileSync(path.join(root, 'train.js'), train);
      const config = [{ plugins: { tfjs: plugin as never }, rules: plugin.configs.all.rules }];
      const linter = new Linter({ cwd: root });
      const refs = (() => {
        linter.verify(model, config as never, { filename: path.join(root, 'model.js') });
        const sourceCode = linter.getSourceCode();
        return { sourceCode: new WeakRef(sourceCode), ast: new WeakRef(sourceCode.ast) };
      })();
      // The next file's lint begins: model.js's parse is kept for importers, its SourceCode let go.
      parseLog.length = 0;
      const messages = linter.verify(train, config as never, { filename: path.join(root, 'train.js') });
      expect(messages.map((m) => m.message.split(' is fed')[0])).toEqual(['The softmax output (model.js:2)']);
      expect(parseLog).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 0));
      gc();
      expect(refs.sourceCode.deref()).toBeUndefined();
      expect(refs.ast.deref()).toBeDefined();
    });
  });

  it('keeps the parses of the last MAX_LINTED linted modules only (memory stays bounded)', async () => {
    await inTempDir('tfjs-kept-', async (root) => {
      const model = (i: number) =>
        `import * as tf from '@tensorflow/tfjs';\nexport const createModel${i} = () => tf.sequential({ layers: [tf.layers.dense({ units: 3, activation: 'softmax', inputShape: [4] })] });\n`;
      const names = Array.from({ length: MAX_LINTED + 1 }, (_, i) => `m${String(i).padStart(3, '0')}.js`);
      names.forEach((name, i) => writeFileSync(path.join(root, name), model(i)));
      writeFileSync(
        path.join(root, 'train.js'),
        "import * as tf from '@tensorflow/tfjs';\nimport { createModel0 } from './m000.js';\nimport { createModel1 } from './m001.js';\n" +
          "createModel0().compile({ optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy });\n" +
          "createModel1().compile({ optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy });\n",
      );
      parseLog.length = 0;
      // Linted in this order, then train.js.
      for (const name of names) lintIn(root, model(names.indexOf(name)), path.join(root, name));
      const train = lintIn(root, readFileSync(path.join(root, 'train.js'), 'utf8'), path.join(root, 'train.js'));
      // Both imports are followed; the oldest kept parse (m000.js) was dropped for the
      // newest and is parsed again, m001.js's still served.
      expect(train).toEqual(['The softmax output (m000.js:2)', 'The softmax output (m001.js:2)']);
      expect(parseLog.map((f) => path.basename(f))).toEqual(['m000.js']);
    });
  });

  it('follows index files, namespace imports, named and star re-exports', async () => {
    const messages = await lint('js', 'reexport-user.js');
    expect(messages.map((m) => [m.line, m.message.split(' is fed')[0]])).toEqual([
      [6, 'The softmax output (model.js:7)'],
      [8, 'The sigmoid output (models/extra.js:4)'],
    ]);
  });

  it('follows classes that build this.model', async () => {
    const messages = await lint('js', 'use-trainer.js');
    expect(messages.map((m) => [m.line, m.message.split(' is fed')[0]])).toEqual([
      [5, 'The softmax output (trainer.js:5)'],
    ]);
  });

  it('follows require() of CommonJS modules', async () => {
    const messages = await lint('js', 'train.cjs');
    expect(messages.map((m) => [m.line, m.message.split(' is fed')[0]])).toEqual([
      [5, 'The softmax output (model.cjs:4)'],
    ]);
  });

  it('follows require() of a module whose whole export is a function (`module.exports = function ...`)', async () => {
    const messages = await lint('js', 'train-factory.cjs');
    // A call of what `require` gives calls the function, whatever it is bound to;
    // properties set on it afterwards and the members of an assigned object are
    // read as before; the function has no property `createModel` (line 8: unknown).
    expect(messages.map((m) => [m.line, m.message.split(' is fed')[0]])).toEqual([
      [5, 'The softmax output (factory.cjs:5)'],
      [6, 'The softmax output (factory.cjs:5)'],
      [10, 'The sigmoid output (factory.cjs:9)'],
      [11, 'The sigmoid output (factory.cjs:9)'],
      [14, 'The softmax output (model.cjs:4)'],
      // A compile helper that is the whole module, called with a model of this file.
      [17, 'The softmax output'],
    ]);
    // TypeScript's `import createModel = require(...)` is the same value.
    const ts = await lint('js', 'factory-equals.ts');
    expect(ts.map((m) => [m.line, m.message.split(' is fed')[0]])).toEqual([[5, 'The softmax output (factory.cjs:5)']]);
    // And what a TypeScript module gives with `export = value`.
    const assigned = await lint('ts', 'train-assign.ts');
    expect(assigned.map((m) => [m.line, m.message.split(' is fed')[0]])).toEqual([
      [4, 'The sigmoid output (factory-assign.cts:4)'],
    ]);
  });

  it('reports each compile call of a model built in another module, not only the first one', async () => {
    const result = await lintAll('twice.js');
    const text = readFileSync(path.join(fixtures, 'js', 'twice.js'), 'utf8');
    // Two calls of each factory, each compiled with the wrong loss: a mistake in each
    // call (the other half is in another file, so each is reported at its own loss).
    expect(result!.messages.map((m) => [m.line, m.ruleId, m.fix?.text])).toEqual([
      [8, 'tfjs/no-activation-before-logits-loss', "'categoricalCrossentropy'"],
      [9, 'tfjs/no-activation-before-logits-loss', "'categoricalCrossentropy'"],
      [10, 'tfjs/no-sigmoid-with-categorical-loss', undefined],
      [11, 'tfjs/no-sigmoid-with-categorical-loss', undefined],
      [12, 'tfjs/no-missing-output-activation', undefined],
      [13, 'tfjs/no-missing-output-activation', undefined],
      // One sigmoid unit with the sparse loss: its labels are class ids, not 0/1 probabilities, so no
      // binary loss is offered (issue 26, finding 2).
      [14, 'tfjs/no-categorical-loss-single-unit', undefined],
      [15, 'tfjs/no-categorical-loss-single-unit', undefined],
    ]);
    // Each fix edits its own line's loss only.
    const lines = result!.messages
      .filter((m) => m.fix)
      .map((m) => [m.line, text.slice(0, m.fix!.range[0]).split('\n').length]);
    expect(lines.every(([line, fixed]) => line === fixed)).toBe(true);
  });

  it('reports the outputs of a model of another module that one loss here gets wrong once, naming each output', async () => {
    const result = await lintAll('train-heads.js');
    // One loss for both outputs: one report at the loss, not one per output at the
    // same place (nor one naming the first output only).
    expect(result!.messages.map((m) => [m.line, m.ruleId, m.message.split(/ is | scores /)[0]])).toEqual([
      [6, 'tfjs/no-missing-output-activation', 'The output layer (heads.js:6, heads.js:7)'],
      [7, 'tfjs/no-activation-before-logits-loss', 'The softmax output (heads.js:13, heads.js:14)'],
      [8, 'tfjs/no-sigmoid-with-categorical-loss', 'The sigmoid output (heads.js:20, heads.js:21)'],
    ]);
    // The loss here is the edit that suits both outputs: offered (two outputs: not an
    // autofix); the layers are another file's.
    expect(result!.messages.map((m) => [m.fix, m.suggestions?.map((x) => x.messageId)])).toEqual([
      [undefined, ['useLogitsLoss']],
      [undefined, ['useProbabilityLoss']],
      [undefined, ['useBinaryCrossentropy']],
    ]);
    // Each suggestion rewrites its own line's loss, and only that.
    const text = readFileSync(path.join(fixtures, 'js', 'train-heads.js'), 'utf8');
    const applied = result!.messages.map((m) => {
      const { range, text: replacement } = m.suggestions![0]!.fix;
      const fixed = text.slice(0, range[0]) + replacement + text.slice(range[1]);
      return fixed.split('\n').filter((line, i) => line !== text.split('\n')[i]);
    });
    expect(applied).toEqual([
      ["twoLinearHeads().compile({ optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy });"],
      ["twoSoftmaxHeads().compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });"],
      ["twoSigmoidHeads().compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });"],
    ]);
  });

  it('reads TypeScript sources imported as .js with the TS parser', async () => {
    const messages = await lint('ts', 'train.ts');
    expect(messages.map((m) => [m.line, m.message.split(' is fed')[0]])).toEqual([
      [5, 'The sigmoid output (model.ts:5)'],
    ]);
  });

  it('treats cycles, missing, unparsable and out-of-project modules as unknown', async () => {
    readLog.length = 0;
    expect(await lint('js', 'cycle-a.js')).toEqual([]);
    expect(await lint('js', 'missing-and-broken.js')).toEqual([]);
    const outside = readLog.filter((f) => !f.startsWith(path.join(fixtures, 'js') + path.sep));
    expect(outside).toEqual([]);
    expect(readLog).toContain(path.join(fixtures, 'js', 'broken.js'));
  });

  it("never lets a fix or suggestion edit the linted file at another file's positions", async () => {
    const espree = await import('espree');
    const eslint = new ESLint({
      cwd: path.join(fixtures, 'js'),
      overrideConfigFile: true,
      overrideConfig: [plugin.configs.all as never],
    });
    const [result] = await eslint.lintFiles(['train-linear.js']);
    const text = readFileSync(path.join(fixtures, 'js', 'train-linear.js'), 'utf8');
    const rules = result!.messages.map((m) => m.ruleId);
    // The remote linear output and the remote 1-unit softmax are both reported here.
    expect(rules).toEqual(['tfjs/no-missing-output-activation', 'tfjs/no-categorical-loss-single-unit']);
    expect(result!.messages.map((m) => m.line)).toEqual([7, 10]);
    for (const m of result!.messages) {
      for (const fix of [m.fix, ...(m.suggestions ?? []).map((x) => x.fix)]) {
        if (!fix) continue;
        const fixed = text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
        expect(() => espree.parse(fixed, { ecmaVersion: 'latest', sourceType: 'module' })).not.toThrow();
        // Only this file's own text is touched: the loss on the reported line.
        expect(text.slice(fix.range[0], fix.range[1]).includes('\n')).toBe(false);
      }
    }
  });

  it("names the other file in every rule's message when the output is built there", async () => {
    const eslint = new ESLint({
      cwd: path.join(fixtures, 'js'),
      overrideConfigFile: true,
      overrideConfig: [plugin.configs.all as never],
    });
    const [tags, linear] = await eslint.lintFiles(['train-tags.js', 'train-linear.js']);
    expect(tags!.messages.map((m) => [m.ruleId, m.line, m.message.split(' scores')[0]])).toEqual([
      ['tfjs/no-sigmoid-with-categorical-loss', 3, 'The sigmoid output (multilabel-model.js:4)'],
    ]);
    expect(linear!.messages[0]!.message).toMatch(/^The output layer \(model\.js:12\) is linear/);
  });

  it('is off with settings.tfjs.crossFile: false', async () => {
    expect(await lint('js', 'train.js', { tfjs: { crossFile: false } })).toEqual([]);
    expect(await lint('js', 'app.js', { tfjs: { crossFile: false } })).toEqual([]);
  });

  it('resolves a specifier again when a file appears or disappears where it could resolve (cached resolutions)', async () => {
    await inTempDir('tfjs-resolve-', (root) => {
      // Directories changed in the last 2 s are not cached (coarse mtime clocks): each
      // step dates the two deciding directories back, to a time of its own.
      let step = 0;
      const settle = () => dateBack(step++, src, path.join(src, 'model'));
      const src = path.join(root, 'src');
      mkdirSync(path.join(src, 'model'), { recursive: true });
      settle();
      // Nothing yet: unresolved (and that answer is cached too).
      expect(resolveFile(src, './model', root)).toBeUndefined();
      expect(resolveFile(src, './model', root)).toBeUndefined();
      // An index file appears in the directory the specifier names.
      writeFileSync(path.join(src, 'model', 'index.js'), 'export default 1;\n');
      settle();
      expect(resolveFile(src, './model', root)).toBe(path.join(src, 'model', 'index.js'));
      expect(resolveFile(src, './model', root)).toBe(path.join(src, 'model', 'index.js'));
      // A file that comes earlier in the candidate order appears next to it.
      writeFileSync(path.join(src, 'model.ts'), 'export default 2;\n');
      settle();
      expect(resolveFile(src, './model', root)).toBe(path.join(src, 'model.ts'));
      // And goes again.
      rmSync(path.join(src, 'model.ts'));
      settle();
      expect(resolveFile(src, './model', root)).toBe(path.join(src, 'model', 'index.js'));
      // Leaving the project is never resolved.
      expect(resolveFile(src, '../../x', root)).toBeUndefined();
    });
  });

  it('sees, on the next lint, a file that appears where an import of the linted file resolves (lookups are per linted file)', async () => {
    await inTempDir('tfjs-lookups-', (root) => {
      // Dated back, so that the resolution is cached across lints (see the test above).
      const settle = (step: number) => dateBack(step, root, path.join(root, 'model'));
      const model = (activation: string) =>
        `import * as tf from '@tensorflow/tfjs';\nexport const createModel = () => tf.sequential({ layers: [tf.layers.dense({ units: 3, activation: '${activation}', inputShape: [4] })] });\n`;
      const train =
        "import * as tf from '@tensorflow/tfjs';\nimport { createModel } from './model';\n" +
        "const m = createModel();\nm.compile({ optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy });\n";
      const lintTrain = () => lintIn(root, train, path.join(root, 'train.js'));
      mkdirSync(path.join(root, 'model'));
      writeFileSync(path.join(root, 'model', 'index.js'), model('softmax'));
      settle(0);
      expect(lintTrain()).toEqual(['The softmax output (model/index.js:2)']);
      expect(lintTrain()).toEqual(['The softmax output (model/index.js:2)']);
      // `./model.js` comes before `./model/index.js`: the next lint follows it.
      writeFileSync(path.join(root, 'model.js'), model('linear'));
      settle(1);
      expect(lintTrain()).toEqual([]);
      // Edited in place (same size, later mtime): read again on the next lint.
      writeFileSync(path.join(root, 'model.js'), model('sigmoid'));
      const later = new Date(Date.now() + 5000);
      utimesSync(path.join(root, 'model.js'), later, later);
      expect(lintTrain()).toEqual(['The sigmoid output (model.js:2)']);
      // And removed again.
      rmSync(path.join(root, 'model.js'));
      settle(2);
      expect(lintTrain()).toEqual(['The softmax output (model/index.js:2)']);
    });
  });

  it('keeps the layers a file adds to a model of another module to that file (the module is shared by every file that imports it)', async () => {
    await inTempDir('tfjs-importer-adds-', (root) => {
      writeFileSync(
        path.join(root, 'model.js'),
        "import * as tf from '@tensorflow/tfjs';\nexport function createModel() {\n  const m = tf.sequential();\n  m.add(tf.layers.dense({ units: 3, activation: 'softmax', inputShape: [4] }));\n  return m;\n}\n",
      );
      const head =
        "import * as tf from '@tensorflow/tfjs';\nimport { createModel } from './model.js';\nconst m = createModel();\n";
      const compile = "m.compile({ optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy });\n";
      // a.js adds a linear layer after the softmax (no bug); b.js trains the softmax output (a bug).
      const a = head + 'm.add(tf.layers.dense({ units: 3 }));\n' + compile;
      const b = head + compile;
      const lintB = () => lintIn(root, b, path.join(root, 'b.js'));
      expect(lintB()).toEqual(['The softmax output (model.js:4)']);
      expect(lintIn(root, a, path.join(root, 'a.js'))).toEqual([]);
      // Once a.js was linted, b.js is judged as before: a.js's add is not b.js's.
      expect(lintB()).toEqual(['The softmax output (model.js:4)']);
      // Nor is a removal (`pop()`) another file makes.
      lintIn(root, head + 'm.pop();\n' + compile, path.join(root, 'c.js'));
      expect(lintB()).toEqual(['The softmax output (model.js:4)']);
    });
  });

  it('keeps modules parsed with other parser options apart (the facts do not depend on which file was linted first)', async () => {
    await inTempDir('tfjs-parser-options-', async (root) => {
      // model.jsx parses only with JSX on, which the config gives *.jsx alone.
      writeFileSync(
        path.join(root, 'model.jsx'),
        "import * as tf from '@tensorflow/tfjs';\nexport const Badge = () => <b>model</b>;\n" +
          "export function createModel() {\n  return tf.sequential({ layers: [tf.layers.dense({ units: 3, activation: 'softmax', inputShape: [4] })] });\n}\n",
      );
      writeFileSync(
        path.join(root, 'train.js'),
        "import * as tf from '@tensorflow/tfjs';\nimport { createModel } from './model.jsx';\n" +
          "const m = createModel();\nm.compile({ optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy });\n",
      );
      const config = [
        { files: ['**/*.js', '**/*.jsx'], plugins: { tfjs: plugin as never }, rules: { [RULE]: 'error' as const } },
        { files: ['**/*.jsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
      ];
      // Linted one by one, in this order, then train.js: how many reports it gets.
      const trainReports = (files: string[]) => {
        clearModuleCache();
        let reports = 0;
        for (const f of [...files, 'train.js']) {
          const file = path.join(root, f);
          const messages = new Linter({ cwd: root }).verify(readFileSync(file, 'utf8'), config as never, {
            filename: file,
          });
          expect(messages.filter((m) => m.fatal)).toEqual([]);
          if (f === 'train.js') reports = messages.length;
        }
        return reports;
      };
      // Read with train.js's options, model.jsx does not parse: unknown, whether or
      // not ESLint parsed it (with its own options) just before.
      expect(trainReports([])).toBe(0);
      expect(trainReports(['model.jsx'])).toBe(0);
      // The same in one ESLint run, whose config objects serve every file matched by
      // the same config entries: model.jsx's options are not train.js's, so its kept
      // parse does not serve; with JSX on for both, it does, and the softmax is found.
      const lintRun = async (runConfig: typeof config, files: string[]) => {
        clearModuleCache();
        parseLog.length = 0;
        const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: runConfig as never });
        let reports = 0;
        for (const f of [...files, 'train.js']) {
          const [result] = await eslint.lintFiles([path.join(root, f)]);
          expect(result!.messages.filter((m) => m.fatal)).toEqual([]);
          if (f === 'train.js') reports = result!.messages.length;
        }
        return { reports, parsed: parseLog.map((f) => path.basename(f)) };
      };
      expect(await lintRun(config, ['model.jsx'])).toEqual({ reports: 0, parsed: ['model.jsx'] });
      const jsxForAll = [
        config[0]!,
        { files: ['**/*.js', '**/*.jsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
      ];
      expect(await lintRun(jsxForAll as typeof config, ['model.jsx'])).toEqual({ reports: 1, parsed: [] });
    });
  });

  it('keeps a module read under one project root apart from the same module under another (nested workspaces)', async () => {
    await inTempDir('tfjs-roots-', (root) => {
      mkdirSync(path.join(root, 'sub'));
      writeFileSync(
        path.join(root, 'shared.js'),
        "import * as tf from '@tensorflow/tfjs';\nexport const build = () => tf.sequential({ layers: [tf.layers.dense({ units: 3, activation: 'softmax', inputShape: [4] })] });\n",
      );
      writeFileSync(path.join(root, 'sub', 'm.js'), "export { build } from '../shared.js';\n");
      const train =
        "import * as tf from '@tensorflow/tfjs';\nimport { build } from './m.js';\n" +
        "const model = build();\nmodel.compile({ optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy });\n";
      const lintUnder = (cwd: string) => lintIn(cwd, train, path.join(root, 'sub', 'train.js'));
      // The whole project holds shared.js; the nested one does not, so there the
      // factory is unknown, also after the outer project has cached sub/m.js.
      expect(lintUnder(root)).toEqual(['The softmax output (../shared.js:2)']);
      expect(lintUnder(path.join(root, 'sub'))).toEqual([]);
      expect(lintUnder(root)).toEqual(['The softmax output (../shared.js:2)']);
    });
  });

  it('sees, on the next lint, a file added next to an imported module that changes what the module imports', async () => {
    await inTempDir('tfjs-module-deps-', (root) => {
      // Dated back, so that resolutions are cached across lints.
      const settle = (step: number) => dateBack(step, root, path.join(root, 'act'));
      // train.js -> model.js (never edited) -> './act', which is act/index.js until act.js appears.
      const model =
        "import * as tf from '@tensorflow/tfjs';\nimport { ACT } from './act';\n" +
        'export const createModel = () => tf.sequential({ layers: [tf.layers.dense({ units: 3, activation: ACT, inputShape: [4] })] });\n';
      const train =
        "import * as tf from '@tensorflow/tfjs';\nimport { createModel } from './model.js';\n" +
        "const m = createModel();\nm.compile({ optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy });\n";
      const lintTrain = () => lintIn(root, train, path.join(root, 'train.js'));
      mkdirSync(path.join(root, 'act'));
      writeFileSync(path.join(root, 'act', 'index.js'), "export const ACT = 'softmax';\n");
      writeFileSync(path.join(root, 'model.js'), model);
      const old = new Date(Date.now() - 900_000);
      utimesSync(path.join(root, 'model.js'), old, old);
      settle(0);
      expect(lintTrain()).toEqual(['The softmax output (model.js:3)']);
      // `./act.js` comes before `./act/index.js`: model.js now imports 'linear'.
      writeFileSync(path.join(root, 'act.js'), "export const ACT = 'linear';\n");
      settle(1);
      expect(lintTrain()).toEqual([]);
      rmSync(path.join(root, 'act.js'));
      settle(2);
      expect(lintTrain()).toEqual(['The softmax output (model.js:3)']);
    });
  });

  it('treats a file that imports itself as unknown, also when it is linted through a symlinked directory', async () => {
    const { symlinkSync } = await import('node:fs');
    await inTempDir('tfjs-self-', (root) => {
      const text =
        "import * as tf from '@tensorflow/tfjs';\nimport { createModel as make } from './self.js';\n" +
        "export const createModel = () => tf.sequential({ layers: [tf.layers.dense({ units: 3, activation: 'softmax', inputShape: [4] })] });\n" +
        "make().compile({ optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy });\n";
      const lintAs = (file: string) => lintIn(root, text, file);
      mkdirSync(path.join(root, 'real'));
      writeFileSync(path.join(root, 'real', 'self.js'), text);
      symlinkSync(path.join(root, 'real'), path.join(root, 'link'), 'dir');
      // The import names the linted file itself: unknown, by its path or through the link.
      expect(lintAs(path.join(root, 'real', 'self.js'))).toEqual([]);
      expect(lintAs(path.join(root, 'link', 'self.js'))).toEqual([]);
      // The same text in another file of that directory does follow the import (the check matters).
      writeFileSync(path.join(root, 'real', 'other.js'), text);
      // Described from where the linked folder really is: the module sits beside the file.
      expect(lintAs(path.join(root, 'link', 'other.js'))).toEqual(['The softmax output (self.js:3)']);
    });
  });

  it('follows imports when ESLint runs in a symlinked project directory (paths not resolved)', async () => {
    const { symlinkSync } = await import('node:fs');
    await inTempDir('tfjs-cwdlink-', (root) => {
      const real = path.join(root, 'real');
      const link = path.join(root, 'link');
      mkdirSync(real);
      symlinkSync(real, link, 'dir');
      writeFileSync(path.join(real, 'model.js'), readFileSync(path.join(fixtures, 'js', 'model.js'), 'utf8'));
      writeFileSync(path.join(real, 'config.js'), readFileSync(path.join(fixtures, 'js', 'config.js'), 'utf8'));
      const text = readFileSync(path.join(fixtures, 'js', 'train.js'), 'utf8');
      // An editor opened on the link: ESLint's cwd and the file's path both go through it.
      expect(lintIn(link, text, path.join(link, 'train.js'))).toEqual(['The softmax output (model.js:7)']);
      expect(lintIn(real, text, path.join(real, 'train.js'))).toEqual(['The softmax output (model.js:7)']);
      // The link does not widen the project: a module beside the project is still outside it.
      mkdirSync(path.join(real, 'app'));
      const outsideText = text.replace("'./model.js'", "'../../real/model.js'");
      expect(lintIn(path.join(link, 'app'), outsideText, path.join(link, 'app', 'train.js'))).toEqual([]);
    });
  });

  it('follows imports in a folder whose name starts with two dots (`..lib` is inside the project)', async () => {
    await inTempDir('tfjs-dots-', (root) => {
      const dir = path.join(root, '..lib');
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'model.js'), readFileSync(path.join(fixtures, 'js', 'model.js'), 'utf8'));
      writeFileSync(path.join(dir, 'config.js'), readFileSync(path.join(fixtures, 'js', 'config.js'), 'utf8'));
      const text = readFileSync(path.join(fixtures, 'js', 'train.js'), 'utf8');
      expect(lintIn(root, text, path.join(dir, 'train.js'))).toEqual(['The softmax output (model.js:7)']);
    });
  });

  it('re-reads a module when it changes (cache keyed by path and modification time)', async () => {
    const config = path.join(fixtures, 'js', 'config.js');
    const original = readFileSync(config, 'utf8');
    try {
      expect(await lint('js', 'train.js')).toHaveLength(1);
      writeFileSync(config, original.replace("'softmax'", "'linear'"));
      const later = new Date(Date.now() + 5000);
      utimesSync(config, later, later);
      expect(await lint('js', 'train.js')).toEqual([]);
    } finally {
      writeFileSync(config, original);
    }
  });
});

describe('JavaScript modules imported from TypeScript files', () => {
  // ESLint's espree, the parser it lints JavaScript with (the same instance ESLint loaded).
  const espree = createRequire(createRequire(import.meta.url).resolve('eslint/package.json'))('espree') as {
    parse: (text: string, options: Record<string, unknown>) => unknown;
  };
  const model = (extra = '') =>
    `import * as tf from '@tensorflow/tfjs';\n${extra}\nexport function createModel() {\n` +
    "  return tf.sequential({ layers: [tf.layers.dense({ units: 3, activation: 'softmax', inputShape: [4] })] });\n}\n";
  const train = (module: string) =>
    `import * as tf from '@tensorflow/tfjs';\nimport { createModel } from './${module}';\n\n` +
    "const model: tf.Sequential = createModel();\nmodel.compile({ optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy });\n";
  const configWith = (tsOptions: Record<string, unknown> = {}, jsOptions: Record<string, unknown> = {}) => [
    { files: ['**/*.js', '**/*.jsx', '**/*.ts'], plugins: { tfjs: plugin as never }, rules: plugin.configs.all.rules },
    { files: ['**/*.js', '**/*.jsx'], languageOptions: { parserOptions: jsOptions } },
    { files: ['**/*.ts'], languageOptions: { parser: tsParser as never, parserOptions: tsOptions } },
  ];
  const JSX = { ecmaFeatures: { jsx: true } };
  /** A TypeScript module whose model has a softmax output (line 3). */
  const tsModel =
    "import * as tf from '@tensorflow/tfjs';\nexport function createModel(): tf.Sequential {\n" +
    "  return tf.sequential({ layers: [tf.layers.dense({ units: 3, activation: 'softmax', inputShape: [4] })] });\n}\n";

  /**
   * `files` linted in this order (a new module cache): each file's messages, the
   * modules the reader parsed itself, and those of them it parsed with espree.
   */
  function lintInOrder(root: string, files: string[], config = configWith()) {
    clearModuleCache();
    parseLog.length = 0;
    const spy = vi.spyOn(espree, 'parse');
    try {
      const messages: Record<string, string[]> = {};
      for (const f of files) {
        const file = path.join(root, f);
        const found = new Linter({ cwd: root }).verify(readFileSync(file, 'utf8'), config as never, { filename: file });
        messages[f] = found.map((m) => `${m.line}:${m.ruleId}:${m.message.split(' is fed')[0]}`);
      }
      // ESLint's own parses ask for tokens; the reader's do not.
      const byEspree = spy.mock.calls
        .filter(([, o]) => o.tokens === false)
        .map(([, o]) => path.basename(String(o.filePath)));
      return { messages, parsed: parseLog.map((f) => path.basename(f)), byEspree };
    } finally {
      spy.mockRestore();
    }
  }

  it("parses them with ESLint's espree, and reuses ESLint's parse of one linted before: the same reports in any lint order", async () => {
    await inTempDir('tfjs-ts-js-', async (root) => {
      writeFileSync(path.join(root, 'model.js'), model());
      writeFileSync(path.join(root, 'train.ts'), train('model.js'));
      const expected = ['5:tfjs/no-activation-before-logits-loss:The softmax output (model.js:4)'];
      // Alone: the module is parsed once, by espree (not typescript-eslint's parser).
      const alone = lintInOrder(root, ['train.ts']);
      expect(alone.messages['train.ts']).toEqual(expected);
      expect(alone).toMatchObject({ parsed: ['model.js'], byEspree: ['model.js'] });
      // model.js linted first: ESLint's parse of it (espree, the same options) serves.
      const after = lintInOrder(root, ['model.js', 'train.ts']);
      expect(after.messages['train.ts']).toEqual(expected);
      expect(after).toMatchObject({ parsed: [], byEspree: [] });
      // train.ts first: the same reports for both files.
      const before = lintInOrder(root, ['train.ts', 'model.js']);
      expect(before.messages).toEqual(after.messages);
      expect(before).toMatchObject({ parsed: ['model.js'], byEspree: ['model.js'] });
      // In one ESLint run too (its config objects serve every file they match).
      clearModuleCache();
      parseLog.length = 0;
      const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: configWith() as never });
      const results = [];
      for (const f of ['model.js', 'train.ts']) results.push(...(await eslint.lintFiles([path.join(root, f)])));
      expect(results[1]!.messages.map((m) => `${m.line}:${m.ruleId}:${m.message.split(' is fed')[0]}`)).toEqual(
        expected,
      );
      expect(parseLog).toEqual([]);
    });
  });

  it('parses a module with JSX with espree when the TypeScript file has JSX on, and as before when it has not', async () => {
    await inTempDir('tfjs-ts-jsx-', (root) => {
      const badge = 'export const Badge = () => <b>model</b>;\n';
      writeFileSync(path.join(root, 'model.jsx'), model(badge));
      writeFileSync(path.join(root, 'train.ts'), train('model.jsx'));
      const expected = ['5:tfjs/no-activation-before-logits-loss:The softmax output (model.jsx:5)'];
      // JSX on for both: espree with JSX, and ESLint's parse of model.jsx serves.
      const jsx = configWith(JSX, JSX);
      expect(lintInOrder(root, ['train.ts'], jsx)).toMatchObject({
        messages: { 'train.ts': expected },
        parsed: ['model.jsx'],
        byEspree: ['model.jsx'],
      });
      expect(lintInOrder(root, ['model.jsx', 'train.ts'], jsx)).toMatchObject({
        messages: { 'train.ts': expected },
        parsed: [],
        byEspree: [],
      });
      // JSX off in the TypeScript file: a `.jsx` module is read with its parser, as before.
      expect(lintInOrder(root, ['train.ts'])).toMatchObject({
        messages: { 'train.ts': expected },
        parsed: ['model.jsx'],
        byEspree: [],
      });
      // A `.js` module with JSX, JSX off: espree cannot parse it, typescript-eslint's
      // parser (which reads JSX in any `.js` file) can, as before; ESLint's parse of
      // it with JSX on is another setup and does not serve. The same in either order.
      writeFileSync(path.join(root, 'view.js'), model(badge));
      writeFileSync(path.join(root, 'train.ts'), train('view.js'));
      const js = configWith({}, JSX);
      const viewExpected = ['5:tfjs/no-activation-before-logits-loss:The softmax output (view.js:5)'];
      const alone = lintInOrder(root, ['train.ts'], js);
      expect(alone).toMatchObject({
        messages: { 'train.ts': viewExpected },
        parsed: ['view.js', 'view.js'],
        byEspree: ['view.js'],
      });
      expect(lintInOrder(root, ['view.js', 'train.ts'], js).messages).toEqual(
        lintInOrder(root, ['train.ts', 'view.js'], js).messages,
      );
      expect(lintInOrder(root, ['view.js', 'train.ts'], js).messages['train.ts']).toEqual(viewExpected);
    });
  });

  it("reads a JavaScript module's own imports as a JavaScript file's (a TypeScript module behind it is read with espree, as when ESLint lints it)", async () => {
    await inTempDir('tfjs-ts-js-ts-', (root) => {
      writeFileSync(
        path.join(root, 'model.ts'),
        "import * as tf from '@tensorflow/tfjs';\nexport function createModel(units: number): tf.Sequential {\n" +
          "  return tf.sequential({ layers: [tf.layers.dense({ units, activation: 'softmax', inputShape: [4] })] });\n}\n",
      );
      writeFileSync(path.join(root, 'mid.js'), "export { createModel } from './model.js';\n");
      writeFileSync(path.join(root, 'train.ts'), train('mid.js'));
      // mid.js is parsed with espree and its import of model.ts too, which espree
      // cannot read: unknown, in any order, as for a JavaScript file importing mid.js.
      expect(lintInOrder(root, ['train.ts']).messages['train.ts']).toEqual([]);
      expect(lintInOrder(root, ['mid.js', 'model.ts', 'train.ts']).messages['train.ts']).toEqual([]);
      // A TypeScript file's own import of model.ts is read with its parser.
      writeFileSync(path.join(root, 'train.ts'), train('model.js'));
      expect(lintInOrder(root, ['train.ts']).messages['train.ts']).toEqual([
        '5:tfjs/no-activation-before-logits-loss:The softmax output (model.ts:3)',
      ]);
    });
  });

  it("resolves names of a module with a direct `eval` alike in its own parse and in ESLint's kept parse (either lint order)", async () => {
    await inTempDir('tfjs-ts-eval-', (root) => {
      // The config is changed after it is written: its activation is not a constant.
      // Without ESLint's `ignoreEval`, the `eval` would leave every name around it
      // unresolved, the write to `cfg` unseen, and the softmax a (false) fact.
      const module =
        "import * as tf from '@tensorflow/tfjs';\nconst cfg = { units: 3, activation: 'softmax', inputShape: [4] };\ncfg.activation = 'linear';\n" +
        'export function createModel() {\n  return tf.sequential({ layers: [tf.layers.dense(cfg)] });\n}\nexport function debug(s) { return eval(s); }\n';
      writeFileSync(path.join(root, 'model.js'), module);
      writeFileSync(path.join(root, 'train.ts'), train('model.js'));
      writeFileSync(path.join(root, 'trainjs.js'), train('model.js').replace(': tf.Sequential', ''));
      for (const order of [
        ['model.js', 'train.ts', 'trainjs.js'],
        ['train.ts', 'trainjs.js', 'model.js'],
      ]) {
        const { messages } = lintInOrder(root, order);
        expect({ order, ts: messages['train.ts'], js: messages['trainjs.js'] }).toEqual({ order, ts: [], js: [] });
      }
    });
  });

  it('parses a module that starts with a shebang as ESLint does (a line comment), whatever the ECMAScript version', async () => {
    await inTempDir('tfjs-ts-shebang-', (root) => {
      // Below ES2023 espree rejects `#!`; ESLint reads it as a comment. Parsed as it
      // is, cli.js would fail and be read with the TypeScript parser (model.ts known)
      // when train.ts comes first, and from ESLint's parse (model.ts unknown behind a
      // JavaScript module) when cli.js comes first.
      writeFileSync(path.join(root, 'model.ts'), tsModel);
      writeFileSync(path.join(root, 'cli.js'), "#!/usr/bin/env node\nexport { createModel } from './model.js';\n");
      writeFileSync(path.join(root, 'train.ts'), train('cli.js'));
      const es2022 = configWith().map((c) => ({
        ...c,
        languageOptions: { ...(c as { languageOptions?: object }).languageOptions, ecmaVersion: 2022 },
      }));
      const first = lintInOrder(root, ['train.ts', 'cli.js'], es2022 as never);
      const second = lintInOrder(root, ['cli.js', 'train.ts'], es2022 as never);
      expect(first.messages).toEqual(second.messages);
      // cli.js parsed by espree, and model.ts behind it tried by espree too (unknown).
      expect(first).toMatchObject({ messages: { 'train.ts': [] }, byEspree: ['cli.js', 'model.ts'] });
    });
  });

  it("leaves a JavaScript file parsed with typescript-eslint's parser (its shared configs give it every file) reading its modules with that parser", async () => {
    await inTempDir('tfjs-tsall-', (root) => {
      writeFileSync(path.join(root, 'model.ts'), tsModel);
      writeFileSync(path.join(root, 'mid.js'), "export { createModel } from './model.js';\n");
      writeFileSync(path.join(root, 'trainjs.js'), train('mid.js').replace(': tf.Sequential', ''));
      const everyFile = [
        { files: ['**/*.js', '**/*.ts'], plugins: { tfjs: plugin as never }, rules: plugin.configs.all.rules },
        { files: ['**/*.js', '**/*.ts'], languageOptions: { parser: tsParser as never } },
      ];
      const expected = ['5:tfjs/no-activation-before-logits-loss:The softmax output (model.ts:3)'];
      // mid.js and model.ts behind it are read with typescript-eslint's parser, as
      // before (mid.js names no TF.js, so ESLint's parse of it is not kept).
      const after = lintInOrder(root, ['mid.js', 'trainjs.js'], everyFile as never);
      expect(after).toMatchObject({ messages: { 'trainjs.js': expected }, byEspree: [] });
      expect(after.parsed).toEqual(['mid.js', 'model.ts']);
      expect(lintInOrder(root, ['trainjs.js'], everyFile as never)).toMatchObject({
        messages: { 'trainjs.js': expected },
        byEspree: [],
      });
    });
  });

  it('resolves the names a script declares at its top level as ESLint 9 does, with eslint-scope 8 as with 9', () => {
    // eslint-scope 8 leaves them unresolved in the global scope and ESLint 9 links
    // them for its own parse; a parse of ours must too, or the write on line 2 is
    // missed in it and seen in ESLint's kept parse of the same file.
    const linter = new Linter();
    linter.verify('let x;', []);
    const SourceCode = Object.getPrototypeOf(linter.getSourceCode()).constructor;
    const load = createRequire(import.meta.url);
    const text = "var cfg = { activation: 'softmax' };\ncfg.activation = 'linear';\nfunction build() { return cfg; }\n";
    for (const scope of [load('eslint-scope-v8'), load('eslint-scope')]) {
      const setup = {
        parser: espree as never,
        SourceCode,
        scope,
        parserOptions: {},
        ecmaVersion: 2022,
        sourceType: 'script',
      };
      const sourceCode = parseModule(text, path.join(os.tmpdir(), 'model.js'), setup as never)!;
      const globalScope = sourceCode.scopeManager!.globalScope!;
      const cfg = globalScope.set.get('cfg')!;
      expect({ version: scope.version, lines: cfg.references.map((r) => r.identifier.loc.start.line) }).toEqual({
        version: scope.version,
        lines: [1, 2, 3],
      });
      expect(cfg.references.every((r) => r.resolved === cfg)).toBe(true);
      expect(globalScope.through.map((r) => r.identifier.name)).not.toContain('cfg');
    }
  });

  it("finds espree from the running ESLint's SourceCode class, and nothing for a class no loaded module exports", () => {
    const sourceCode = (() => {
      const linter = new Linter();
      linter.verify('let x;', []);
      return linter.getSourceCode();
    })();
    expect(eslintEspree(Object.getPrototypeOf(sourceCode).constructor)).toBe(espree);
    expect(eslintEspree(class NotESLint {})).toBeNull();
  });

  it('takes espree from beside the module whose exports are the class itself, not from one that re-exports it', async () => {
    await inTempDir('tfjs-espree-', (root) => {
      // Two loaded modules offer the class: a package that re-exports it (loaded
      // first) and the class's own module, as ESLint's source-code.js is.
      const load = createRequire(import.meta.url);
      const files: string[] = [];
      for (const [dir, body] of [
        ['reexport', 'module.exports = { SourceCode: globalThis.__tfjsTestClass };'],
        ['own', 'module.exports = globalThis.__tfjsTestClass;'],
      ] as const) {
        mkdirSync(path.join(root, dir, 'node_modules', 'espree'), { recursive: true });
        writeFileSync(
          path.join(root, dir, 'node_modules', 'espree', 'index.js'),
          `module.exports = { parse() {}, VisitorKeys: {}, from: '${dir}' };`,
        );
        writeFileSync(path.join(root, dir, 'source-code.js'), body);
        files.push(path.join(root, dir, 'source-code.js'));
      }
      const g = globalThis as { __tfjsTestClass?: unknown };
      g.__tfjsTestClass = class SourceCode {};
      try {
        for (const f of files) load(f);
        expect((eslintEspree(g.__tfjsTestClass as object) as { from?: string } | null)?.from).toBe('own');
      } finally {
        delete g.__tfjsTestClass;
        for (const key of Object.keys(load.cache)) if (key.startsWith(root)) delete load.cache[key];
      }
    });
  });
});
