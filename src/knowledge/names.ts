/**
 * The names TF.js 4.22 accepts, taken from its source and checked by running it
 * (tests/knowledge/names.test.ts builds, compiles and fits tiny models with every
 * entry, and re-reads the registries from node_modules/@tensorflow/tfjs-layers/dist).
 *
 * Sources (all in @tensorflow/tfjs-layers 4.22.0 unless noted):
 * - losses.js     `lossesMap`, looked up by `get()` with `identifier in lossesMap`.
 * - metrics.js    `metricsMap`, looked up by `get()` with `identifier in metricsMap`.
 * - engine/training.js `compile()`: 'accuracy' | 'acc' | 'crossentropy' | 'ce' are
 *   resolved by compile itself before `metrics.get()` is consulted.
 * - optimizers.js `getOptimizer()`: its own `optimizerMap`.
 * - activations.js `getActivation()` -> `deserializeKerasObject()` against the GLOBAL
 *   `serialization.SerializationMap` (tfjs-core), which holds every registered class:
 *   the 16 activation classes, but also all layers, initializers, constraints,
 *   regularizers and optimizers. That is why 'Softmax' works (see below).
 * - exports_layers.js (`tf.layers`), exports_metrics.js (`tf.metrics`),
 *   tfjs-core ops/losses (`tf.losses`), tfjs-core `train`.
 *
 * Lookups use the `in` operator on plain object literals, so Object.prototype keys
 * ('toString', 'constructor', 'valueOf', 'hasOwnProperty', ...) pass `compile()` as a
 * loss, metric or optimizer string and only fail later, inside `fit()`. They are not
 * listed anywhere below; activations reject them.
 *
 * Data only (one job: the names TF.js accepts), no runtime dependency on TF.js;
 * matching a written string against them is analysis/name-lookup.ts.
 */

// ---------------------------------------------------------------------------
// Losses
// ---------------------------------------------------------------------------

/**
 * Every string `model.compile({loss})` accepts: the keys of tfjs-layers `lossesMap`,
 * case-sensitive, no aliases (note the all-lowercase 'logcosh'). Anything else throws
 * `ValueError: Unknown loss <name>` inside `compile()`; if the name contains
 * 'softmaxcrossentropy' (any case) the message adds 'Use "categoricalCrossentropy" as
 * the string name for tf.losses.softmaxCrossEntropy' (wrong advice for logits).
 * tfjs-layers losses.js also exports `mse`, `MSE`, `mae`, `MAE`, `mape`, `MAPE`,
 * `msle`, `MSLE`, `kld`, `KLD`, `cosine` as module constants, but they are NOT in
 * `lossesMap`, so those strings are rejected as losses.
 */
export const LOSS_STRINGS = [
  'meanSquaredError',
  'meanAbsoluteError',
  'meanAbsolutePercentageError',
  'meanSquaredLogarithmicError',
  'squaredHinge',
  'hinge',
  'categoricalHinge',
  'logcosh',
  'categoricalCrossentropy',
  'sparseCategoricalCrossentropy',
  'binaryCrossentropy',
  'kullbackLeiblerDivergence',
  'poisson',
  'cosineProximity',
] as const;
export type LossString = (typeof LOSS_STRINGS)[number];

// ---------------------------------------------------------------------------
// Metrics
// ---------------------------------------------------------------------------

/**
 * Metric strings that `compile()` resolves itself, per output: if the output's last
 * dimension is 1 or its loss is the string 'binaryCrossentropy' they become
 * binaryAccuracy / binaryCrossentropy; else if the loss is 'sparseCategoricalCrossentropy'
 * sparseCategoricalAccuracy / sparseCategoricalCrossentropy; else categoricalAccuracy /
 * categoricalCrossentropy. History keys: 'acc' for both 'accuracy' and 'acc', 'ce' for
 * both 'crossentropy' and 'ce'.
 */
export const METRIC_STRINGS_RESOLVED_BY_COMPILE = ['accuracy', 'acc', 'crossentropy', 'ce'] as const;

/** The keys of tfjs-layers `metricsMap` (case-sensitive). */
export const METRIC_STRINGS_FROM_MAP = [
  'binaryAccuracy',
  'categoricalAccuracy',
  'precision',
  'categoricalCrossentropy',
  'sparseCategoricalCrossentropy',
  'mse',
  'MSE',
  'mae',
  'MAE',
  'mape',
  'MAPE',
  'cosine',
] as const;

