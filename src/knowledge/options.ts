/**
 * The keys TF.js reads from each options object, for the rule that reports the keys
 * it ignores. The lists come from TF.js's own type declarations (option-keys.ts,
 * generated); here are the corrections a run of the library showed
 * (tests/knowledge/option-keys.test.ts reads every config through a Proxy and fails
 * on a key TF.js reads that is not listed). The "did you mean" lookup is in
 * analysis/option-lookup.ts.
 */
import { LAYER_CONFIG_KEYS, MODEL_METHOD_OPTION_KEYS, MODEL_METHOD_OPTIONS_ARGUMENT } from './option-keys.js';

export { MODEL_METHOD_OPTIONS_ARGUMENT };

export type ModelMethod = keyof typeof MODEL_METHOD_OPTION_KEYS;

/**
 * Keys TF.js 4.22 reads though the declared type does not list them. `gru` reads
 * `resetAfter` (and throws when it is true); `fitDataset` reads `validationSplit` to
 * throw "`validationSplit` is not supported by `fitDataset()`": neither is ignored.
 */
const READ_BUT_UNDECLARED: {
  readonly layers: Readonly<Record<string, readonly string[]>>;
  readonly methods: Partial<Record<ModelMethod, readonly string[]>>;
} = {
  layers: { gru: ['resetAfter'] },
  methods: { fitDataset: ['validationSplit'] },
};

/**
 * `spatialDropout1d` is declared with Keras's snake_case serialization config
 * (`input_shape` ...), but its constructor reads the camelCase keys of `dropout`.
 */
const DECLARED_AS: Readonly<Record<string, string>> = { spatialDropout1d: 'dropout' };

function keySet(
  declared: readonly string[] | undefined,
  extra: readonly string[] = [],
): ReadonlySet<string> | undefined {
  return declared ? new Set([...declared, ...extra]) : undefined;
}

const layerKeys = new Map<string, ReadonlySet<string> | undefined>();

/** The keys a `tf.layers` factory's config is read for, or undefined for a factory not in the table. */
export function layerConfigKeys(factory: string): ReadonlySet<string> | undefined {
  if (!layerKeys.has(factory)) {
    const declared = LAYER_CONFIG_KEYS[DECLARED_AS[factory] ?? factory];
    layerKeys.set(factory, keySet(declared, READ_BUT_UNDECLARED.layers[factory]));
  }
  return layerKeys.get(factory);
}

const methodKeys = new Map<ModelMethod, ReadonlySet<string>>();

/** The keys of the options object of a `LayersModel` method. */
export function methodOptionKeys(method: ModelMethod): ReadonlySet<string> {
  let set = methodKeys.get(method);
  if (!set) {
    set = keySet(MODEL_METHOD_OPTION_KEYS[method], READ_BUT_UNDECLARED.methods[method])!;
    methodKeys.set(method, set);
  }
  return set;
}

export function isModelMethod(name: string): name is ModelMethod {
  return Object.hasOwn(MODEL_METHOD_OPTION_KEYS, name);
}

/** Keys that give a layer its input shape: read only on the first layer of a sequential model. */
export const INPUT_SHAPE_KEYS: ReadonlySet<string> = new Set(['inputShape', 'batchInputShape']);

/** Keys written for a learning rate in `compile`/`fit` options: TF.js takes it only as an optimizer's argument. */
export const LEARNING_RATE_KEYS: ReadonlySet<string> = new Set(['learningRate', 'lr', 'learning_rate']);

/**
 * The `tf.train` factory of each optimizer string `compile` accepts (TF.js 4.22's
 * registry: the lower-case name and one capitalised spelling), all taking the
 * learning rate first: `'adam'` is `tf.train.adam(learningRate)`.
 */
export const OPTIMIZER_FACTORY: ReadonlyMap<string, string> = new Map([
  ['sgd', 'sgd'],
  ['SGD', 'sgd'],
  ['adam', 'adam'],
  ['Adam', 'adam'],
  ['adagrad', 'adagrad'],
  ['Adagrad', 'adagrad'],
  ['adadelta', 'adadelta'],
  ['Adadelta', 'adadelta'],
  ['adamax', 'adamax'],
  ['Adamax', 'adamax'],
  ['rmsprop', 'rmsprop'],
  ['RMSProp', 'rmsprop'],
]);
