/**
 * The recipes of docs/configs.md for Vue single-file components (eslint-plugin-vue's
 * vue-eslint-parser) and Markdown code blocks (@eslint/markdown's processor), with
 * this repository's ESLint: findings at the file's lines, fixes at its offsets, and
 * a block that holds only one half of a model's setup is silent.
 */
import markdown from '@eslint/markdown';
import { ESLint } from 'eslint';
import pluginVue from 'eslint-plugin-vue';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

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

  it('are linted, each block as its own file, at the Markdown lines', async () => {
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
  });

  it('are silent on a block with a model and no compile, and on a compile of a model the block does not build', async () => {
    const tutorial = [
      '# Step by step',
      '',
      '```js',
      'const model = tf.sequential();',
      "model.add(tf.layers.dense({units: 3, inputShape: [4], activation: 'sigmoid'}));",
      '```',
      '',
      'Then compile it:',
      '',
      '```js',
      "model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});",
      '```',
      '',
    ].join('\n');
    expect((await lint('TUTORIAL.md', tutorial, config)).messages).toEqual([]);
  });
});