/**
 * Every string `compile({metrics: [...]})` accepts (also as a single string or as the
 * values of a per-output object). Unknown strings throw `Unknown metric <name>` inside
 * `compile()`, not `fit()`. Not accepted although `tf.metrics` has a function of that
 * name: 'meanSquaredError', 'meanAbsoluteError', 'meanAbsolutePercentageError',
 * 'binaryCrossentropy', 'sparseCategoricalAccuracy', 'recall', 'r2Score',
 * 'cosineProximity'. Accepted but failing only at `fit()`: 'sparseCategoricalCrossentropy'
 * with one-hot targets (its labels must be class indices).
 */
export const METRIC_STRINGS = [...METRIC_STRINGS_RESOLVED_BY_COMPILE, ...METRIC_STRINGS_FROM_MAP] as const;
export type MetricString = (typeof METRIC_STRINGS)[number];

// ---------------------------------------------------------------------------
// Activations
// ---------------------------------------------------------------------------

/**
 * The activation classes registered in activations.js (their `className`), i.e. the
 * names TF.js means as activations. Case-sensitive: 'Sigmoid', 'Tanh', 'Relu', 'RELU',
 * 'Linear', 'LogSoftmax', 'HardSigmoid', 'Elu', 'Selu', 'Gelu', 'Swish' and the snake_case
 * 'log_softmax', 'hard_sigmoid', 'leaky_relu' all throw "Unknown activation". 'gelu_new'
 * is the only snake_case name. An omitted activation means the factory's default (see
 * LAYER_FACTORIES); `activation: null` means 'linear' (in simpleRNN: 'tanh').
 */
export const ACTIVATION_STRINGS = [
  'elu',
  'selu',
  'relu',
  'relu6',
  'linear',
  'sigmoid',
  'hardSigmoid',
  'softplus',
  'softsign',
  'tanh',
  'softmax',
  'logSoftmax',
  'gelu',
  'gelu_new',
  'mish',
  'swish',
] as const;
export type ActivationString = (typeof ACTIVATION_STRINGS)[number];

/**
 * Accepted at runtime but missing from TF.js' own TypeScript type `ActivationIdentifier`
 * (keras_format/activation_config.d.ts), so `activation: 'logSoftmax'` fails to
 * type-check in TypeScript projects although it works.
 */
export const ACTIVATION_STRINGS_MISSING_FROM_TS_TYPE = ['logSoftmax'] as const;

/**
 * Why 'Softmax' (capital) works: `getActivation(name)` looks `name` up in the global
 * serialization registry, which also holds the advanced-activation LAYER classes under
 * their Keras class names. 'Softmax' therefore builds a `tf.layers.softmax()` layer and
 * the dense/conv/RNN layer calls its `apply()` on its output tensor. The same goes for
 * the other layer class names below. They are accepted, but they are layers, not
 * activations, and behave differently:
 * - 'Softmax': the Softmax LAYER, whose default axis is 1 (not -1). Same as 'softmax' on
 *   rank-2 outputs (dense on 2-D input, inside RNN cells); on rank >= 3 outputs (conv,
 *   dense on 3-D input) predict/fit throws "Softmax along a non-last dimension is not
 *   yet supported". Serialised back as 'softmax', so saved models reload.
 * - 'ReLU': same as 'relu'. 'ELU': same as 'elu' (serialised as 'elu', reloads).
 * - 'LeakyReLU': leaky ReLU with alpha 0.3 (no activation string for it).
 * - 'PReLU': alpha initialised to zeros and never trained (its weight is not among the
 *   model's trainable weights), i.e. plain relu.
 * - 'ThresholdedReLU': x * (x > 1); `fit()` then throws "Cannot compute gradient:
 *   gradient function not found for Greater".
 * - 'Activation': an Activation layer with no activation, i.e. linear.
 * Except 'Softmax' and 'ELU', these serialise to snake_case ('re_lu', 'leaky_re_lu',
 * 'p_re_lu', 'thresholded_re_lu', 'activation') and a saved model cannot be loaded
 * again ("Unknown activation: reLu").
 */
export const ACTIVATION_STRINGS_ALSO_ACCEPTED = [
  'Softmax',
  'ReLU',
  'LeakyReLU',
  'PReLU',
  'ELU',
  'ThresholdedReLU',
  'Activation',
] as const;
export type AlsoAcceptedActivation = (typeof ACTIVATION_STRINGS_ALSO_ACCEPTED)[number];

