// Deterministic (seeded) corpora for `npm run bench` (scripts/bench.mjs):
//
//   collectProjectFiles (real) the sources of a project of your own (`--project DIR`)
//   generateProject   (a) a TF.js project: every build style and import style, with
//                     relative imports between files (cross-file analysis has work)
//   collectPlainFiles (b) ordinary JS/TS without TF.js, taken from node_modules
//   generateBigFile   (c) one TF.js file of ~N lines (model-building functions with unique names)
//   generateScaling   (d) one model / chain / function grown to N layers, calls or conditions
//
// Nothing here measures anything; it only writes files and returns their list.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** mulberry32: a small seeded PRNG, so every run lints the same corpus. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

// ---------------------------------------------------------------------------
// TF.js code

const IMPORT_STYLES = ['namespace', 'named', 'require', 'global', 'default', 'node', 'destructure'];

/** Local names for named imports (`model` and `input` are aliased: user code has variables of those names). */
const NAMED = { model: 'tfModel', input: 'tfInput' };

/**
 * How a file writes TF.js API paths: `api('layers.dense')` is `tf.layers.dense` or,
 * with named imports, `layers.dense` (and the import is recorded).
 */
function apiWriter(style) {
  const used = new Set();
  const api = (path) => {
    const [head, ...rest] = path.split('.');
    if (style === 'named' || style === 'destructure') {
      used.add(head);
      return [NAMED[head] ?? head, ...rest].join('.');
    }
    return `tf.${path}`;
  };
  const header = () => {
    const names = [...used].sort();
    const spec = names.map((n) => (NAMED[n] ? `${n} as ${NAMED[n]}` : n)).join(', ');
    switch (style) {
      case 'namespace':
        return [`import * as tf from '@tensorflow/tfjs';`];
      case 'default':
        return [`import tf from '@tensorflow/tfjs';`];
      case 'node':
        return [`import * as tf from '@tensorflow/tfjs-node';`];
      case 'require':
        return [`const tf = require('@tensorflow/tfjs');`];
      case 'global':
        return [`// tf is the page global of a <script> tag`];
      case 'named':
        return [`import { ${spec} } from '@tensorflow/tfjs';`];
      case 'destructure':
        return [
          `const tfjs = require('@tensorflow/tfjs');`,
          `const { ${names.map((n) => (NAMED[n] ? `${n}: ${NAMED[n]}` : n)).join(', ')} } = tfjs;`,
        ];
      default:
        throw new Error(style);
    }
  };
  return { api, header };
}

const HIDDEN = ['relu', 'relu', 'tanh', 'elu', 'selu', 'sigmoid'];

/** Output layer + loss combinations: most correct, a few of the bugs the rules look for. */
const HEADS = [
  { act: 'softmax', units: 10, loss: `'categoricalCrossentropy'` },
  { act: 'softmax', units: 3, loss: `'sparseCategoricalCrossentropy'` },
  { act: 'sigmoid', units: 1, loss: `'binaryCrossentropy'` },
  { act: 'linear', units: 1, loss: `'meanSquaredError'` },
  { act: 'linear', units: 4, loss: `'meanAbsoluteError'` },
  { act: undefined, units: 5, loss: 'losses.softmaxCrossEntropy' },
  { act: 'softmax', units: 10, loss: 'losses.softmaxCrossEntropy' }, // bug
  { act: 'sigmoid', units: 1, loss: 'losses.sigmoidCrossEntropy' }, // bug
];

function lossExpr(api, loss) {
  return loss.startsWith(`'`) ? loss : api(loss);
}

function denseCfg(units, act, extra = '') {
  const a = act === undefined ? '' : `, activation: '${act}'`;
  return `{units: ${units}${a}${extra}}`;
}

