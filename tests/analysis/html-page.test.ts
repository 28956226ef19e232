/**
 * HTML pages linted through eslint-plugin-html (this repository's ESLint): page
 * lines in messages and locations, `--fix` and suggestions placed in the page (with
 * its indentation), a page's classic scripts read as one global scope (inline and
 * local `<script src>`), module scripts, the CDN `tf` global, and what a page costs
 * (read once; a page without TF.js never read).
 */
import { ESLint } from 'eslint';
// After ESLint: the plugin patches the Linter it finds loaded.
import html from 'eslint-plugin-html';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { pageReadLog, scriptParseLog } from '../../src/analysis/html-page.js';

const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'tfjs-html-')));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CDN = '<script src="https://cdn.jsdelivr.net/npm/@tensorflow/tfjs@4.22.0/dist/tf.min.js"></script>';

function write(name: string, lines: readonly string[]): string {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, lines.join('\n'));
  return file;
}

async function lint(name: string, options: { fix?: boolean; sourceType?: 'module' | 'script' } = {}) {
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    fix: options.fix ?? false,
    overrideConfig: [
      {
        files: ['**/*.html'],
        plugins: { html: html as never, tfjs: plugin as never },
        languageOptions: { sourceType: options.sourceType ?? 'script' },
        rules: plugin.configs.recommended.rules,
      },
    ],
  });
  const [result] = await eslint.lintFiles([name]);
  return result!;
}

/** The page text with a suggestion applied (what an editor does with its range). */
function applied(page: string, fix: { range: [number, number]; text: string }): string {
  return page.slice(0, fix.range[0]) + fix.text + page.slice(fix.range[1]);
}

describe('a page with one script', () => {
  const lines = [
    '<!doctype html>', // 1
    '<html>', // 2
    `  <head>${CDN}</head>`, // 3
    '  <body>', // 4
    '    <script>', // 5
    '      const model = tf.sequential();', // 6
    "      model.add(tf.layers.dense({units: 32, activation: 'relu', inputShape: [4]}));", // 7
    '      model.add(tf.layers.dense({', // 8
    '        units: 10,', // 9
    '      }));', // 10
    "      model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});", // 11
    '    </script>', // 12
    '  </body>', // 13
    '</html>', // 14
  ];

  it('is reported at page lines, and names page lines in the message (the CDN `tf` needs no setting)', async () => {
    write('one.html', lines);
    const { messages } = await lint('one.html');
    expect(messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['tfjs/no-missing-output-activation', 8, 17]]);
    expect(messages[0]!.message).toContain('(line 11)');
  });

  it('suggests the activation on its own line, with the page indentation (--fix leaves the layer alone)', async () => {
    write('fix.html', lines);
    const { messages } = await lint('fix.html');
    const suggestion = messages[0]!.suggestions!.find((s) => s.messageId === 'addActivation')!;
    expect(applied(lines.join('\n'), suggestion.fix).split('\n').slice(7, 11)).toEqual([
      '      model.add(tf.layers.dense({',
      '        units: 10,',
      "        activation: 'softmax',",
      '      }));',
    ]);
    expect((await lint('fix.html', { fix: true })).output).toBeUndefined();
  });

  it('gives suggestions in page offsets', async () => {
    const page = write('suggest.html', lines);
    const { messages } = await lint('suggest.html');
    const suggestion = messages[0]!.suggestions!.find((s) => s.messageId === 'useLogitsLoss')!;
    expect(applied(lines.join('\n'), suggestion.fix).split('\n')[10]).toBe(
      "      model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});",
    );
    expect(page).toBeTruthy();
  });
});

describe('a leak reached through a helper call', () => {
  it('names the page line of the call, not the line in the script', async () => {
    write('via.html', [
      '<html>', // 1
      '<body>', // 2
      '<p>page text</p>', // 3
      '<p>more page text</p>', // 4
      CDN, // 5
      '<script>', // 6
      'const xs = tf.tensor1d([0, 1, 2, 3]);', // 7
      'const ys = tf.tensor1d([1, 3, 5, 7]);', // 8
      'const cost = (pred, label) => pred.sub(label).square().mean();', // 9
      'for (let i = 0; i < 100; i++) {', // 10
      '  console.log(cost(xs, ys).dataSync());', // 11
      '}', // 12
      '</script>', // 13
      '</html>', // 14
    ]);
    const { messages } = await lint('via.html');
    // The intermediates of `cost`, and the cost itself (only read by `dataSync`).
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([
      ['tfjs/no-leaked-tensor', 9],
      ['tfjs/no-leaked-tensor', 11],
    ]);
    expect(messages[0]!.message).toContain('(through the call on line 11)');
    expect(messages[1]!.message).not.toContain('through');
  });
});

