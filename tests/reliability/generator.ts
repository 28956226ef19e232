/**
 * A generator of TF.js programs from a random specification, and the paths each
 * program has (for the oracle). The specification covers how real code is written
 * (see /work/shared/TFJS_FACTS.md "How real code builds and trains models"):
 * import style, build style, indirection, branches, output activation and its form,
 * units (chosen with the activation, or certain) and how they are written, the loss
 * and how it is passed, the fit labels.
 */
import fc from 'fast-check';
import type { Activation, LossKey, PathFacts } from './oracle.js';

export type ImportStyle = 'namespace' | 'named' | 'require' | 'global' | 'node';
export type BuildStyle = 'sequential-add' | 'sequential-layers' | 'functional' | 'custom-loop';
export type Indirection = 'inline' | 'factory' | 'helper' | 'class';
/** none: one path; same: activation and loss chosen by one condition; different: by two. */
export type Branch = 'none' | 'same' | 'different';

export interface Spec {
  imports: ImportStyle;
  build: BuildStyle;
  indirection: Indirection;
  branch: Branch;
  /** Activation on the first / second branch. */
  activations: [Activation, Activation];
  /** `dense({activation})`, or a linear dense followed by an activation layer. */
  activationForm: 'dense' | 'layer';
  /** With no branch: write a linear output by omitting `activation`, a softmax layer as `tf.layers.softmax()`. */
  shorthand: boolean;
  units: 1 | 2 | 3 | 10;
  /** Units on the second branch when they differ (chosen by the activation's condition), else undefined. */
  unitsElse: 1 | 2 | 3 | 10 | undefined;
  unitsForm: 'literal' | 'const' | 'labels';
  /** Loss on the first / second branch (custom loops use the first on both). */
  losses: [LossKey, LossKey];
  /** Function losses passed through a wrapper `(yTrue, yPred) => tf.losses.X(yTrue, yPred)`. */
  wrapLoss: boolean;
  labels: 'one-hot' | 'tensor' | 'none';
  comments: boolean;
}

const COMPILE_LOSSES: readonly LossKey[] = [
  'categoricalCrossentropy',
  'sparseCategoricalCrossentropy',
  'binaryCrossentropy',
  'meanSquaredError',
  'losses.softmaxCrossEntropy',
  'losses.sigmoidCrossEntropy',
  'losses.logLoss',
  'losses.meanSquaredError',
  'metrics.categoricalCrossentropy',
  'metrics.binaryCrossentropy',
];
const FUNCTION_LOSSES = COMPILE_LOSSES.filter((l) => l.includes('.'));
const ACTIVATIONS: readonly Activation[] = ['softmax', 'sigmoid', 'linear', 'relu'];

export const specArbitrary: fc.Arbitrary<Spec> = fc
  .record({
    imports: fc.constantFrom<ImportStyle>('namespace', 'named', 'require', 'global', 'node'),
    build: fc.constantFrom<BuildStyle>('sequential-add', 'sequential-layers', 'functional', 'custom-loop'),
    indirection: fc.constantFrom<Indirection>('inline', 'factory', 'helper', 'class'),
    branch: fc.constantFrom<Branch>('none', 'same', 'different'),
    activations: fc.tuple(fc.constantFrom(...ACTIVATIONS), fc.constantFrom(...ACTIVATIONS)),
    activationForm: fc.constantFrom<'dense' | 'layer'>('dense', 'layer'),
    shorthand: fc.boolean(),
    units: fc.constantFrom<1 | 2 | 3 | 10>(1, 2, 3, 10),
    unitsElse: fc.constantFrom<1 | 2 | 3 | 10 | undefined>(undefined, undefined, undefined, 1, 2, 3, 10),
    unitsForm: fc.constantFrom<'literal' | 'const' | 'labels'>('literal', 'const', 'labels'),
    losses: fc.tuple(fc.constantFrom(...COMPILE_LOSSES), fc.constantFrom(...COMPILE_LOSSES)),
    wrapLoss: fc.boolean(),
    labels: fc.constantFrom<'one-hot' | 'tensor' | 'none'>('one-hot', 'tensor', 'none'),
    comments: fc.boolean(),
  })
  .map((s) => {
    if (s.build !== 'custom-loop') return s;
    // A custom loop calls a loss function on model.predict(): function losses only, the same on every path.
    const fnLoss = (l: LossKey) =>
      l.includes('.') ? l : FUNCTION_LOSSES[COMPILE_LOSSES.indexOf(l) % FUNCTION_LOSSES.length]!;
    const l = fnLoss(s.losses[0]);
    return { ...s, losses: [l, l] as [LossKey, LossKey], labels: 'none' as const };
  });