/**
 * The activation string each also-accepted name equals on a rank-2 output, or null
 * when it equals none of them.
 */
export const ACTIVATION_ALSO_ACCEPTED_EQUIVALENT: Readonly<Record<AlsoAcceptedActivation, ActivationString | null>> = {
  Softmax: 'softmax',
  ReLU: 'relu',
  LeakyReLU: null,
  PReLU: 'relu',
  ELU: 'elu',
  ThresholdedReLU: null,
  Activation: 'linear',
};

/**
 * Other registered class names that a dense layer on a 2-D input also accepts as its
 * `activation` without throwing at construction or predict (same lookup as above):
 * noise/dropout layers (identity at predict), normalisation layers, Masking (identity
 * there, but fit throws "gradient function not found for Any"), the weight constraints
 * (their `apply()` is run on the activations: 'NonNeg' acts as relu) and 'L1L2' (returns
 * a scalar penalty instead of the activations). Nobody means these; a lint rule can
 * report them as unknown. Further class names (Flatten, pooling, UpSampling2D,
 * ZeroPadding2D, SpatialDropout1D, CenterCrop, Resizing) are looked up too and work or
 * throw depending on the rank of the layer's output.
 */
export const ACTIVATION_STRINGS_ACCEPTED_BY_ACCIDENT = [
  'Dropout',
  'GaussianNoise',
  'GaussianDropout',
  'AlphaDropout',
  'Masking',
  'BatchNormalization',
  'LayerNormalization',
  'MaxNorm',
  'UnitNorm',
  'NonNeg',
  'MinMaxNorm',
  'L1L2',
] as const;

// ---------------------------------------------------------------------------
// Optimizers
// ---------------------------------------------------------------------------

/**
 * Every string `compile({optimizer})` accepts (`getOptimizer`'s map; exact case).
 * Rejected: 'momentum' (use `tf.train.momentum(lr, momentum)`), 'RMSprop' (the Keras
 * spelling), 'rmsProp', 'nadam', 'ftrl'. A non-string optimizer must be a `tf.Optimizer`.
 */
export const OPTIMIZER_STRINGS = [
  'sgd',
  'adam',
  'adagrad',
  'adadelta',
  'adamax',
  'rmsprop',
  'SGD',
  'Adam',
  'Adagrad',
  'Adadelta',
  'Adamax',
  'RMSProp',
] as const;
export type OptimizerString = (typeof OPTIMIZER_STRINGS)[number];

/** `tf.train.*` optimizer factories (tfjs-core). */
export const TF_TRAIN_FUNCTIONS = ['sgd', 'momentum', 'rmsprop', 'adam', 'adadelta', 'adamax', 'adagrad'] as const;

// ---------------------------------------------------------------------------
// tf.losses / tf.metrics functions
// ---------------------------------------------------------------------------

/**
 * `tf.losses.*` (tfjs-core ops/losses). Signature `(labels, predictions, weights?,
 * ..., reduction?)`, reduced to a scalar by default. As `compile({loss: fn})`:
 * softmaxCrossEntropy / sigmoidCrossEntropy take LOGITS; the others train too, except
 * computeWeightedLoss `(losses, weights?)`, which is not a loss function (fit throws
 * "gradient function not found for NotEqual"). cosineDistance's `axis` is left
 * undefined when compile calls it with two arguments.
 */
export const TF_LOSSES_FUNCTIONS = [
  'absoluteDifference',
  'computeWeightedLoss',
  'cosineDistance',
  'hingeLoss',
  'huberLoss',
  'logLoss',
  'meanSquaredError',
  'sigmoidCrossEntropy',
  'softmaxCrossEntropy',
] as const;
export type TfLossesFunction = (typeof TF_LOSSES_FUNCTIONS)[number];

/** The `tf.losses.*` functions that cannot be used as `compile({loss})`. */
export const TF_LOSSES_NOT_TRAINABLE_AS_LOSS = ['computeWeightedLoss'] as const;

/**
 * `tf.metrics.*` (tfjs-layers exports_metrics.js), `(yTrue, yPred) => Tensor`. All work
 * as `compile({metrics: [fn]})` (sparseCategoricalAccuracy only with class-index
 * targets; with one-hot targets fit throws). There is no `tf.metrics.mae`, `MAE`,
 * `sparseCategoricalCrossentropy` or `cosine` although those are metric strings.
 */