/** Building blocks; each returns lines and the names it exports. */
const TEMPLATES = {
  sequentialAdd(r, id, api, ts, exp) {
    const head = r.pick(HEADS);
    const lines = [
      `${exp}function buildSequential${id}(inputDim${ts ? ': number' : ''}) {`,
      `  const model = ${api('sequential')}();`,
    ];
    const conv = r.chance(0.25);
    if (conv) {
      lines.push(
        `  model.add(${api('layers.conv2d')}({inputShape: [28, 28, 1], filters: ${r.int(8, 32)}, kernelSize: 3, activation: 'relu'}));`,
      );
      lines.push(`  model.add(${api('layers.maxPooling2d')}({poolSize: 2}));`);
      lines.push(`  model.add(${api('layers.flatten')}());`);
    } else {
      lines.push(
        `  model.add(${api('layers.dense')}({units: ${r.int(8, 128)}, activation: '${r.pick(HIDDEN)}', inputShape: [inputDim]}));`,
      );
    }
    for (let i = r.int(0, 4); i > 0; i--) {
      lines.push(`  model.add(${api('layers.dense')}(${denseCfg(r.int(8, 128), r.pick(HIDDEN))}));`);
      if (r.chance(0.3)) lines.push(`  model.add(${api('layers.dropout')}({rate: 0.${r.int(1, 5)}}));`);
    }
    lines.push(`  model.add(${api('layers.dense')}(${denseCfg(head.units, head.act)}));`);
    lines.push(
      `  model.compile({optimizer: ${api('train.adam')}(0.001), loss: ${lossExpr(api, head.loss)}, metrics: ['accuracy']});`,
    );
    lines.push(`  return model;`, `}`);
    return { lines, exports: exp ? [`buildSequential${id}`] : [] };
  },

  sequentialLayers(r, id, api, ts) {
    const head = r.pick(HEADS);
    const layers = [
      `    ${api('layers.dense')}({units: ${r.int(8, 64)}, activation: 'relu', inputShape: [${r.int(2, 50)}]}),`,
    ];
    for (let i = r.int(0, 3); i > 0; i--)
      layers.push(`    ${api('layers.dense')}(${denseCfg(r.int(8, 64), r.pick(HIDDEN))}),`);
    if (head.act === 'softmax' && r.chance(0.5)) {
      layers.push(`    ${api('layers.dense')}({units: ${head.units}}),`, `    ${api('layers.softmax')}(),`);
    } else {
      layers.push(`    ${api('layers.dense')}(${denseCfg(head.units, head.act)}),`);
    }
    const type = ts ? `: ${api('Sequential')}` : '';
    return {
      lines: [
        `const classifier${id}${type} = ${api('sequential')}({`,
        `  layers: [`,
        ...layers,
        `  ],`,
        `});`,
        `classifier${id}.compile({optimizer: 'sgd', loss: ${lossExpr(api, head.loss)}});`,
      ],
      exports: [],
    };
  },

  functional(r, id, api, ts, exp) {
    const head = r.pick(HEADS);
    const cast = ts ? ` as ${api('SymbolicTensor')}` : '';
    const lines = [
      `${exp}function buildFunctional${id}() {`,
      `  const inp = ${api('input')}({shape: [${r.int(4, 64)}]});`,
      `  let x = inp;`,
    ];
    for (let i = r.int(1, 5); i > 0; i--) {
      lines.push(`  x = ${api('layers.dense')}(${denseCfg(r.int(8, 128), r.pick(HIDDEN))}).apply(x)${cast};`);
      if (r.chance(0.3)) lines.push(`  x = ${api('layers.batchNormalization')}().apply(x)${cast};`);
    }
    if (head.act === 'softmax' && r.chance(0.5)) {
      lines.push(`  const logits = ${api('layers.dense')}({units: ${head.units}}).apply(x)${cast};`);
      lines.push(`  const out = ${api('layers.activation')}({activation: 'softmax'}).apply(logits)${cast};`);
    } else {
      lines.push(`  const out = ${api('layers.dense')}(${denseCfg(head.units, head.act)}).apply(x)${cast};`);
    }
    lines.push(`  const model = ${api('model')}({inputs: inp, outputs: out});`);
    lines.push(`  model.compile({optimizer: 'adam', loss: ${lossExpr(api, head.loss)}});`);
    lines.push(`  return model;`, `}`);
    return { lines, exports: exp ? [`buildFunctional${id}`] : [] };
  },

  factory(r, id, api, ts, exp) {
    const p = ts ? ['units: number', 'activation: string'] : ['units', 'activation'];
    const m = ts ? `model: ${api('LayersModel')}, loss: string` : 'model, loss';
    const lines = [
      `${exp}function makeModel${id}(${p.join(', ')}) {`,
      `  return ${api('sequential')}({`,
      `    layers: [`,
      `      ${api('layers.dense')}({units: ${r.int(8, 64)}, activation: 'relu', inputShape: [${r.int(2, 30)}]}),`,
      `      ${api('layers.dense')}({units, activation}),`,
      `    ],`,
      `  });`,
      `}`,
      ``,
      `${exp}function compileWith${id}(${m}) {`,
      `  model.compile({optimizer: 'adam', loss, metrics: ['accuracy']});`,
      `}`,
      ``,
      `const clf${id} = makeModel${id}(${r.int(2, 10)}, 'softmax');`,
      `compileWith${id}(clf${id}, ${r.chance(0.8) ? `'categoricalCrossentropy'` : `'binaryCrossentropy'`});`,
      `const reg${id} = makeModel${id}(1, 'linear');`,
      `compileWith${id}(reg${id}, 'meanSquaredError');`,
    ];
    return { lines, exports: exp ? [`makeModel${id}`, `compileWith${id}`] : [] };
  },

  trainerClass(r, id, api, ts, exp) {
    const head = r.pick(HEADS);
    const lines = [`${exp}class Trainer${id} {`];
    if (ts) lines.push(`  model: ${api('Sequential')};`, ``);
    lines.push(
      `  constructor(inputDim${ts ? ': number' : ''}) {`,
      `    this.model = ${api('sequential')}();`,
      `    this.model.add(${api('layers.dense')}({units: ${r.int(8, 64)}, activation: 'relu', inputShape: [inputDim]}));`,
      `    this.model.add(${api('layers.dense')}(${denseCfg(head.units, head.act)}));`,
      `  }`,
      ``,
      `  compile() {`,
      `    this.model.compile({optimizer: 'rmsprop', loss: ${lossExpr(api, head.loss)}});`,
      `  }`,
      ``,
      `  async train(xs${ts ? `: ${api('Tensor')}` : ''}, ys${ts ? `: ${api('Tensor')}` : ''}) {`,
      `    return this.model.fit(xs, ys, {epochs: ${r.int(5, 50)}, batchSize: 32, validationSplit: 0.1});`,
      `  }`,
      `}`,
    );
    return { lines, exports: exp ? [`Trainer${id}`] : [] };
  },

  trainingLoop(r, id, api, ts, exp) {
    const variant = r.int(0, 3);
    const body = [];
    if (variant === 0) {
      body.push(
        `      const logits = model.predict(xs)${ts ? ` as ${api('Tensor')}` : ''};`,
        `      return ${api('losses.softmaxCrossEntropy')}(ys, logits).mean();`,
      );
    } else if (variant === 1) {
      body.push(
        `      const logits = model.predict(xs)${ts ? ` as ${api('Tensor')}` : ''};`,
        `      const probs = ${api('softmax')}(logits);`,
        `      return ${api('losses.softmaxCrossEntropy')}(ys, probs).mean(); // bug`,
      );
    } else if (variant === 2) {
      body.push(
        `      const preds = ${api('sigmoid')}(model.predict(xs)${ts ? ` as ${api('Tensor')}` : ''});`,
        `      return ${api('losses.logLoss')}(ys, preds);`,
      );
    } else {
      body.push(
        `      const preds = model.predict(xs)${ts ? ` as ${api('Tensor')}` : ''};`,
        `      return ${api('losses.meanSquaredError')}(ys, preds);`,
      );
    }
    const t = ts ? [`: ${api('LayersModel')}`, `: ${api('Tensor')}`, `: number`] : ['', '', ''];
    const lines = [
      `${exp}async function trainLoop${id}(model${t[0]}, xs${t[1]}, ys${t[1]}, epochs${t[2]}) {`,
      `  const optimizer = ${api('train.adam')}(0.0${r.int(1, 9)});`,
      `  for (let epoch = 0; epoch < epochs; epoch++) {`,
      `    const cost = optimizer.minimize(() => {`,
      ...body,
      `    }, true);`,
      `    if (epoch % 10 === 0) console.log('epoch', epoch, cost${ts ? '!' : ''}.dataSync()[0]);`,
      `    cost${ts ? '?' : ''}.dispose();`,
      `    await ${api('nextFrame')}();`,
      `  }`,
      `}`,
    ];
    return { lines, exports: exp ? [`trainLoop${id}`] : [] };
  },

  conditional(r, id, api, ts, exp) {
    const lines = [
      `${exp}function buildForTask${id}(task${ts ? ': string' : ''}, options${ts ? ': {dropout?: boolean}' : ''} = {}) {`,
      `  const isClassifier = task === 'classification';`,
      `  const model = ${api('sequential')}();`,
      `  model.add(${api('layers.dense')}({units: ${r.int(8, 64)}, activation: 'relu', inputShape: [${r.int(2, 30)}]}));`,
      `  if (options.dropout) model.add(${api('layers.dropout')}({rate: 0.25}));`,
      `  model.add(${api('layers.dense')}({units: isClassifier ? ${r.int(2, 10)} : 1, activation: isClassifier ? 'softmax' : 'linear'}));`,
      `  model.compile({`,
      `    optimizer: 'adam',`,
      `    loss: isClassifier ? 'categoricalCrossentropy' : 'meanSquaredError',`,
      `    metrics: isClassifier ? ['accuracy'] : [],`,
      `  });`,
      `  return model;`,
      `}`,
      `buildForTask${id}('classification');`,
      `buildForTask${id}('regression', {dropout: true});`,
    ];
    return { lines, exports: [] };
  },

  data(r, id, api, ts, exp) {
    const lines = [
      `${exp}function toTensors${id}(rows${ts ? ': number[][]' : ''}, labels${ts ? ': number[]' : ''}) {`,
      `  return ${api('tidy')}(() => {`,
      `    const xs = ${api('tensor2d')}(rows, [rows.length, rows[0].length]);`,
      `    const ys = ${api('oneHot')}(${api('tensor1d')}(labels, 'int32'), ${r.int(2, 10)});`,
      `    return {xs: xs.div(255), ys};`,
      `  });`,
      `}`,
    ];
    return { lines, exports: exp ? [`toTensors${id}`] : [] };
  },
};

