// Evidence for no-leaked-tensor: run each ❌ and ✅ example of docs/rules/no-leaked-tensor.md
// as written and record `tf.memory().numTensors` after every run of its repeated code.
// The examples run with stand-ins for the browser: a 4×4 RGB frame for the video, a
// small model for `tf.loadLayersModel`, and a `requestAnimationFrame` that this script
// drives frame by frame. How a run is observed depends on what repeats:
// - a render loop (`requestAnimationFrame`): after each frame;
// - `fit` callbacks: a callback added after the example's own, at the end of each epoch;
// - a loop: a call added as the last statement of the first loop's body.
//
// `updateLeakEvidence()` (called by scripts/evidence.mjs) writes the table between
// `<!-- leak-evidence:start -->` and `<!-- leak-evidence:end -->` in the rule's doc;
// tests/evidence/leaks.test.ts checks the figures and that the doc quotes them.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as espree from 'espree';
import * as tf from '@tensorflow/tfjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const LEAK_DOC = join(root, 'docs', 'rules', 'no-leaked-tensor.md');
export const LEAK_START = '<!-- leak-evidence:start -->';
export const LEAK_END = '<!-- leak-evidence:end -->';
/** Animation frames driven per render-loop example. */
export const FRAMES = 100;

/** The ```js blocks under the doc's ❌ and ✅ headings, in order. */
export function docExamples(markdown) {
  const out = { invalid: [], valid: [] };
  let kind = null;
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^#{1,6}\s/.test(line)) {
      kind = line.includes('❌') ? 'invalid' : line.includes('✅') ? 'valid' : null;
      continue;
    }
    if (!line.startsWith('```')) continue;
    let end = i + 1;
    while (end < lines.length && !lines[end].startsWith('```')) end++;
    if (kind && /^```js\s*$/.test(line)) out[kind].push(lines.slice(i + 1, end).join('\n') + '\n');
    i = end;
  }
  return out;
}

/** How an example repeats (see the header). */
export function driverOf(code) {
  if (code.includes('requestAnimationFrame(')) return 'frames';
  if (code.includes('onEpochEnd')) return 'epochs';
  return 'loop';
}

const PIXELS = { data: new Uint8Array(4 * 4 * 4).fill(128), width: 4, height: 4 };

function standInModel() {
  return tf.sequential({
    layers: [tf.layers.flatten({ inputShape: [4, 4, 3] }), tf.layers.dense({ units: 3, activation: 'softmax' })],
  });
}

/** The code with `__sample();` as the last statement of its first loop's body. */
function withLoopProbe(code) {
  const ast = espree.parse(code, { ecmaVersion: 'latest', sourceType: 'module', range: true });
  let loop;
  const visit = (node) => {
    if (loop || !node || typeof node.type !== 'string') return;
    if (/^(For|ForOf|ForIn|While|DoWhile)Statement$/.test(node.type)) {
      loop = node;
      return;
    }
    for (const key of Object.keys(node)) {
      const v = node[key];
      if (key === 'parent') continue;
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === 'object') visit(v);
    }
  };
  visit(ast);
  if (!loop || loop.body.type !== 'BlockStatement') throw new Error('no loop with a block body in the example');
  const at = loop.body.range[1] - 1;
  return `${code.slice(0, at)}__sample();\n${code.slice(at)}`;
}

/** Run one example; numTensors after each run of its repeated code. */
export async function runExample(code) {
  const driver = driverOf(code);
  const samples = [];
  const sample = () => samples.push(tf.memory().numTensors);
  const frames = [];
  const fakeTf = { ...tf, loadLayersModel: async () => standInModel() };
  const document = { getElementById: (id) => (id === 'webcam' ? PIXELS : { textContent: '' }) };
  const quiet = { log() {}, info() {}, warn() {}, error() {} };
  let body = code.replace(/^import .*$/gm, '');
  if (driver === 'loop') body = withLoopProbe(body);
  const fit = tf.LayersModel.prototype.fit;
  if (driver === 'epochs') {
    tf.LayersModel.prototype.fit = function (x, y, args = {}) {
      const own = args.callbacks == null ? [] : Array.isArray(args.callbacks) ? args.callbacks : [args.callbacks];
      return fit.call(this, x, y, { ...args, callbacks: [...own, { onEpochEnd: sample }] });
    };
  }
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
  const run = new AsyncFunction('tf', 'document', 'requestAnimationFrame', 'console', '__sample', body);
  try {
    await run(fakeTf, document, (cb) => frames.push(cb), quiet, sample);
    if (driver === 'frames') {
      for (let i = 0; i < FRAMES && frames.length > 0; i++) {
        frames.shift()(performance.now());
        sample();
      }
    }
  } finally {
    tf.LayersModel.prototype.fit = fit;
  }
  const runs = samples.length;
  return {
    driver,
    runs,
    first: samples[0],
    last: samples[runs - 1],
    growth: samples[runs - 1] - samples[0],
    perRun: runs > 1 ? (samples[runs - 1] - samples[0]) / (runs - 1) : 0,
  };
}

const WHAT = {
  frames: 'render loop (`requestAnimationFrame`)',
  loop: '`for` loop',
  epochs: '`fit` callback (`onEpochEnd`)',
};
const UNIT = { frames: 'frames', loop: 'iterations', epochs: 'epochs' };
const SINGULAR = { frames: 'frame', loop: 'iteration', epochs: 'epoch' };

/** Every example pair of the doc, run: `[{driver, buggy, fixed}]`. */
export async function measureLeaks(markdown = readFileSync(LEAK_DOC, 'utf8')) {
  await tf.setBackend('cpu');
  await tf.ready();
  const { invalid, valid } = docExamples(markdown);
  if (invalid.length !== valid.length) throw new Error('the doc must pair each ❌ example with a ✅ one');
  const rows = [];
  for (let i = 0; i < invalid.length; i++) {
    const buggy = await runExample(invalid[i]);
    const fixed = await runExample(valid[i]);
    rows.push({ driver: buggy.driver, buggy, fixed });
  }
  return { version: tf.version.tfjs, backend: tf.getBackend(), rows };
}

export function renderLeakEvidence({ version, backend, rows }) {
  const cell = (r, unit) => (r.growth === 0 ? '+0 (flat)' : `+${r.growth} (${r.perRun} per ${unit})`);
  const lines = [
    '| example | runs | ❌ numTensors growth | ✅ numTensors growth |',
    '|---|---|---|---|',
    ...rows.map(
      (r, i) =>
        `| ${i + 1}. ${WHAT[r.driver]} | ${r.buggy.runs} ${UNIT[r.driver]} | ${cell(r.buggy, SINGULAR[r.driver])} | ${cell(r.fixed, SINGULAR[r.driver])} |`,
    ),
  ];
  return `${lines.join('\n')}\n\n_Growth from the first run to the last. TF.js ${version}, ${backend} backend; measured by \`npm run evidence\` (scripts/evidence-leaks.mjs). Regenerate, do not edit by hand._`;
}

/** The doc with its evidence block replaced by `block`. */
export function withLeakEvidence(markdown, block) {
  const start = markdown.indexOf(LEAK_START);
  const end = markdown.indexOf(LEAK_END);
  if (start < 0 || end < start) throw new Error(`${LEAK_DOC} has no ${LEAK_START} ... ${LEAK_END} block`);
  return `${markdown.slice(0, start + LEAK_START.length)}\n${block}\n${markdown.slice(end)}`;
}

export async function updateLeakEvidence() {
  const before = readFileSync(LEAK_DOC, 'utf8');
  const block = renderLeakEvidence(await measureLeaks(before));
  const after = withLeakEvidence(before, block);
  if (after !== before) writeFileSync(LEAK_DOC, after);
  console.log(`no-leaked-tensor: ${after === before ? 'evidence unchanged' : 'updated evidence block'} in ${LEAK_DOC}`);
}