export const TF_METRICS_FUNCTIONS = [
  'binaryAccuracy',
  'binaryCrossentropy',
  'sparseCategoricalAccuracy',
  'categoricalAccuracy',
  'categoricalCrossentropy',
  'precision',
  'recall',
  'cosineProximity',
  'meanAbsoluteError',
  'meanAbsolutePercentageError',
  'MAPE',
  'mape',
  'meanSquaredError',
  'MSE',
  'mse',
  'r2Score',
] as const;
export type TfMetricsFunction = (typeof TF_METRICS_FUNCTIONS)[number];

/**
 * `tf.metrics.*` that cannot serve as `compile({loss: fn})`: thresholds/argmax have no
 * gradient ("gradient function not found for Equal/Greater"); sparseCategoricalAccuracy
 * needs class-index targets.
 */
export const TF_METRICS_NOT_TRAINABLE_AS_LOSS = [
  'binaryAccuracy',
  'categoricalAccuracy',
  'precision',
  'recall',
  'sparseCategoricalAccuracy',
] as const;

// ---------------------------------------------------------------------------
// Layer factories (tf.layers.*)
// ---------------------------------------------------------------------------

export type LayerGroup =
  'dense-like' | 'conv' | 'recurrent' | 'activation-only' | 'pass-through' | 'wrapper' | 'merge' | 'input' | 'other';

export interface LayerFactory {
  /** The function name under `tf.layers`. */
  readonly name: string;
  /** Config key giving the number of output channels/units. */
  readonly sizeKey?: 'units' | 'filters';
  /** Activation when the config gives none (only for factories with an `activation` config). */
  readonly defaultActivation?: ActivationString;
  /** `recurrentActivation` default (LSTM/GRU family; Keras 2.3+ uses 'sigmoid'). */
  readonly defaultRecurrentActivation?: ActivationString;
  /** Activation-only layers equal to an activation string on rank-2 input (with default config). */
  readonly fixedActivation?: ActivationString;
  /** Another `tf.layers` factory building the same class. */
  readonly aliasOf?: string;
  /** An RNN cell, used inside `tf.layers.rnn` / `stackedRNNCells`, not as a model layer. */
  readonly cell?: true;
  /** Pass-through at predict(), perturbs values only while training (dropout and noise). */
  readonly trainingOnlyNoise?: true;
  /** Pass-through that moves, copies or drops values: the axis a distribution is over may change. */
  readonly rearranges?: true;
  readonly note?: string;
}

const conv = (name: string, note?: string): LayerFactory => ({
  name,
  sizeKey: 'filters',
  defaultActivation: 'linear',
  ...(note === undefined ? {} : { note }),
});
const lstmLike = (name: string, sizeKey: 'units' | 'filters', cell?: true): LayerFactory => ({
  name,
  sizeKey,
  defaultActivation: 'tanh',
  defaultRecurrentActivation: 'hardSigmoid',
  ...(cell ? { cell } : {}),
  note: '`activation: null` means linear (the default applies only to `undefined`).',
});

/**
 * Every factory function under `tf.layers`, each in exactly one group.
 *
 * "pass-through" means: does not change what a value means, so a probability is still a
 * probability. Either (a) at predict() it is the identity and while training it only
 * applies regularising noise (dropout family, gaussianNoise, alphaDropout), or (b) every
 * output value is an input value moved, copied or dropped (reshape, flatten, permute,
 * repeatVector, cropping2D, masking). Layers that compute new values from several inputs
 * or rescale them are NOT pass-through: batchNormalization and layerNormalization
 * (shift/scale), rescaling, pooling (max/average of neighbours), zeroPadding2d (adds
 * zeros that are no probabilities), upSampling2d/resizing/centerCrop (may interpolate),
 * embedding (a lookup table), merges.
 */