const TEMPLATE_NAMES = Object.keys(TEMPLATES);

/** Ordinary helper code between the TF.js blocks (no TF.js at all). */
function filler(r, id, ts) {
  const n = ts ? ': number' : '';
  const arr = ts ? ': number[]' : '';
  switch (r.int(0, 3)) {
    case 0:
      return [
        `function shuffle${id}(array${arr}, seed${n} = 42) {`,
        `  const out = array.slice();`,
        `  let s = seed;`,
        `  for (let i = out.length - 1; i > 0; i--) {`,
        `    s = (s * 9301 + 49297) % 233280;`,
        `    const j = Math.floor((s / 233280) * (i + 1));`,
        `    [out[i], out[j]] = [out[j], out[i]];`,
        `  }`,
        `  return out;`,
        `}`,
      ];
    case 1:
      return [
        `function normalize${id}(values${arr}) {`,
        `  const min = Math.min(...values);`,
        `  const max = Math.max(...values);`,
        `  const range = max - min || 1;`,
        `  return values.map((v) => (v - min) / range);`,
        `}`,
      ];
    case 2:
      return [
        `function parseCsv${id}(text${ts ? ': string' : ''}) {`,
        `  const [head, ...rows] = text.trim().split('\\n');`,
        `  const columns = head.split(',');`,
        `  return rows.map((row) => {`,
        `    const cells = row.split(',');`,
        `    const record${ts ? ': Record<string, number>' : ''} = {};`,
        `    columns.forEach((c, i) => {`,
        `      record[c] = Number(cells[i]);`,
        `    });`,
        `    return record;`,
        `  });`,
        `}`,
      ];
    default:
      return [
        `function formatLog${id}(epoch${n}, logs${ts ? ': {loss: number, acc?: number}' : ''}) {`,
        `  const parts = [\`epoch \${epoch}\`, \`loss=\${logs.loss.toFixed(4)}\`];`,
        `  if (logs.acc !== undefined) parts.push(\`acc=\${(logs.acc * 100).toFixed(1)}%\`);`,
        `  return parts.join(' ');`,
        `}`,
      ];
  }
}

