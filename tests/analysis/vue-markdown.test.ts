/**
 * The recipes of docs/configs.md for Vue single-file components (eslint-plugin-vue's
 * vue-eslint-parser) and Markdown code blocks (@eslint/markdown's processor), with
 * this repository's ESLint: findings at the file's lines, fixes at its offsets, and
 * a Markdown file's code blocks are read as one program.
 */
import markdown from '@eslint/markdown';
import { ESLint } from 'eslint';
import pluginVue from 'eslint-plugin-vue';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { pageReadLog } from '../../src/analysis/html-page.js';

const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'tfjs-vue-md-')));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tfjs = plugin as never as { configs: { recommended: object } };

async function lint(file: string, text: string, config: object[], fix = false) {
  writeFileSync(path.join(dir, file), text);
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config as never, fix });
  const [result] = await eslint.lintFiles([file]);
  return result!;
}

describe('a Vue single-file component', () => {
  const component = [
    '<template>', // 1
    '  <button @click="train">Train</button>', // 2
    '</template>', // 3
    '', // 4
    '<script setup>', // 5
    "import * as tf from '@tensorflow/tfjs';", // 6
    '', // 7
    'const model = tf.sequential();', // 8
    "model.add(tf.layers.dense({units: 3, inputShape: [4], activation: 'softmax'}));", // 9
    'async function train() {', // 10
    "  model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});", // 11
    '}', // 12
    '</script>', // 13
    '',
  ].join('\n');
  const config = [...pluginVue.configs['flat/base'], tfjs.configs.recommended];

  it('is linted like a module file: the finding at its line, the fix at its offset', async () => {
    const result = await lint('Classifier.vue', component, config);
    expect(result.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([
      ['tfjs/no-activation-before-logits-loss', 9, 67],
    ]);
    expect(result.messages[0]!.message).toContain('(line 11)');
    const fixed = await lint('Fixed.vue', component, config, true);
    expect(fixed.output?.split('\n')[10]).toBe(
      "  model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});",
    );
  });
});

describe('Markdown code blocks', () => {
  const config = [...markdown.configs.processor, tfjs.configs.recommended];
  const moduleBlocks = [
    ...markdown.configs.processor,
    { files: ['**/*.md/*.js'], languageOptions: { sourceType: 'module' } },
    tfjs.configs.recommended,
  ];

  it('are linted at the Markdown lines, a block alone when it is the only one', async () => {
    const readme = [
      '# Classifying iris flowers', // 1
      '', // 2
      'Build the model:', // 3
      '', // 4
      '```js', // 5
      "import * as tf from '@tensorflow/tfjs';", // 6
      'const model = tf.sequential();', // 7
      "model.add(tf.layers.dense({units: 3, inputShape: [4], activation: 'sigmoid'}));", // 8
      "model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});", // 9
      '```', // 10
      '',
    ].join('\n');
    const result = await lint('README.md', readme, config);
    expect(result.messages.map((m) => [m.ruleId, m.line])).toEqual([['tfjs/no-sigmoid-with-categorical-loss', 8]]);
    // A line of the linted block named in the message is the Markdown line too (block line 4).
    expect(result.messages[0]!.message).toContain('(line 9)');
  });

  it("read a tutorial's blocks as one program: a later block's compile of an earlier block's model (the repro)", async () => {
    const tutorial = [
      '# Tutorial page', // 1
      '', // 2
      'Build the network:', // 3
      '', // 4
      '```js', // 5
      "import * as tf from '@tensorflow/tfjs';", // 6
      'const net = tf.sequential();', // 7
      "net.add(tf.layers.dense({ units: 8, inputShape: [3], activation: 'relu' }));", // 8
      "net.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));", // 9
      '```', // 10
      '', // 11
      'Compile it:', // 12
      '', // 13
      '```js', // 14
      "net.compile({ optimizer: 'adam', loss: tf.losses.sigmoidCrossEntropy });", // 15
      '```', // 16
      '',
    ];
    const result = await lint('TUTORIAL.md', tutorial.join('\n'), moduleBlocks);
    expect(result.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([
      ['tfjs/no-activation-before-logits-loss', 15, 40],
    ]);
    // The other block's line, as the Markdown file numbers it.
    expect(result.messages[0]!.message).toContain('The sigmoid output (line 9)');
    // The fix is in the linted block, placed in the Markdown file by the processor.
    const fixed = await lint('FIXED.md', tutorial.join('\n'), moduleBlocks, true);
    expect(fixed.output?.split('\n')[14]).toBe("net.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });");
    expect(fixed.output?.split('\n').slice(0, 14)).toEqual(tutorial.slice(0, 14));
  });

  it('name the Markdown line of a helper call a leak is reached through', async () => {
    const page = [
      '# Tutorial', // 1
      '', // 2
      'Some text.', // 3
      '', // 4
      'More text.', // 5
      '', // 6
      '```js', // 7
      "import * as tf from '@tensorflow/tfjs';", // 8
      'const xs = tf.tensor1d([0, 1, 2, 3]);', // 9
      'const ys = tf.tensor1d([1, 3, 5, 7]);', // 10
      'const cost = (pred, label) => pred.sub(label).square().mean();', // 11
      'for (let i = 0; i < 100; i++) {', // 12
      '  console.log(cost(xs, ys).dataSync());', // 13
      '}', // 14
      '```', // 15
      '',
    ];
    const result = await lint('VIA.md', page.join('\n'), moduleBlocks);
    // The intermediates of `cost`, and the cost itself (only read by `dataSync`).
    expect(result.messages.map((m) => [m.ruleId, m.line])).toEqual([
      ['tfjs/no-leaked-tensor', 11],
      ['tfjs/no-leaked-tensor', 13],
    ]);
    expect(result.messages[0]!.message).toContain('(through the call on line 13)');
    expect(result.messages[1]!.message).not.toContain('through');
  });

  it('follow an import of TF.js under another name, a skipped block, and the comments the processor prepends', async () => {
    const tutorial = [
      '<!-- eslint-skip -->', // 1
      '', // 2
      '```js', // 3: not linted, still part of the tutorial
      "import * as tfn from '@tensorflow/tfjs';", // 4
      'const model = tfn.sequential();', // 5
      "model.add(tfn.layers.dense({units: 3, inputShape: [4], activation: 'softmax'}));", // 6
      '```', // 7
      '', // 8
      '<!-- eslint-disable no-console -->', // 9
      '```js', // 10
      'console.log(model.summary());', // 11
      "model.compile({optimizer: 'sgd', loss: tfn.losses.softmaxCrossEntropy});", // 12
      '```', // 13
      '',
    ].join('\n');
    const result = await lint('SKIP.md', tutorial, moduleBlocks);
    expect(result.messages.map((m) => [m.ruleId, m.line])).toEqual([['tfjs/no-activation-before-logits-loss', 12]]);
    expect(result.messages[0]!.message).toContain('(line 6)');
  });

  it('are silent when the compile comes before the model, and on a correct loss', async () => {
    const before = [
      '```js',
      "model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});",
      '```',
      '',
      '```js',
      'const model = tf.sequential();',
      "model.add(tf.layers.dense({units: 3, inputShape: [4], activation: 'sigmoid'}));",
      '```',
      '',
    ].join('\n');
    expect((await lint('BEFORE.md', before, config)).messages).toEqual([]);
    const correct = [
      '```js',
      'const model = tf.sequential();',
      "model.add(tf.layers.dense({units: 1, inputShape: [4], activation: 'sigmoid'}));",
      '```',
      '',
      '```js',
      "model.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});",
      '```',
      '',
    ].join('\n');
    expect((await lint('CORRECT.md', correct, config)).messages).toEqual([]);
  });

  it('are silent when another block declares the name again, or adds layers to the model', async () => {
    const build = [
      '```js',
      'const model = tf.sequential();',
      "model.add(tf.layers.dense({units: 3, inputShape: [4], activation: 'sigmoid'}));",
      '```',
      '',
    ];
    const compile = ['```js', "model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});", '```', ''];
    const twice = [...build, '```js', 'const model = await tf.loadLayersModel(url);', '```', '', ...compile];
    expect((await lint('TWICE.md', twice.join('\n'), config)).messages).toEqual([]);
    const added = [
      ...build,
      '```js',
      "model.add(tf.layers.dense({units: 3, activation: 'softmax'}));",
      '```',
      '',
      ...compile,
    ];
    expect((await lint('ADDED.md', added.join('\n'), config)).messages).toEqual([]);
  });

  it('are analysed alone when the linted text is not the block on disk (an unsaved editor buffer)', async () => {
    const onDisk = [
      '```js',
      'const model = tf.sequential();',
      "model.add(tf.layers.dense({units: 3, inputShape: [4], activation: 'sigmoid'}));",
      '```',
      '',
      '```js',
      "model.compile({optimizer: 'adam', loss: 'meanSquaredError'});",
      '```',
      '',
    ];
    writeFileSync(path.join(dir, 'EDITED.md'), onDisk.join('\n'));
    const buffer = [...onDisk];
    buffer[6] = "model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});";
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config as never });
    const [edited] = await eslint.lintText(buffer.join('\n'), { filePath: path.join(dir, 'EDITED.md') });
    expect(edited!.messages).toEqual([]);
    // The same text saved: the blocks are one program again.
    const [saved] = await eslint.lintFiles([
      (writeFileSync(path.join(dir, 'EDITED.md'), buffer.join('\n')), path.join(dir, 'EDITED.md')),
    ]);
    expect(saved!.messages.map((m) => [m.ruleId, m.line])).toEqual([['tfjs/no-sigmoid-with-categorical-loss', 7]]);
  });

  it('cost one read of the Markdown file, and none for a JavaScript file', async () => {
    const tutorial = [
      '```js',
      'const model = tf.sequential();',
      "model.add(tf.layers.dense({units: 3, inputShape: [4], activation: 'sigmoid'}));",
      '```',
      '',
      '```js',
      "model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});",
      '```',
      '',
      '```js',
      'await model.fit(xs, ys);',
      '```',
      '',
    ].join('\n');
    const before = pageReadLog.length;
    const result = await lint('COST.md', tutorial, config);
    expect(result.messages.map((m) => m.ruleId)).toEqual(['tfjs/no-sigmoid-with-categorical-loss']);
    expect(pageReadLog.slice(before)).toEqual([path.join(dir, 'COST.md')]);
    const script = [
      "import * as tf from '@tensorflow/tfjs';",
      'const model = tf.sequential();',
      'model.compile({});',
      'other.fit(xs, ys);',
    ].join('\n');
    await lint('plain.js', script, [tfjs.configs.recommended]);
    await lint('plain.md.js', script, [tfjs.configs.recommended]);
    expect(pageReadLog.slice(before)).toEqual([path.join(dir, 'COST.md')]);
  });
});
