/**
 * Markdown code blocks (markdown-blocks.ts): the blocks @eslint/markdown's processor
 * lints, found with the processor's names and placed at its lines. Each document is
 * run through the processor itself, and every JavaScript block it hands to ESLint must
 * be found under ESLint's name for it, with the line the processor maps a message to.
 */
import markdown from '@eslint/markdown';
import { describe, expect, it } from 'vitest';
import { placeBlock, scanCodeBlocks } from '../../src/analysis/markdown-blocks.js';

interface Processor {
  preprocess(text: string, file: string): { filename: string; text: string }[];
  postprocess(
    messages: { line: number; column: number; message: string; ruleId: string }[][],
    file: string,
  ): {
    line: number;
  }[];
}
const processor = (markdown as unknown as { processors: { markdown: Processor } }).processors.markdown;

/** ESLint's names of the JavaScript blocks the processor lints (each placed at the processor's lines). */
function compare(doc: string): string[] {
  const blocks = processor.preprocess(doc, 'doc.md');
  const scanned = scanCodeBlocks(doc);
  const placed: string[] = [];
  blocks.forEach((block, i) => {
    if (!/\.(?:js|jsx|mjs|cjs|ts|tsx)$/.test(block.filename)) return;
    const name = `${i}_${block.filename}`;
    const placement = placeBlock(scanned, name, block.text);
    expect(placement, name).toBeDefined();
    // The md line the processor gives a message on the block's last code line.
    const last = block.text.split('\n').length - 1;
    const messages = blocks.map((_, k) => (k === i ? [{ line: last, column: 1, message: 'm', ruleId: 'r' }] : []));
    processor.preprocess(doc, 'lines.md');
    const [mapped] = processor.postprocess(messages, 'lines.md');
    expect(last + placement!.lineDelta, name).toBe(mapped!.line);
    placed.push(name);
  });
  return placed;
}

describe('scanCodeBlocks', () => {
  it('numbers every fenced block with a language, as the processor does, and keeps the JavaScript ones', () => {
    const doc = [
      '# Setup', // 1
      '', // 2
      '```bash', // 3
      'npm install @tensorflow/tfjs', // 4
      '```', // 5
      '', // 6
      '```', // 7 (no language: not linted, not numbered)
      'plain text',
      '```',
      '',
      '```javascript', // 11
      "import * as tf from '@tensorflow/tfjs';", // 12
      '```',
      '',
      '~~~ts title="model"', // 15
      'const model = tf.sequential();', // 16
      '~~~',
      '',
      '````md', // 19: a fence inside a longer one is content
      '```js',
      'notCode();',
      '```',
      '````',
      '',
      '```json',
      '{"a": 1}',
      '```',
      '',
      '```js filename="train.js"', // 29
      'model.compile({});', // 30
      '```',
    ].join('\n');
    expect(scanCodeBlocks(doc).map((b) => [b.name, b.number, b.line, b.text])).toEqual([
      ['1.js', 1, 12, "import * as tf from '@tensorflow/tfjs';"],
      ['2.ts', 2, 16, 'const model = tf.sequential();'],
      ['train.js', 5, 30, 'model.compile({});'],
    ]);
    expect(compare(doc)).toEqual(['1_1.js', '2_2.ts', '5_train.js']);
  });

  it('leaves out blocks after <!-- eslint-skip --> from the numbering, and counts the comment lines the processor adds', () => {
    const doc = [
      '<!-- eslint-skip -->', // 1
      '', // 2
      '```js', // 3
      'const model = tf.sequential();', // 4
      '```', // 5
      '', // 6
      '<!-- eslint-disable no-undef -->', // 7
      '<!-- global model -->', // 8
      '```js', // 9
      'model.compile({});', // 10
      '```', // 11
      '', // 12
      '<!-- a comment that is not for ESLint -->',
      '<!-- eslint-skip -->',
      'A paragraph in between.',
      '',
      '```js',
      'model.fit(xs, ys);',
      '```',
    ].join('\n');
    const blocks = scanCodeBlocks(doc);
    expect(blocks.map((b) => [b.name, b.line, b.comments])).toEqual([
      [undefined, 4, []],
      ['0.js', 10, ['/* eslint-disable no-undef */', '/* global model */']],
      ['1.js', 18, []],
    ]);
    expect(compare(doc)).toEqual(['0_0.js', '1_1.js']);
    // Two comment lines before the code: linted line 3 is md line 10.
    expect(
      placeBlock(blocks, '0_0.js', '/* eslint-disable no-undef */\n/* global model */\nmodel.compile({});\n'),
    ).toMatchObject({ index: 1, lineDelta: 7 });
  });

  it('finds blocks in block quotes and list items, and none in HTML blocks', () => {
    const doc = [
      '1. Build the model:', // 1
      '', // 2
      '   ```js', // 3
      '   const model = tf.sequential();', // 4
      '     model.add(layer);', // 5
      '   ```', // 6
      '- ```js', // 7
      '  model.compile({});', // 8
      '  ```', // 9
      '', // 10
      '> Note:', // 11
      '> ```js', // 12
      '> model.fit(xs, ys);', // 13
      '> ```', // 14
      '', // 15
      '<pre>', // 16
      '```js',
      'inPre();',
      '```',
      '</pre>',
      '',
      '<details>', // 22: an HTML block, up to the blank line
      '```js',
      'inHtml();',
      '```',
      '</details>',
      '',
      '> ```js',
      '> quoteEndsTheBlock();',
      '',
      'notInIt();',
    ].join('\n');
    expect(scanCodeBlocks(doc).map((b) => [b.name, b.line, b.text.replace(/\s+/g, ' ').trim()])).toEqual([
      ['0.js', 4, 'const model = tf.sequential(); model.add(layer);'],
      ['1.js', 8, 'model.compile({});'],
      ['2.js', 13, 'model.fit(xs, ys);'],
      ['3.js', 29, 'quoteEndsTheBlock();'],
    ]);
    expect(compare(doc)).toEqual(['0_0.js', '1_1.js', '2_2.js', '3_3.js']);
  });
});

describe('placeBlock', () => {
  const doc = ['```js', 'const model = tf.sequential();', '```', '', '```js', 'model.compile({});', '```'].join('\n');
  const blocks = scanCodeBlocks(doc);

  it('finds a block by ESLint name or the processor name, and only when its text is the linted text', () => {
    expect(placeBlock(blocks, '1_1.js', 'model.compile({});\n')).toMatchObject({ index: 1, lineDelta: 5 });
    expect(placeBlock(blocks, '1.js', 'model.compile({});\n')).toMatchObject({ index: 1, lineDelta: 5 });
    // An editor's unsaved text: not the block on disk.
    expect(placeBlock(blocks, '1_1.js', "model.compile({loss: 'mse'});\n")).toBeUndefined();
    // Another number: not this block.
    expect(placeBlock(blocks, '0_0.js', 'model.compile({});\n')).toBeUndefined();
    expect(placeBlock(blocks, '2_2.js', 'model.compile({});\n')).toBeUndefined();
  });

  it('gives no page offsets (the processor maps fixes itself)', () => {
    const placement = placeBlock(blocks, '0_0.js', 'const model = tf.sequential();\n')!;
    expect(placement.toPage(0)).toBeUndefined();
    expect(placement.exact).toBe(true);
  });
});