export const LAYER_FACTORIES: { readonly [G in LayerGroup]: readonly LayerFactory[] } = {
  'dense-like': [{ name: 'dense', sizeKey: 'units', defaultActivation: 'linear' }],
  conv: [
    conv('conv1d'),
    conv('conv2d'),
    conv('conv3d'),
    conv('conv2dTranspose'),
    conv('conv3dTranspose'),
    conv('separableConv2d'),
    {
      name: 'depthwiseConv2d',
      defaultActivation: 'linear',
      note: 'No `filters`: output channels = input channels * depthMultiplier (default 1).',
    },
  ],
  recurrent: [
    lstmLike('lstm', 'units'),
    lstmLike('gru', 'units'),
    {
      name: 'simpleRNN',
      sizeKey: 'units',
      defaultActivation: 'tanh',
      note: '`activation: null` also means tanh here.',
    },
    lstmLike('convLstm2d', 'filters'),
    { name: 'rnn', note: "Generic RNN: the activation is the given `cell`'s." },
    lstmLike('lstmCell', 'units', true),
    lstmLike('gruCell', 'units', true),
    { name: 'simpleRNNCell', sizeKey: 'units', defaultActivation: 'tanh', cell: true },
    lstmLike('convLstm2dCell', 'filters', true),
    { name: 'stackedRNNCells', cell: true },
  ],
  'activation-only': [
    { name: 'activation', defaultActivation: 'linear', note: 'The activation comes from its `activation` config.' },
    {
      name: 'softmax',
      fixedActivation: 'softmax',
      note: 'Default axis is 1, not -1: on rank >= 3 inputs predict/fit throws unless `{axis: -1}` is given.',
    },
    { name: 'reLU', fixedActivation: 'relu', note: '`maxValue` clips it.' },
    { name: 'leakyReLU', note: 'alpha defaults to 0.3 (tf.leakyRelu op: 0.2).' },
    { name: 'prelu', note: 'Trainable alpha, initialised to zeros.' },
    { name: 'elu', fixedActivation: 'elu', note: 'Only alpha 1 is supported.' },
    {
      name: 'thresholdedReLU',
      note: 'x * (x > theta), theta 1. Behind a trainable layer fit throws "gradient function not found for Greater".',
    },
  ],
  'pass-through': [
    { name: 'dropout', trainingOnlyNoise: true },
    { name: 'spatialDropout1d', trainingOnlyNoise: true },
    {
      name: 'gaussianDropout',
      trainingOnlyNoise: true,
      note: 'Multiplies by N(1, rate/(1-rate)) noise while training.',
    },
    { name: 'gaussianNoise', trainingOnlyNoise: true, note: 'Adds N(0, stddev) noise while training.' },
    {
      name: 'alphaDropout',
      trainingOnlyNoise: true,
      note: 'While training also applies an affine transform (meant for selu), so values leave [0, 1] then.',
    },
    { name: 'reshape', rearranges: true },
    { name: 'flatten', rearranges: true },
    { name: 'permute', rearranges: true },
    { name: 'repeatVector', rearranges: true, note: 'Copies the input vector n times along a new axis 1.' },
    { name: 'cropping2D', rearranges: true, note: 'Drops border pixels; per-pixel channel vectors unchanged.' },
    {
      name: 'masking',
      note:
        'Zeroes timesteps whose features all equal maskValue (default 0: the identity) and emits a mask. ' +
        'Behind a trainable layer fit throws "gradient function not found for Any".',
    },
  ],
  wrapper: [
    { name: 'timeDistributed', note: 'Applies the wrapped `layer` to every timestep.' },
    { name: 'bidirectional', note: 'Wraps an RNN `layer`; mergeMode defaults to concat.' },
  ],
  merge: [
    { name: 'add' },
    { name: 'average' },
    { name: 'concatenate' },
    { name: 'maximum' },
    { name: 'minimum' },
    { name: 'multiply' },
    { name: 'dot' },
  ],
  input: [
    { name: 'input', note: 'Same function as tf.input: returns a SymbolicTensor, not a layer.' },
    { name: 'inputLayer' },
  ],
  other: [
    { name: 'embedding' },
    { name: 'batchNormalization', note: 'Shifts and scales values.' },
    { name: 'layerNormalization', note: 'Shifts and scales values.' },
    { name: 'rescaling', note: 'x * scale + offset.' },
    { name: 'zeroPadding2d' },
    { name: 'upSampling2d', note: 'nearest (default) copies pixels, bilinear interpolates.' },
    { name: 'centerCrop' },
    { name: 'resizing' },
    { name: 'categoryEncoding' },
    { name: 'randomWidth' },
    { name: 'maxPooling1d' },
    { name: 'maxPool1d', aliasOf: 'maxPooling1d' },
    { name: 'maxPooling2d' },
    { name: 'maxPool2d', aliasOf: 'maxPooling2d' },
    { name: 'maxPooling3d' },
    { name: 'averagePooling1d' },
    { name: 'avgPool1d', aliasOf: 'averagePooling1d' },
    { name: 'avgPooling1d', aliasOf: 'averagePooling1d' },
    { name: 'averagePooling2d' },
    { name: 'avgPool2d', aliasOf: 'averagePooling2d' },
    { name: 'avgPooling2d', aliasOf: 'averagePooling2d' },
    { name: 'averagePooling3d' },
    { name: 'avgPool3d', aliasOf: 'averagePooling3d' },
    { name: 'avgPooling3d', aliasOf: 'averagePooling3d' },
    { name: 'globalAveragePooling1d' },
    { name: 'globalAveragePooling2d' },
    { name: 'globalMaxPooling1d' },
    { name: 'globalMaxPool1d', aliasOf: 'globalMaxPooling1d' },
    { name: 'globalMaxPooling2d' },
    { name: 'globalMaxPool2d', aliasOf: 'globalMaxPooling2d' },
  ],
};

