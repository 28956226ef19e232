/**
 * How each `tf.layers.*` factory affects what the model's output means.
 * Data only: the analysis reads it to walk back from a model's output to the
 * layer that decides its activation and its number of units.
 */

export type LayerRole =
  /** Has `units` and an `activation` (dense). */
  | 'dense'
  /** Has `filters` (units along the channel axis) and an `activation`. */
  | 'conv'
  /** Recurrent: `units` and an `activation` that defaults to tanh. */
  | 'recurrent'
  /** Only applies an activation (`activation`, `softmax`, `reLU` ...). */
  | 'activation'
  /** Leaves the meaning of the values unchanged (dropout, reshape, flatten ...). */
  | 'pass-through'
  /** Wraps another layer given as `layer` (timeDistributed, bidirectional). */
  | 'wrapper'
  /** Model input. */
  | 'input'
  /** Anything else: the analysis stops there and the output is unknown. */
  | 'other';

export interface LayerInfo {
  readonly role: LayerRole;
  /** Activation when the config gives none. */
  readonly defaultActivation?: string;
  /** The config key holding the number of output units. */
  readonly unitsKey?: 'units' | 'filters';
  /** For activation-only layers whose activation is fixed by the factory. */
  readonly fixedActivation?: string;
}

const dense: LayerInfo = { role: 'dense', defaultActivation: 'linear', unitsKey: 'units' };
const conv: LayerInfo = { role: 'conv', defaultActivation: 'linear', unitsKey: 'filters' };
const rnn: LayerInfo = { role: 'recurrent', defaultActivation: 'tanh', unitsKey: 'units' };
const pass: LayerInfo = { role: 'pass-through' };

export const LAYERS: ReadonlyMap<string, LayerInfo> = new Map<string, LayerInfo>([
  ['dense', dense],
  ['conv1d', conv],
  ['conv2d', conv],
  ['conv3d', conv],
  ['conv2dTranspose', conv],
  ['conv3dTranspose', conv],
  ['separableConv2d', conv],
  ['lstm', rnn],
  ['gru', rnn],
  ['simpleRNN', rnn],
  ['activation', { role: 'activation' }],
  ['softmax', { role: 'activation', fixedActivation: 'softmax' }],
  ['reLU', { role: 'activation', fixedActivation: 'relu' }],
  ['leakyReLU', { role: 'activation', fixedActivation: 'leakyReLU' }],
  ['prelu', { role: 'activation', fixedActivation: 'prelu' }],
  ['elu', { role: 'activation', fixedActivation: 'elu' }],
  ['thresholdedReLU', { role: 'activation', fixedActivation: 'thresholdedReLU' }],
  ['dropout', pass],
  ['alphaDropout', pass],
  ['gaussianDropout', pass],
  ['gaussianNoise', pass],
  ['spatialDropout1d', pass],
  ['reshape', pass],
  ['flatten', pass],
  ['permute', pass],
  ['timeDistributed', { role: 'wrapper' }],
  ['bidirectional', { role: 'wrapper' }],
  ['input', { role: 'input' }],
  ['inputLayer', { role: 'input' }],
]);

export function layerInfo(factory: string): LayerInfo {
  return LAYERS.get(factory) ?? { role: 'other' };
}