/** The body of one TF.js file: blocks and helpers until about `targetLines`. */
function tfjsFile(r, style, ts, fileId, targetLines, exportSome) {
  const { api, header } = apiWriter(style);
  const body = [];
  const exports = [];
  let k = 0;
  while (body.length < targetLines) {
    const id = `${fileId}_${k++}`;
    const name = r.pick(TEMPLATE_NAMES);
    // Exports only in module files (the page-global style is a script).
    const exp =
      exportSome && style !== 'global' && style !== 'require' && style !== 'destructure' && r.chance(0.5)
        ? 'export '
        : '';
    const block = TEMPLATES[name](r, id, api, ts, exp);
    body.push(...block.lines, '');
    exports.push(...block.exports);
    if (r.chance(0.5)) body.push(...filler(r, id, ts), '');
  }
  return { lines: [...header(), '', ...body], exports, api, header };
}

function write(path, text) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/**
 * (a) A TF.js project of `files` files under `dir`: `models/` export builders,
 * `train/` import some of them (relative imports) and compile/fit what they return.
 */
export function generateProject(dir, { files, seed }) {
  const r = rng(seed);
  const out = [];
  const exported = [];
  const modelFiles = Math.ceil(files * 0.6);
  for (let i = 0; i < files; i++) {
    const ts = r.chance(0.3);
    const ext = ts ? 'ts' : r.pick(['js', 'js', 'mjs']);
    const style =
      ext === 'ts' || ext === 'mjs' ? r.pick(['namespace', 'named', 'default', 'node']) : r.pick(IMPORT_STYLES);
    const isModel = i < modelFiles;
    const rel = isModel ? `models/m${i}.${ext}` : `train/t${i}.${ext}`;
    const file = tfjsFile(r, style, ts, i, r.int(60, 260), isModel);
    const lines = file.lines;
    if (!isModel && exported.length > 0 && style !== 'global' && style !== 'require' && style !== 'destructure') {
      // Import two builders from model files and train what they return.
      const imports = [];
      const uses = [];
      for (let j = 0; j < 2; j++) {
        const e = r.pick(exported);
        const spec = relative(dirname(join(dir, rel)), join(dir, e.file)).replace(/\.ts$/, '.js');
        const from = spec.startsWith('.') ? spec : `./${spec}`;
        imports.push(`import { ${e.name} as imported${j} } from '${from}';`);
        if (e.name.startsWith('build') || e.name.startsWith('make')) {
          const args = e.name.startsWith('make')
            ? `(3, 'softmax')`
            : e.name.startsWith('buildSequential')
              ? '(10)'
              : e.name.startsWith('buildForTask')
                ? `('classification')`
                : '()';
          uses.push(
            `export async function trainImported${i}_${j}(xs${ts ? ': any' : ''}, ys${ts ? ': any' : ''}) {`,
            `  const m = imported${j}${args};`,
            `  m.compile({optimizer: 'adam', loss: ${r.pick([`'categoricalCrossentropy'`, `'meanSquaredError'`, `${file.api('losses.softmaxCrossEntropy')}`])}});`,
            `  return m.fit(xs, ys, {epochs: 3});`,
            `}`,
            ``,
          );
        } else if (e.name.startsWith('compileWith')) {
          // A compile helper of another module, given a model built here (its
          // compile site is judged in this file, through the call).
          const units = r.int(1, 10);
          uses.push(
            `export function trainWithHelper${i}_${j}() {`,
            `  const m = ${file.api('sequential')}({layers: [${file.api('layers.dense')}({units: ${units}, activation: '${r.pick(['softmax', 'sigmoid', 'relu'])}', inputShape: [8]})]});`,
            `  imported${j}(m, ${r.pick([`'categoricalCrossentropy'`, `'binaryCrossentropy'`, `'meanSquaredError'`])});`,
            `  return m;`,
            `}`,
            ``,
          );
        } else {
          uses.push(`export const use${i}_${j} = imported${j};`, ``);
        }
      }
      // Named imports: the uses may name TF.js APIs the body did not (one header line).
      if (style === 'named') lines[0] = file.header()[0];
      lines.splice(1, 0, ...imports);
      lines.push(...uses);
    }
    for (const name of file.exports) exported.push({ file: rel, name });
    const path = join(dir, rel);
    write(path, lines.join('\n') + '\n');
    out.push({ path, ts, lines: lines.length });
  }
  return out;
}

