/**
 * How each `tf.layers.*` factory affects what the model's output means, derived
 * from the verified registry in `names.ts` (one source of truth). The analysis
 * reads it to walk back from a model's output to the layer that decides its
 * activation and its number of units.
 */
import { LAYER_FACTORIES, layerFactory, type LayerGroup } from './names.js';

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
  /**
   * For activation-only layers whose activation is fixed by the factory: the
   * activation string it equals, or the factory name when no string equals it
   * (leakyReLU, prelu, thresholdedReLU).
   */
  readonly fixedActivation?: string;
  /** Pass-through layers that move values between positions (reshape, flatten ...): the last axis's width changes. */
  readonly rearranges?: boolean;
}

const ROLE: Readonly<Record<LayerGroup, LayerRole>> = {
  'dense-like': 'dense',
  conv: 'conv',
  recurrent: 'recurrent',
  'activation-only': 'activation',
  'pass-through': 'pass-through',
  wrapper: 'wrapper',
  merge: 'other',
  input: 'input',
  other: 'other',
};

function info(name: string): LayerInfo {
  const f = layerFactory(name);
  if (!f) return { role: 'other' };
  // RNN cells are not model layers; `rnn`/`stackedRNNCells` take their activation from the cell.
  if (f.cell || (f.group === 'recurrent' && !f.defaultActivation)) return { role: 'other' };
  const role = ROLE[f.group];
  const fixedActivation = role === 'activation' && name !== 'activation' ? (f.fixedActivation ?? name) : undefined;
  return {
    role,
    ...(f.defaultActivation ? { defaultActivation: f.defaultActivation } : {}),
    ...(f.sizeKey ? { unitsKey: f.sizeKey } : {}),
    ...(fixedActivation ? { fixedActivation } : {}),
    ...(f.rearranges ? { rearranges: true } : {}),
  };
}

export const LAYERS: ReadonlyMap<string, LayerInfo> = new Map(
  Object.values(LAYER_FACTORIES)
    .flat()
    .map((f) => [f.name, info(f.name)] as const),
);

export function layerInfo(factory: string): LayerInfo {
  return LAYERS.get(factory) ?? { role: 'other' };
}
