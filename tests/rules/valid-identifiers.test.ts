import rule from '../../src/rules/valid-identifiers.js';
import { runRule } from '../helpers/rule-tester.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;
/** A one-layer model with the given output activation (line 2), compiled on line 3. */
const model = (activation: string) =>
  TF +
  `const m = tf.sequential({layers: [tf.layers.dense({units: 3, activation: '${activation}', inputShape: [2]})]});\n`;

/** TF.js's own error messages (verified by running @tensorflow/tfjs 4.22). */
const error = {
  loss: (n: string) => `\`compile()\` throws "Unknown loss ${n}"`,
  metric: (n: string) => `\`compile()\` throws "Unknown metric ${n}"`,
  optimizer: (n: string) => `\`compile()\` throws "Unknown Optimizer ${n}"`,
  activation: (n: string) => `creating the layer throws "Unknown activation: ${n}"`,
};
type Kind = keyof typeof error;
const alias = (kind: Kind, name: string, replacement: string) => ({
  kind,
  name,
  error: error[kind](name),
  replacement,
});
const unknown = (kind: Kind, name: string) => ({ kind, name, error: error[kind](name) });
const functionOnly = (kind: Kind, name: string, advice: string) => ({ kind, name, error: error[kind](name), advice });
const logitsLoss = (name: string) =>
  name.toLowerCase().startsWith('softmax')
    ? {
        name,
        error: error.loss(name),
        fn: 'softmaxCrossEntropy',
        probabilityLoss: 'categoricalCrossentropy',
        activation: 'softmax',
      }
    : {
        name,
        error: error.loss(name),
        fn: 'sigmoidCrossEntropy',
        probabilityLoss: 'binaryCrossentropy',
        activation: 'sigmoid',
      };
const EFFECT = {
  Softmax:
    'the Softmax layer normalises over axis 1, not the last axis, so on outputs of rank 3 or more `predict()` and `fit()` throw "Softmax along a non-last dimension is not yet supported"',
  PReLU: 'its alpha starts at 0 and is never trained (it computes relu), and the saved model cannot be loaded again',
  LeakyReLU: 'it computes a leaky relu with alpha 0.3, and the saved model cannot be loaded again',
  Dropout: "it is applied to the layer's output although it is not an activation at all",
};