/** (c) One TF.js file of about `lines` lines (unique names; `require` by default: `tf` is then a variable with a reference per use). */
export function generateBigFile(path, { lines, seed, style = 'require' }) {
  const r = rng(seed);
  const file = tfjsFile(r, style, false, 'big', lines - 2, false);
  write(path, file.lines.join('\n') + '\n');
  return { path, ts: false, lines: file.lines.length };
}

/**
 * (d) Files that grow one thing to `n`: a `model.add` sequence, a functional
 * `let x = layer.apply(x)` chain, call sites of one factory, conditional adds,
 * compile calls on one model variable per site.
 */
export const SCALING_KINDS = ['adds', 'chain', 'calls', 'conditionalAdds', 'compiles'];

export function generateScaling(path, kind, n) {
  const L = [`import * as tf from '@tensorflow/tfjs';`, ''];
  switch (kind) {
    case 'adds':
      L.push(
        `const model = tf.sequential();`,
        `model.add(tf.layers.dense({units: 16, activation: 'relu', inputShape: [8]}));`,
      );
      for (let i = 0; i < n; i++) L.push(`model.add(tf.layers.dense({units: ${8 + (i % 50)}, activation: 'relu'}));`);
      L.push(`model.add(tf.layers.dense({units: 10, activation: 'softmax'}));`);
      L.push(`model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`);
      break;
    case 'chain':
      L.push(`const inp = tf.input({shape: [8]});`, `let x = inp;`);
      for (let i = 0; i < n; i++) L.push(`x = tf.layers.dense({units: ${8 + (i % 50)}, activation: 'relu'}).apply(x);`);
      L.push(`x = tf.layers.dense({units: 10, activation: 'softmax'}).apply(x);`);
      L.push(`const model = tf.model({inputs: inp, outputs: x});`);
      L.push(`model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`);
      break;
    case 'calls':
      L.push(
        `function make(units, activation) {`,
        `  const m = tf.sequential();`,
        `  m.add(tf.layers.dense({units: 16, activation: 'relu', inputShape: [8]}));`,
        `  m.add(tf.layers.dense({units, activation}));`,
        `  return m;`,
        `}`,
      );
      for (let i = 0; i < n; i++) {
        L.push(`const m${i} = make(${2 + (i % 20)}, '${i % 2 ? 'softmax' : 'linear'}');`);
        L.push(
          `m${i}.compile({optimizer: 'adam', loss: ${i % 2 ? `tf.losses.softmaxCrossEntropy` : `'meanSquaredError'`}});`,
        );
      }
      break;
    case 'conditionalAdds':
      L.push(
        `export function build(flags) {`,
        `  const model = tf.sequential();`,
        `  model.add(tf.layers.dense({units: 16, activation: 'relu', inputShape: [8]}));`,
      );
      // Every add conditional, none last for sure: each one is a possible output layer.
      for (let i = 0; i < n; i++)
        L.push(
          `  if (flags.f${i}) model.add(tf.layers.dense({units: ${2 + (i % 50)}, activation: '${i % 2 ? 'softmax' : 'linear'}'}));`,
        );
      L.push(`  model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`, `  return model;`, `}`);
      break;
    case 'compiles':
      L.push(
        `const model = tf.sequential({layers: [tf.layers.dense({units: 3, activation: 'softmax', inputShape: [4]})]});`,
      );
      for (let i = 0; i < n; i++) {
        L.push(`model.compile({optimizer: 'sgd', loss: '${i % 2 ? 'categoricalCrossentropy' : 'meanSquaredError'}'});`);
        L.push(`await model.fit(xs${i % 7}, ys${i % 7}, {epochs: 1});`);
      }
      break;
    default:
      throw new Error(kind);
  }
  write(path, L.join('\n') + '\n');
  return { path, ts: false, lines: L.length };
}