describe('a page whose scripts split the model and its compile', () => {
  it('follows the model into the next classic script, with page lines', async () => {
    write('split.html', [
      CDN, // 1
      '<script>', // 2
      '  const model = tf.sequential();', // 3
      "  model.add(tf.layers.dense({units: 3, inputShape: [4], activation: 'sigmoid'}));", // 4
      '</script>', // 5
      '<p>Train it:</p>', // 6
      '<script>', // 7
      '  function train() {', // 8
      "    model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});", // 9
      '  }', // 10
      '</script>', // 11
    ]);
    const { messages } = await lint('split.html');
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([['tfjs/no-sigmoid-with-categorical-loss', 9]]);
    expect(messages[0]!.message).toContain('(line 4)');
    // The activation is in another script: no autofix there; the loss suggestion lands on line 9.
    expect(messages[0]!.fix).toBeUndefined();
    const page = (await import('node:fs')).readFileSync(path.join(dir, 'split.html'), 'utf8');
    const fix = messages[0]!.suggestions!.find((s) => s.messageId === 'useBinaryCrossentropy')!.fix;
    expect(page.slice(fix.range[0], fix.range[1])).toBe("'categoricalCrossentropy'");
  });

  it('follows a model of a local <script src> file, named by file and line', async () => {
    write('js/model.js', [
      'var model = tf.sequential();',
      "model.add(tf.layers.dense({units: 3, inputShape: [4], activation: 'sigmoid'}));",
    ]);
    write('src.html', [
      CDN,
      '<script src="js/model.js"></script>',
      "<script>model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});</script>",
    ]);
    const { messages } = await lint('src.html');
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([['tfjs/no-sigmoid-with-categorical-loss', 3]]);
    expect(messages[0]!.message).toContain('(js/model.js:2)');
  });

  it('stays silent when another script assigns the global, or when it is declared only after a top-level read', async () => {
    write('reassigned.html', [
      CDN,
      '<script>',
      '  let model = tf.sequential();',
      "  model.add(tf.layers.dense({units: 3, inputShape: [4], activation: 'sigmoid'}));",
      '</script>',
      '<script>',
      '  model = buildOtherModel();',
      "  model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});",
      '</script>',
    ]);
    expect((await lint('reassigned.html')).messages).toEqual([]);
    write('later.html', [
      CDN,
      "<script>model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});</script>",
      '<script>',
      '  const model = tf.sequential();',
      "  model.add(tf.layers.dense({units: 3, inputShape: [4], activation: 'sigmoid'}));",
      '</script>',
    ]);
    expect((await lint('later.html')).messages).toEqual([]);
  });

  it('stays silent when a third script assigns the global or two scripts declare it; a local of the same name does not count', async () => {
    const build = [
      '<script>',
      '  let model = tf.sequential();',
      "  model.add(tf.layers.dense({units: 3, inputShape: [4], activation: 'sigmoid'}));",
      '</script>',
    ];
    const compile = "<script>model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});</script>";
    write('assigned.html', [CDN, ...build, '<script>function reset() { model = null; }</script>', compile]);
    expect((await lint('assigned.html')).messages).toEqual([]);
    write('twice.html', [CDN, ...build, '<script>var model = loadModel();</script>', compile]);
    expect((await lint('twice.html')).messages).toEqual([]);
    write('local.html', [
      CDN,
      ...build,
      '<script>function demo() { const model = tf.sequential(); return model; }</script>',
      compile,
    ]);
    expect((await lint('local.html')).messages.map((m) => m.ruleId)).toEqual(['tfjs/no-sigmoid-with-categorical-loss']);
  });

  it('stays silent when a third script adds layers to the model', async () => {
    write('third.html', [
      CDN,
      '<script>',
      '  const model = tf.sequential();',
      "  model.add(tf.layers.dense({units: 3, inputShape: [4], activation: 'sigmoid'}));",
      '</script>',
      "<script>model.add(tf.layers.dense({units: 3, activation: 'softmax'}));</script>",
      "<script>model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});</script>",
    ]);
    expect((await lint('third.html')).messages).toEqual([]);
  });

  it('stays silent for a model with no compile on the page, and a compile with no model', async () => {
    write('halves.html', [
      CDN,
      '<script>',
      '  const model = tf.sequential();',
      "  model.add(tf.layers.dense({units: 3, inputShape: [4], activation: 'sigmoid'}));",
      '</script>',
      "<script>other.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});</script>",
    ]);
    expect((await lint('halves.html')).messages).toEqual([]);
  });
});