runRule('valid-identifiers', rule, {
  valid: [
    // Every kind of name spelled as TF.js spells it.
    model('softmax') +
      `m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy', 'acc', 'ce', 'mse', 'MAE', 'precision']});
tf.layers.lstm({units: 4, activation: 'tanh', recurrentActivation: 'hardSigmoid'});
tf.layers.dense({units: 4, activation: 'logSoftmax'});
tf.layers.dense({units: 4, activation: 'gelu_new'});`,
    // A placeholder that configure() replaces before compile: 'unset' never reaches it.
    model('softmax') +
      `let LOSS = 'unset';
function configure() { LOSS = 'categoricalCrossentropy'; }
configure();
m.compile({optimizer: 'adam', loss: LOSS});`,
    // 'ELU' is the ELU layer class, but computes elu and even saves as 'elu': left alone.
    TF + `tf.layers.dense({units: 4, activation: 'ELU'});`,
    // Optimizer strings in both spellings TF.js has, and optimizer objects.
    model('linear') +
      `m.compile({optimizer: 'RMSProp', loss: 'meanSquaredError'});\nm.compile({optimizer: tf.train.momentum(0.1, 0.9), loss: 'logcosh'});`,
    // compile on something that is not a TF.js model.
    TF + `const other = {compile() {}};\nother.compile({optimizer: 'momentum', loss: 'mse'});`,
    // An unknown receiver whose config lacks the `optimizer` + `loss` shape of a TF.js compile: not judged.
    TF + `export function setup(compiler) { compiler.compile({loss: 'whatever', mode: 'strict'}); }`,
    // Unknown receivers that are not parameters (a global app object, an unresolved module): not judged.
    TF +
      `const trainer = require('./trainer.cjs');\ntrainer.compile({optimizer: 'sgd', loss: 'mse'});\nwindow.app.model.compile({optimizer: 'sgd', loss: 'mse'});`,
    // A compile helper also called with something that is not a TF.js model: not judged.
    model('linear') + `function train(x) { x.compile({loss: 'mse'}); }\ntrain(m);\ntrain(keras);`,
    // Names nobody can know: parameters of exported functions, computed strings.
    model('linear') +
      `export function compile(loss, act) {\n  m.compile({loss, optimizer: 'sgd'});\n  tf.layers.dense({units: 2, activation: act});\n}\nm.compile({loss: 'mean' + '_squared_error'});`,
    // Strings in other places are not names: a constant that never reaches compile, another config key.
    TF +
      `const label = 'categorical_crossentropy';\nconsole.log(label);\ntf.layers.dense({units: 2, kernelInitializer: 'glorot_uniform', name: 'mse'});`,
    // simpleRNN has no recurrentActivation (TF.js ignores it); dropout has no activation.
    TF +
      `tf.layers.simpleRNN({units: 2, recurrentActivation: 'bogus'});\ntf.layers.dropout({rate: 0.5, activation: 'bogus'});`,
    // A layers object that is not TF.js.
    TF + `const layers = {dense() {}};\nlayers.dense({activation: 'hard_sigmoid'});`,
    // Functions are fine in every position.
    model('linear') +
      `m.compile({optimizer: 'sgd', loss: tf.losses.softmaxCrossEntropy, metrics: [tf.metrics.recall]});`,
    // Object.prototype keys pass TF.js's lookups in compile (they fail later, elsewhere): not judged.
    model('linear') + `m.compile({optimizer: 'sgd', loss: 'toString'});`,
  ],
  invalid: [
    {
      // The model is a parameter nothing in the file passes (code as posted in questions): the config's
      // \`optimizer\` + \`loss\` shape makes it a TF.js compile, and the name is wrong whatever the model. The
      // receiver may still be a wrapper with names of its own: a suggestion, not an autofix.
      code:
        TF +
        `export function build(model) {\n  model.compile({optimizer: 'rmsprop', loss: 'categorical_crossentropy', metrics: ['accuracy']});\n}`,
      output: null,
      errors: [
        {
          messageId: 'aliasName',
          data: alias('loss', 'categorical_crossentropy', 'categoricalCrossentropy'),
          line: 3,
          column: 46,
          suggestions: [
            {
              messageId: 'useName',
              data: { replacement: 'categoricalCrossentropy' },
              output:
                TF +
                `export function build(model) {\n  model.compile({optimizer: 'rmsprop', loss: 'categoricalCrossentropy', metrics: ['accuracy']});\n}`,
            },
          ],
        },
      ],
    },
    {
      // The Keras spelling: autofixed when written in the compile call.
      code:
        model('softmax') + `m.compile({optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy']});`,
      output:
        model('softmax') + `m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy']});`,
      errors: [
        {
          messageId: 'aliasName',
          data: alias('loss', 'categorical_crossentropy', 'categoricalCrossentropy'),
          line: 3,
          column: 37,
          endColumn: 63,
        },
      ],
    },
    {
      // 'mse' is a metric but not a loss; the double-quote style is kept.
      code: model('linear') + `m.compile({optimizer: "sgd", loss: "mse", metrics: ["mse"]});`,
      output: model('linear') + `m.compile({optimizer: "sgd", loss: "meanSquaredError", metrics: ["mse"]});`,
      errors: [
        { messageId: 'aliasName', data: alias('loss', 'mse', 'meanSquaredError'), line: 3, column: 36, endColumn: 41 },
      ],
    },
    {
      // A shared constant used by two compile calls: one report, at the literal, as a suggestion.
      code:
        model('linear') +
        `const LOSS = 'mean_squared_error';\nm.compile({optimizer: 'sgd', loss: LOSS});\nm.compile({optimizer: 'adam', loss: LOSS});`,
      output: null,
      errors: [
        {
          messageId: 'aliasName',
          data: alias('loss', 'mean_squared_error', 'meanSquaredError'),
          line: 3,
          column: 14,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'useName',
              data: { replacement: 'meanSquaredError' },
              output:
                model('linear') +
                `const LOSS = 'meanSquaredError';\nm.compile({optimizer: 'sgd', loss: LOSS});\nm.compile({optimizer: 'adam', loss: LOSS});`,
            },
          ],
        },
      ],
    },
    {
      // A constant used as a loss (invalid) and as a metric (valid): the loss name would break the metric, so nothing is offered.
      code: model('linear') + `const M = 'mse';\nm.compile({optimizer: 'sgd', loss: M, metrics: [M]});`,
      output: null,
      errors: [
        {
          messageId: 'aliasName',
          data: alias('loss', 'mse', 'meanSquaredError'),
          line: 3,
          column: 11,
          endColumn: 16,
          suggestions: [],
        },
      ],
    },
    {
      // Per-output losses and metrics: each string judged at its literal.
      code:
        TF +
        `const m = tf.model({inputs: i, outputs: [a, b]});\nm.compile({optimizer: 'sgd', loss: ['meanSquaredError', 'binary_crossentropy'], metrics: {a: 'mae', b: ['binary_accuracy']}});`,
      output:
        TF +
        `const m = tf.model({inputs: i, outputs: [a, b]});\nm.compile({optimizer: 'sgd', loss: ['meanSquaredError', 'binaryCrossentropy'], metrics: {a: 'mae', b: ['binaryAccuracy']}});`,
      errors: [
        {
          messageId: 'aliasName',
          data: alias('loss', 'binary_crossentropy', 'binaryCrossentropy'),
          line: 3,
          column: 57,
          endColumn: 78,
        },
        {
          messageId: 'aliasName',
          data: alias('metric', 'binary_accuracy', 'binaryAccuracy'),
          line: 3,
          column: 105,
          endColumn: 122,
        },
      ],
    },
    {
      // Chosen by a condition: each literal is a name TF.js rejects whenever it is used.
      code:
        TF +
        `export function build(clf) {\n  const m = tf.sequential();\n  m.compile({optimizer: 'sgd', loss: clf ? 'categorical_crossentropy' : 'mse'});\n}`,
      output:
        TF +
        `export function build(clf) {\n  const m = tf.sequential();\n  m.compile({optimizer: 'sgd', loss: clf ? 'categoricalCrossentropy' : 'meanSquaredError'});\n}`,
      errors: [
        {
          messageId: 'aliasName',
          data: alias('loss', 'categorical_crossentropy', 'categoricalCrossentropy'),
          line: 4,
          column: 44,
          endColumn: 70,
        },
        { messageId: 'aliasName', data: alias('loss', 'mse', 'meanSquaredError'), line: 4, column: 73, endColumn: 78 },
      ],
    },
    {
      // Case differences are autofixed (unique normalised match); template literals without expressions too.
      code: model('sigmoid') + "m.compile({optimizer: `ADAM`, loss: 'BinaryCrossentropy', metrics: ['Accuracy']});",
      output: model('sigmoid') + "m.compile({optimizer: 'Adam', loss: 'binaryCrossentropy', metrics: ['accuracy']});",
      errors: [
        { messageId: 'aliasName', data: alias('optimizer', 'ADAM', 'Adam'), line: 3, column: 23, endColumn: 29 },
        {
          messageId: 'aliasName',
          data: alias('loss', 'BinaryCrossentropy', 'binaryCrossentropy'),
          line: 3,
          column: 37,
          endColumn: 57,
        },
        { messageId: 'aliasName', data: alias('metric', 'Accuracy', 'accuracy'), line: 3, column: 69, endColumn: 79 },
      ],
    },
    {
      // Typos: one suggestion per near name, nothing automatic.
      code: model('softmax') + `m.compile({optimizer: 'nadam', loss: 'categoricalCrosentropy', metrics: ['acuracy']});`,
      output: null,
      errors: [
        {
          // 'adam' and 'Adam' are both accepted: one suggestion, the closer spelling.
          messageId: 'unknownName',
          data: unknown('optimizer', 'nadam'),
          line: 3,
          column: 23,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'useName',
              data: { replacement: 'adam' },
              output:
                model('softmax') +
                `m.compile({optimizer: 'adam', loss: 'categoricalCrosentropy', metrics: ['acuracy']});`,
            },
          ],
        },
        {
          messageId: 'unknownName',
          data: unknown('loss', 'categoricalCrosentropy'),
          line: 3,
          column: 38,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'useName',
              data: { replacement: 'categoricalCrossentropy' },
              output:
                model('softmax') +
                `m.compile({optimizer: 'nadam', loss: 'categoricalCrossentropy', metrics: ['acuracy']});`,
            },
          ],
        },
        {
          messageId: 'unknownName',
          data: unknown('metric', 'acuracy'),
          line: 3,
          column: 74,
          endColumn: 83,
          suggestions: [
            {
              messageId: 'useName',
              data: { replacement: 'accuracy' },
              output:
                model('softmax') +
                `m.compile({optimizer: 'nadam', loss: 'categoricalCrosentropy', metrics: ['accuracy']});`,
            },
          ],
        },
      ],
    },
    {
      // A loss string that exists only as a function, on a linear output: the function (takes logits) is suggested.
      code: model('linear') + `m.compile({optimizer: 'sgd', loss: 'softmaxCrossEntropy'});`,
      output: null,
      errors: [
        {
          messageId: 'logitsLossName',
          data: logitsLoss('softmaxCrossEntropy'),
          line: 3,
          column: 36,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'useLogitsLoss',
              data: { replacement: 'tf.losses.softmaxCrossEntropy' },
              output: model('linear') + `m.compile({optimizer: 'sgd', loss: tf.losses.softmaxCrossEntropy});`,
            },
          ],
        },
      ],
    },
    {
      // The same on a softmax output: the probability loss is suggested instead.
      code: model('softmax') + `m.compile({optimizer: 'sgd', loss: 'softmaxCrossEntropy'});`,
      output: null,
      errors: [
        {
          messageId: 'logitsLossName',
          data: logitsLoss('softmaxCrossEntropy'),
          line: 3,
          column: 36,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'useProbabilityLoss',
              data: { replacement: 'categoricalCrossentropy', activation: 'softmax' },
              output: model('softmax') + `m.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});`,
            },
          ],
        },
      ],
    },
    {
      // sigmoid_cross_entropy on a sigmoid output: 'binaryCrossentropy'.
      code: model('sigmoid') + `m.compile({optimizer: 'sgd', loss: 'sigmoid_cross_entropy'});`,
      output: null,
      errors: [
        {
          messageId: 'logitsLossName',
          data: logitsLoss('sigmoid_cross_entropy'),
          line: 3,
          column: 36,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'useProbabilityLoss',
              data: { replacement: 'binaryCrossentropy', activation: 'sigmoid' },
              output: model('sigmoid') + `m.compile({optimizer: 'sgd', loss: 'binaryCrossentropy'});`,
            },
          ],
        },
      ],
    },
    {
      // Output unknown (loaded model): both are offered.
      code:
        TF +
        `async function f() {\n  const m = await tf.loadLayersModel('m.json');\n  m.compile({optimizer: 'sgd', loss: 'softmaxCrossEntropy'});\n}`,
      output: null,
      errors: [
        {
          messageId: 'logitsLossName',
          data: logitsLoss('softmaxCrossEntropy'),
          line: 4,
          column: 38,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'useLogitsLoss',
              data: { replacement: 'tf.losses.softmaxCrossEntropy' },
              output:
                TF +
                `async function f() {\n  const m = await tf.loadLayersModel('m.json');\n  m.compile({optimizer: 'sgd', loss: tf.losses.softmaxCrossEntropy});\n}`,
            },
            {
              messageId: 'useProbabilityLoss',
              data: { replacement: 'categoricalCrossentropy', activation: 'softmax' },
              output:
                TF +
                `async function f() {\n  const m = await tf.loadLayersModel('m.json');\n  m.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});\n}`,
            },
          ],
        },
      ],
    },
    {
      // Named imports only: no namespace in scope to write the function with, so only the string is offered.
      code: `import {sequential, layers} from '@tensorflow/tfjs';\nconst m = sequential({layers: [layers.dense({units: 3, inputShape: [2]})]});\nm.compile({optimizer: 'sgd', loss: 'softmaxCrossEntropy'});`,
      output: null,
      errors: [
        {
          messageId: 'logitsLossName',
          data: logitsLoss('softmaxCrossEntropy'),
          line: 3,
          column: 36,
          endColumn: 57,
          suggestions: [],
        },
      ],
    },
    {
      // Metric and loss names that exist only as functions; with @tensorflow/tfjs-layers there is no tf.losses, only tf.metrics.
      code: `import * as tfl from '@tensorflow/tfjs-layers';\nconst m = tfl.sequential({layers: [tfl.layers.dense({units: 1, inputShape: [2]})]});\nm.compile({optimizer: 'sgd', loss: 'huber', metrics: ['recall']});`,
      output: null,
      errors: [
        {
          messageId: 'functionOnly',
          data: functionOnly(
            'loss',
            'huber',
            'it exists only as the function `tf.losses.huberLoss`, which `compile()` accepts',
          ),
          line: 3,
          column: 36,
          endColumn: 43,
          suggestions: [],
        },
        {
          messageId: 'functionOnly',
          data: functionOnly(
            'metric',
            'recall',
            'it exists only as the function `tf.metrics.recall`, which `compile()` accepts',
          ),
          line: 3,
          column: 55,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'useFunction',
              data: { replacement: 'tfl.metrics.recall' },
              output: `import * as tfl from '@tensorflow/tfjs-layers';\nconst m = tfl.sequential({layers: [tfl.layers.dense({units: 1, inputShape: [2]})]});\nm.compile({optimizer: 'sgd', loss: 'huber', metrics: [tfl.metrics.recall]});`,
            },
          ],
        },
      ],
    },
    {
      // 'momentum' is not an optimizer string: it needs its momentum argument.
      code: model('linear') + `m.compile({optimizer: 'momentum', loss: 'meanSquaredError'});`,
      output: null,
      errors: [
        {
          messageId: 'functionOnly',
          data: functionOnly(
            'optimizer',
            'momentum',
            'create it with `tf.train.momentum(learningRate, momentum)` and pass that',
          ),
          line: 3,
          column: 23,
          endColumn: 33,
          suggestions: [],
        },
      ],
    },
    {
      // Activation names: Keras snake_case in activation and recurrentActivation. A layer's config is the
      // model: `--fix` leaves it as written, the TF.js name is a suggestion.
      code:
        TF +
        `tf.layers.lstm({units: 8, activation: 'tanh', recurrentActivation: 'hard_sigmoid'});\ntf.layers.dense({units: 3, activation: 'log_softmax'});`,
      output: null,
      errors: [
        {
          messageId: 'aliasName',
          data: alias('activation', 'hard_sigmoid', 'hardSigmoid'),
          line: 2,
          column: 68,
          endColumn: 82,
          suggestions: [
            {
              messageId: 'useName',
              output:
                TF +
                `tf.layers.lstm({units: 8, activation: 'tanh', recurrentActivation: 'hardSigmoid'});\ntf.layers.dense({units: 3, activation: 'log_softmax'});`,
            },
          ],
        },
        {
          messageId: 'aliasName',
          data: alias('activation', 'log_softmax', 'logSoftmax'),
          line: 3,
          column: 40,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'useName',
              output:
                TF +
                `tf.layers.lstm({units: 8, activation: 'tanh', recurrentActivation: 'hard_sigmoid'});\ntf.layers.dense({units: 3, activation: 'logSoftmax'});`,
            },
          ],
        },
      ],
    },
    {
      // An activation passed through a helper's parameter: reported at the call site's literal, as a suggestion.
      code: TF + `function block(act) { return tf.layers.dense({units: 4, activation: act}); }\nblock('Relu');`,
      output: null,
      errors: [
        {
          messageId: 'aliasName',
          data: alias('activation', 'Relu', 'relu'),
          line: 3,
          column: 7,
          endColumn: 13,
          suggestions: [
            {
              messageId: 'useName',
              data: { replacement: 'relu' },
              output:
                TF + `function block(act) { return tf.layers.dense({units: 4, activation: act}); }\nblock('relu');`,
            },
          ],
        },
      ],
    },
    {
      // 'Softmax' (the layer class) works on rank-2 outputs but breaks on rank 3+: 'softmax' is suggested
      // (a layer edit, never `--fix`).
      code: TF + `tf.layers.dense({units: 3, activation: 'Softmax'});`,
      output: null,
      errors: [
        {
          messageId: 'layerClassActivation',
          data: { name: 'Softmax', effect: EFFECT.Softmax },
          line: 2,
          column: 40,
          endColumn: 49,
          suggestions: [{ messageId: 'useName', output: TF + `tf.layers.dense({units: 3, activation: 'softmax'});` }],
        },
      ],
    },
    {
      // 'PReLU' computes relu (its alpha is never trained): 'relu' is only suggested, a prelu layer may be meant.
      code: TF + `tf.layers.conv2d({filters: 8, kernelSize: 3, activation: 'PReLU'});`,
      output: null,
      errors: [
        {
          messageId: 'layerClassActivation',
          data: { name: 'PReLU', effect: EFFECT.PReLU },
          line: 2,
          column: 58,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'useName',
              data: { replacement: 'relu' },
              output: TF + `tf.layers.conv2d({filters: 8, kernelSize: 3, activation: 'relu'});`,
            },
          ],
        },
      ],
    },
    {
      // 'LeakyReLU' and 'Dropout' have no activation string equivalent: nothing offered.
      code:
        TF +
        `tf.layers.dense({units: 3, activation: 'LeakyReLU'});\ntf.layers.dense({units: 3, activation: 'Dropout'});`,
      output: null,
      errors: [
        {
          messageId: 'layerClassActivation',
          data: { name: 'LeakyReLU', effect: EFFECT.LeakyReLU },
          line: 2,
          column: 40,
          endColumn: 51,
          suggestions: [],
        },
        {
          messageId: 'layerClassActivation',
          data: { name: 'Dropout', effect: EFFECT.Dropout },
          line: 3,
          column: 40,
          endColumn: 49,
          suggestions: [],
        },
      ],
    },
    {
      // 'ReLU' computes relu but cannot be saved and loaded: 'relu' suggested. 'ThresholdedReLU' has no equivalent.
      code:
        TF +
        `tf.layers.dense({units: 3, activation: 'ReLU'});\ntf.layers.dense({units: 3, activation: 'ThresholdedReLU'});`,
      output: null,
      errors: [
        {
          messageId: 'layerClassActivation',
          data: {
            name: 'ReLU',
            effect: "it computes relu but is saved as 're_lu', and the saved model cannot be loaded again",
          },
          line: 2,
          column: 40,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useName',
              output:
                TF +
                `tf.layers.dense({units: 3, activation: 'relu'});\ntf.layers.dense({units: 3, activation: 'ThresholdedReLU'});`,
            },
          ],
        },
        {
          messageId: 'layerClassActivation',
          data: {
            name: 'ThresholdedReLU',
            effect: '`fit()` throws "Cannot compute gradient: gradient function not found for Greater"',
          },
          line: 3,
          column: 40,
          endColumn: 57,
          suggestions: [],
        },
      ],
    },
    {
      // TypeScript: a literal under `as const` is still the literal; only the string is replaced.
      tsOnly: true,
      code: model('linear') + `m.compile({optimizer: 'sgd', loss: 'mae' as const});`,
      output: model('linear') + `m.compile({optimizer: 'sgd', loss: 'meanAbsoluteError' as const});`,
      errors: [
        { messageId: 'aliasName', data: alias('loss', 'mae', 'meanAbsoluteError'), line: 3, column: 36, endColumn: 41 },
      ],
    },
    {
      // leakyRelu exists only as a layer.
      code: TF + `tf.layers.dense({units: 3, activation: 'leakyRelu'});`,
      output: null,
      errors: [
        {
          messageId: 'functionOnly',
          data: functionOnly(
            'activation',
            'leakyRelu',
            'it exists only as a layer: make this layer linear and add a `tf.layers.leakyReLU()` layer after it',
          ),
          line: 2,
          column: 40,
          endColumn: 51,
          suggestions: [],
        },
      ],
    },
    {
      // A name in a config object held in a variable: the literal is outside the call, so a suggestion.
      code: TF + `const cfg = {units: 3, activation: 'sofmax'};\nconst layer = tf.layers.dense(cfg);`,
      output: null,
      errors: [
        {
          messageId: 'unknownName',
          data: unknown('activation', 'sofmax'),
          line: 2,
          column: 36,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'useName',
              data: { replacement: 'softmax' },
              output: TF + `const cfg = {units: 3, activation: 'softmax'};\nconst layer = tf.layers.dense(cfg);`,
            },
          ],
        },
      ],
    },
    {
      // The page-global tf and a model kept in this.model (null before build).
      code: `class T {\n  constructor() { this.model = null; }\n  build() { this.model = tf.sequential(); }\n  train() { this.model.compile({optimizer: 'sgd', loss: 'kld'}); }\n}`,
      output: `class T {\n  constructor() { this.model = null; }\n  build() { this.model = tf.sequential(); }\n  train() { this.model.compile({optimizer: 'sgd', loss: 'kullbackLeiblerDivergence'}); }\n}`,
      errors: [
        {
          messageId: 'aliasName',
          data: alias('loss', 'kld', 'kullbackLeiblerDivergence'),
          line: 4,
          column: 57,
          endColumn: 62,
        },
      ],
    },
  ],
});