// ---------------------------------------------------------------------------
// (b) ordinary code from node_modules

const PLAIN_SOURCES = [
  // JavaScript
  'eslint/lib',
  '@typescript-eslint/eslint-plugin/dist',
  '@typescript-eslint/scope-manager/dist',
  '@typescript-eslint/typescript-estree/dist',
  '@typescript-eslint/utils/dist',
  '@typescript-eslint/type-utils/dist',
  '@typescript-eslint/rule-tester/dist',
  'vitest/dist',
  '@vitest/runner/dist',
  '@vitest/utils/dist',
  '@vitest/mocker/dist',
  '@vitest/snapshot/dist',
  '@eslint/config-array/dist',
  '@eslint/eslintrc/dist',
  'eslint-scope/lib',
  'espree/dist',
  'esquery/dist',
  'vite/dist',
  'rolldown/dist',
  'fast-check/lib',
  // TypeScript: ajv's sources and declaration files of typed packages
  'table/node_modules/ajv/lib',
  '@typescript-eslint/types/dist',
  '@typescript-eslint/utils/dist',
  '@typescript-eslint/scope-manager/dist',
  '@typescript-eslint/typescript-estree/dist',
  '@types/node',
  'type-fest/source',
  '@sinclair/typebox',
];

const JS_EXT = /\.(c|m)?js$/;
const TS_EXT = /\.(d\.)?(c|m)?ts$/;