describe('a --fix run', () => {
  it("keeps page lines and the page's globals in its last pass, where the fixed script differs from the page on disk", async () => {
    write('passes.html', [
      CDN, // 1
      '<script>', // 2
      '  const m = tf.sequential();', // 3
      "  m.add(tf.layers.dense({units: 3, inputShape: [4], activation: 'sigmoid'}));", // 4
      '</script>', // 5
      '<script>', // 6
      '  const a = tf.sequential();', // 7
      "  a.add(tf.layers.dense({units: 3, inputShape: [4], activation: 'softmax'}));", // 8
      "  a.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});", // 9 (autofixed)
      "  m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});", // 10
      '</script>', // 11
    ]);
    const { messages, output } = await lint('passes.html', { fix: true });
    expect(output?.split('\n')[8]).toContain("loss: 'categoricalCrossentropy'");
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([['tfjs/no-sigmoid-with-categorical-loss', 10]]);
    expect(messages[0]!.message).toContain('The sigmoid output (line 4)');
    // The pass's script is not the one on disk: its suggestions cannot be placed, and are dropped.
    expect(messages[0]!.suggestions ?? []).toEqual([]);
  });
});

describe('module scripts', () => {
  it('work like module files, TF.js imported by URL', async () => {
    write('module.html', [
      '<body>', // 1
      '<script type="module">', // 2
      "  import * as tf from 'https://cdn.jsdelivr.net/npm/@tensorflow/tfjs@4.22.0/+esm';", // 3
      '  const model = tf.sequential();', // 4
      "  model.add(tf.layers.dense({units: 3, inputShape: [4], activation: 'softmax'}));", // 5
      "  model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});", // 6
      '</script>',
      '</body>',
    ]);
    const { messages, output } = await lint('module.html', { sourceType: 'module', fix: true });
    expect(messages).toEqual([]);
    expect(output?.split('\n')[5]).toBe("  model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});");
    const unfixed = await lint('module.html', { sourceType: 'module' });
    expect(unfixed.messages.map((m) => [m.ruleId, m.line])).toEqual([['tfjs/no-activation-before-logits-loss', 5]]);
    expect(unfixed.messages[0]!.message).toContain('(line 6)');
  });
});

describe('cost', () => {
  it('reads a page once for all its scripts, and never a page whose scripts do not use TF.js', async () => {
    const tfPage = write('three.html', [
      CDN,
      '<script>const status = document.title;</script>',
      "<script>const model = tf.sequential({layers: [tf.layers.dense({units: 3, inputShape: [4], activation: 'sigmoid'})]});</script>",
      "<script>model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});</script>",
    ]);
    const plain = write('plain.html', ['<script>', '  document.title = "hello";', '  greet();', '</script>']);
    const before = pageReadLog.length;
    const parsedBefore = scriptParseLog.length;
    const { messages } = await lint('three.html');
    expect(messages.map((m) => m.ruleId)).toEqual(['tfjs/no-sigmoid-with-categorical-loss']);
    await lint('plain.html');
    const reads = pageReadLog.slice(before);
    expect(reads.filter((f) => f === tfPage)).toHaveLength(1);
    expect(reads).not.toContain(plain);
    // Only the script that declares `model` is parsed again (scripts are counted from 0, the CDN one first).
    expect(scriptParseLog.slice(parsedBefore)).toEqual([`${tfPage}#2`]);
  });
});