/** Every (activation, loss) path of the program. */
export function pathsOf(spec: Spec): PathFacts[] {
  const [a0, a1] = spec.activations;
  const [l0, l1] = spec.losses;
  const training = spec.build === 'custom-loop' ? 'custom-loop' : 'compile';
  const oneHotLabels = spec.labels === 'one-hot';
  // [activation branch, loss branch]: which possibility of each side a path takes.
  const combos: [0 | 1, 0 | 1][] =
    spec.branch === 'none'
      ? [[0, 0]]
      : spec.branch === 'same' || training === 'custom-loop'
        ? [
            [0, 0],
            [1, 1],
          ]
        : [
            [0, 0],
            [0, 1],
            [1, 0],
            [1, 1],
          ];
  const u1 = spec.branch === 'none' ? spec.units : (spec.unitsElse ?? spec.units);
  return combos.map(([a, l]) => ({
    activation: [a0, a1][a]!,
    units: [spec.units, u1][a]!,
    loss: [l0, l1][l]!,
    oneHotLabels,
    training,
    // A custom loop calls one loss on every path.
    sides: [a, training === 'custom-loop' ? 0 : l],
  }));
}

/** The program text of a specification. */
export function render(spec: Spec): string {
  const named = spec.imports === 'named';
  const api = (path: string): string => {
    if (!named) return `tf.${path}`;
    return path === 'model' ? 'makeModel' : path;
  };
  const c = (text: string) => (spec.comments ? `/* ${text} */ ` : '');
  const lines: string[] = [];
  switch (spec.imports) {
    case 'namespace':
      lines.push(`import * as tf from '@tensorflow/tfjs';`);
      break;
    case 'named':
      lines.push(
        `import {sequential, layers, losses, metrics, train, input, model as makeModel, oneHot, tensor1d, randomNormal} from '@tensorflow/tfjs';`,
      );
      break;
    case 'require':
      lines.push(`const tf = require('@tensorflow/tfjs');`);
      break;
    case 'node':
      lines.push(`import * as tf from '@tensorflow/tfjs-node';`);
      break;
    case 'global':
      lines.push(`// TF.js comes from a script tag.`);
      break;
  }
  if (spec.comments) lines.push('// Generated program.');

  // Conditions nobody can decide statically.
  if (spec.branch !== 'none') lines.push(`const isClf = process.env.TASK !== 'regression';`);
  if (spec.branch === 'different') lines.push(`const useB = process.env.HEAD === 'b';`);
  const lossCond = spec.branch === 'different' && spec.build !== 'custom-loop' ? 'useB' : 'isClf';

  // Units (chosen with the activation when they differ between branches).
  let units = String(spec.units);
  const unitsElse = spec.branch === 'none' ? undefined : spec.unitsElse;
  if (unitsElse !== undefined && unitsElse !== spec.units) {
    units = `(isClf ? ${spec.units} : ${unitsElse})`;
  } else if (spec.unitsForm === 'const') {
    lines.push(`const NUM_CLASSES = ${spec.units};`);
    units = 'NUM_CLASSES';
  } else if (spec.unitsForm === 'labels') {
    lines.push(`const LABELS = [${Array.from({ length: spec.units }, (_, i) => `'c${i}'`).join(', ')}];`);
    units = 'LABELS.length';
  }

  // Losses (wrappers first, at module level).
  const wrappers = new Map<LossKey, string>();
  const lossRef = (l: LossKey): string => {
    if (!l.includes('.')) return `'${l}'`;
    if (!spec.wrapLoss) return api(l);
    let name = wrappers.get(l);
    if (!name) {
      name = `loss${wrappers.size}`;
      wrappers.set(l, name);
      const reduce = l.startsWith('metrics.') && spec.build === 'custom-loop' ? '.mean()' : '';
      lines.push(`const ${name} = (yTrue, yPred) => ${api(l)}(yTrue, yPred)${reduce};`);
    }
    return name;
  };
  const [l0, l1] = spec.losses;
  const lossExpr =
    spec.branch === 'none' || spec.build === 'custom-loop'
      ? lossRef(l0)
      : `${lossCond} ? ${lossRef(l0)} : ${lossRef(l1)}`;

  // The output activation.
  const [a0, a1] = spec.activations;
  const single = spec.branch === 'none';
  const actExpr = single ? `'${a0}'` : `isClf ? '${a0}' : '${a1}'`;
  const omitActivation = single && spec.shorthand && a0 === 'linear';
  const outputDense =
    spec.activationForm === 'dense' && !omitActivation
      ? `${api('layers.dense')}({units: ${units}, ${c('output')}activation: ${actExpr}})`
      : `${api('layers.dense')}({units: ${units}${spec.comments ? ' // classes\n' : ''}})`;
  const activationLayer =
    spec.activationForm !== 'layer' || omitActivation
      ? undefined
      : single && spec.shorthand && a0 === 'softmax'
        ? `${api('layers.softmax')}(${c('probabilities')})`
        : `${api('layers.activation')}({activation: ${actExpr} ${c('head')}})`;

  // The model.
  const build: string[] = [];
  const hidden = `${api('layers.dense')}({units: 16, activation: 'relu', inputShape: [8]})`;
  if (spec.build === 'functional') {
    build.push(`const inputs = ${api('input')}({shape: [8]});`);
    build.push(`const hidden = ${api('layers.dense')}({units: 16, activation: 'relu'}).apply(inputs);`);
    build.push(`let outputs = ${outputDense}.apply(hidden);`);
    if (activationLayer) build.push(`outputs = ${activationLayer}.apply(outputs);`);
    build.push(`const model = ${api('model')}({inputs, outputs});`);
  } else if (spec.build === 'sequential-layers') {
    build.push(`const model = ${api('sequential')}({layers: [`);
    build.push(`  ${hidden},`);
    build.push(`  ${outputDense},`);
    if (activationLayer) build.push(`  ${activationLayer},`);
    build.push(`]});`);
  } else {
    build.push(`const model = ${api('sequential')}();`);
    build.push(`model.add(${hidden});`);
    if (spec.comments) build.push('// The output layer.');
    build.push(`model.add(${outputDense});`);
    if (activationLayer) build.push(`model.add(${activationLayer});`);
  }

  // Training.
  const data = [`const xs = ${api('randomNormal')}([4, 8]);`];
  if (spec.labels === 'one-hot')
    data.push(`const ys = ${api('oneHot')}(${api('tensor1d')}([0, 1, 0, 1], 'int32'), ${units});`);
  else data.push(`const ys = ${api('randomNormal')}([4, ${units}]);`);
  const train = (m: string): string[] => {
    if (spec.build === 'custom-loop') {
      const l = spec.losses[0];
      const call = spec.wrapLoss
        ? `${lossRef(l)}(ys, ${m}.predict(xs))`
        : `${api(l)}(ys, ${m}.predict(xs))${l.startsWith('metrics.') ? '.mean()' : ''}`;
      return [`optimizer.minimize(() => ${c('loss')}${call});`];
    }
    const out = [`${m}.compile({optimizer: 'adam', loss: ${c('loss')}${lossExpr}, metrics: ['accuracy']});`];
    if (spec.labels !== 'none') out.push(`${m}.fit(xs, ys, {epochs: 1});`);
    return out;
  };
  // Wrappers are declared by lossRef on first use: compute the training code before emitting the rest.
  const trainInline = train('model');
  if (spec.build === 'custom-loop') lines.push(`const optimizer = ${api('train.adam')}(0.01);`);
  lines.push(...data);

  const indent = (ls: string[]) => ls.map((l) => `  ${l}`);
  switch (spec.indirection) {
    case 'inline':
      lines.push(...build, ...trainInline);
      break;
    case 'factory':
      lines.push('function createModel() {', ...indent(build), '  return model;', '}');
      lines.push('const model = createModel();', ...trainInline);
      break;
    case 'helper':
      lines.push(...build);
      lines.push('function trainModel(m) {', ...indent(train('m')), '}');
      lines.push('trainModel(model);');
      break;
    case 'class':
      lines.push('class Trainer {', '  constructor() {', ...indent(indent(build)), '    this.model = model;', '  }');
      lines.push('  train() {', ...indent(indent(train('this.model'))), '  }', '}');
      lines.push('new Trainer().train();');
      break;
  }
  return lines.join('\n') + '\n';
}