/** Keys of `tf.layers` that are classes, not factories. */
export const TF_LAYERS_NON_FACTORY_EXPORTS = ['Layer', 'RNN', 'RNNCell'] as const;

const layerIndex: ReadonlyMap<string, LayerFactory & { readonly group: LayerGroup }> = new Map(
  (Object.keys(LAYER_FACTORIES) as LayerGroup[]).flatMap((group) =>
    LAYER_FACTORIES[group].map((f) => [f.name, { ...f, group }] as const),
  ),
);

/** The entry (with its group) for a `tf.layers` factory name, or undefined. */
export function layerFactory(name: string): (LayerFactory & { readonly group: LayerGroup }) | undefined {
  return layerIndex.get(name);
}

// ---------------------------------------------------------------------------
// Aliases: Keras/Python spellings -> the TF.js string with the same meaning
// ---------------------------------------------------------------------------

/**
 * Spellings that TF.js rejects, mapped to the accepted string of the same kind that
 * computes the same thing. Every key is rejected and every value accepted (tested).
 * Notes: Keras' hinge/squared_hinge convert 0/1 labels to -1/1, TF.js' do not.
 * Keras 3's hard_sigmoid is relu6(x+3)/6; TF.js' is clip(0.2x+0.5, 0, 1) (Keras 2).
 * No entry where the target depends on context (e.g. 'sparse_categorical_accuracy':
 * only 'accuracy' with a sparse loss gives it).
 */
export const ALIASES = {
  loss: {
    mse: 'meanSquaredError',
    MSE: 'meanSquaredError',
    mean_squared_error: 'meanSquaredError',
    mae: 'meanAbsoluteError',
    MAE: 'meanAbsoluteError',
    mean_absolute_error: 'meanAbsoluteError',
    mape: 'meanAbsolutePercentageError',
    MAPE: 'meanAbsolutePercentageError',
    mean_absolute_percentage_error: 'meanAbsolutePercentageError',
    msle: 'meanSquaredLogarithmicError',
    MSLE: 'meanSquaredLogarithmicError',
    mean_squared_logarithmic_error: 'meanSquaredLogarithmicError',
    kld: 'kullbackLeiblerDivergence',
    KLD: 'kullbackLeiblerDivergence',
    kl_divergence: 'kullbackLeiblerDivergence',
    kullback_leibler_divergence: 'kullbackLeiblerDivergence',
    squared_hinge: 'squaredHinge',
    categorical_hinge: 'categoricalHinge',
    log_cosh: 'logcosh',
    logCosh: 'logcosh',
    categorical_crossentropy: 'categoricalCrossentropy',
    sparse_categorical_crossentropy: 'sparseCategoricalCrossentropy',
    binary_crossentropy: 'binaryCrossentropy',
    cosine: 'cosineProximity',
    cosine_proximity: 'cosineProximity',
    cosine_similarity: 'cosineProximity',
  } satisfies Record<string, LossString>,
  metric: {
    binary_accuracy: 'binaryAccuracy',
    categorical_accuracy: 'categoricalAccuracy',
    categorical_crossentropy: 'categoricalCrossentropy',
    sparse_categorical_crossentropy: 'sparseCategoricalCrossentropy',
    meanSquaredError: 'mse',
    mean_squared_error: 'mse',
    meanAbsoluteError: 'mae',
    mean_absolute_error: 'mae',
    meanAbsolutePercentageError: 'mape',
    mean_absolute_percentage_error: 'mape',
    cosineProximity: 'cosine',
    cosine_proximity: 'cosine',
  } satisfies Record<string, MetricString>,
  activation: {
    hard_sigmoid: 'hardSigmoid',
    log_softmax: 'logSoftmax',
    silu: 'swish',
  } satisfies Record<string, ActivationString>,
  optimizer: {
    RMSprop: 'rmsprop',
  } satisfies Record<string, OptimizerString>,
} as const;