function listFiles(root, acc = []) {
  let entries;
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch {
    return acc;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(root, e.name);
    if (e.isDirectory()) {
      if (e.name === 'node_modules' || e.name === 'test' || e.name === 'tests' || e.name === '__tests__') continue;
      listFiles(p, acc);
    } else if (e.isFile()) acc.push(p);
  }
  return acc;
}

/**
 * (b) Up to `max` JS/TS files without TF.js. Skipped (and counted): files over
 * `maxBytes`, minified bundles (average line over 300 characters), files that
 * mention a TF.js module.
 */
export function collectPlainFiles(nodeModules, { max = 3000, maxBytes = 200_000 } = {}) {
  const files = [];
  const skipped = { large: [], minified: 0, tfjs: 0, duplicate: 0 };
  const seen = new Set();
  for (const src of PLAIN_SOURCES) {
    for (const path of listFiles(join(nodeModules, src))) {
      if (!JS_EXT.test(path) && !TS_EXT.test(path)) continue;
      if (path.endsWith('.map')) continue;
      const real = path;
      if (seen.has(real)) {
        skipped.duplicate++;
        continue;
      }
      seen.add(real);
      const size = statSync(path).size;
      if (size > maxBytes) {
        skipped.large.push({ path: relative(nodeModules, path), size });
        continue;
      }
      if (size === 0) continue;
      const text = readFileSync(path, 'utf8');
      const lines = text.split('\n').length;
      if (text.length / lines > 300) {
        skipped.minified++;
        continue;
      }
      if (text.includes('@tensorflow/')) {
        skipped.tfjs++;
        continue;
      }
      files.push({ path, ts: TS_EXT.test(path), lines, text });
    }
  }
  // Deterministic sample when there are more than `max`: every k-th file.
  if (files.length > max) {
    const step = files.length / max;
    const sample = [];
    for (let i = 0; i < max; i++) sample.push(files[Math.floor(i * step)]);
    return { files: sample, skipped, available: files.length };
  }
  return { files, skipped, available: files.length };
}

/** Directories of a project that hold installed or generated code, not its sources. */
const GENERATED_DIRS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage']);

/**
 * (real) The JS/TS sources of a project (`npm run bench -- --project DIR`): every file
 * outside dot-directories and the directories above, but declaration files, files
 * over `maxBytes` and minified bundles (average line over 300 characters; counted).
 */
export function collectProjectFiles(dir, { maxBytes = 200_000 } = {}) {
  const files = [];
  const skipped = { large: 0, minified: 0 };
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (!GENERATED_DIRS.has(e.name)) walk(p);
        continue;
      }
      if (!e.isFile() || !(JS_EXT.test(p) || TS_EXT.test(p)) || /\.d\.(c|m)?ts$/.test(p)) continue;
      const size = statSync(p).size;
      if (size === 0) continue;
      if (size > maxBytes) {
        skipped.large++;
        continue;
      }
      const text = readFileSync(p, 'utf8');
      if (text.length / text.split('\n').length > 300) {
        skipped.minified++;
        continue;
      }
      files.push({ path: p, filename: p, ts: TS_EXT.test(p), text });
    }
  };
  walk(dir);
  return { files, skipped };
}