export type NameKind = keyof typeof ALIASES;

/**
 * Names written as strings that TF.js only has as functions (the string is rejected),
 * mapped to that function. Mind the semantics: tf.losses.softmaxCrossEntropy and
 * sigmoidCrossEntropy take logits; tf.train.momentum needs (learningRate, momentum).
 */
export const FUNCTION_INSTEAD_OF_STRING = {
  loss: {
    softmaxCrossEntropy: 'tf.losses.softmaxCrossEntropy',
    softmax_cross_entropy: 'tf.losses.softmaxCrossEntropy',
    sigmoidCrossEntropy: 'tf.losses.sigmoidCrossEntropy',
    sigmoid_cross_entropy: 'tf.losses.sigmoidCrossEntropy',
    logLoss: 'tf.losses.logLoss',
    log_loss: 'tf.losses.logLoss',
    huberLoss: 'tf.losses.huberLoss',
    huber_loss: 'tf.losses.huberLoss',
    huber: 'tf.losses.huberLoss',
    absoluteDifference: 'tf.losses.absoluteDifference',
    absolute_difference: 'tf.losses.absoluteDifference',
    hingeLoss: 'tf.losses.hingeLoss',
    hinge_loss: 'tf.losses.hingeLoss',
    cosineDistance: 'tf.losses.cosineDistance',
    cosine_distance: 'tf.losses.cosineDistance',
  },
  metric: {
    recall: 'tf.metrics.recall',
    r2Score: 'tf.metrics.r2Score',
    r2_score: 'tf.metrics.r2Score',
    sparseCategoricalAccuracy: 'tf.metrics.sparseCategoricalAccuracy',
    sparse_categorical_accuracy: 'tf.metrics.sparseCategoricalAccuracy',
    binaryCrossentropy: 'tf.metrics.binaryCrossentropy',
    binary_crossentropy: 'tf.metrics.binaryCrossentropy',
  },
  activation: {
    leakyRelu: 'tf.layers.leakyReLU',
    leaky_relu: 'tf.layers.leakyReLU',
    prelu: 'tf.layers.prelu',
    thresholdedReLU: 'tf.layers.thresholdedReLU',
    thresholded_relu: 'tf.layers.thresholdedReLU',
  },
  optimizer: {
    momentum: 'tf.train.momentum',
    Momentum: 'tf.train.momentum',
  },
} as const satisfies Record<NameKind, Record<string, string>>;

// ---------------------------------------------------------------------------
// Lookup helpers
// ---------------------------------------------------------------------------

/** The accepted strings of each kind (activations: the 16 real ones only). */
export const ACCEPTED: { readonly [K in NameKind]: readonly string[] } = {
  loss: LOSS_STRINGS,
  metric: METRIC_STRINGS,
  activation: ACTIVATION_STRINGS,
  optimizer: OPTIMIZER_STRINGS,
};

const lossSet: ReadonlySet<string> = new Set(LOSS_STRINGS);
const metricSet: ReadonlySet<string> = new Set(METRIC_STRINGS);
const activationSet: ReadonlySet<string> = new Set(ACTIVATION_STRINGS);
const alsoAcceptedActivationSet: ReadonlySet<string> = new Set(ACTIVATION_STRINGS_ALSO_ACCEPTED);
const optimizerSet: ReadonlySet<string> = new Set(OPTIMIZER_STRINGS);

export const isLossString = (s: string): s is LossString => lossSet.has(s);
export const isMetricString = (s: string): s is MetricString => metricSet.has(s);
/** One of the 16 activation names (not the also-accepted layer class names). */
export const isActivationString = (s: string): s is ActivationString => activationSet.has(s);
export const isAlsoAcceptedActivation = (s: string): s is AlsoAcceptedActivation => alsoAcceptedActivationSet.has(s);
export const isOptimizerString = (s: string): s is OptimizerString => optimizerSet.has(s);
