/**
 * The abstract values the evaluator computes for expressions.
 *
 * An expression evaluates to one `Value`. Values that depend on a condition the
 * analysis cannot decide are `choice` values; `possibilities()` flattens them into
 * the list of values the expression can take, each with the conditions (guards)
 * under which it is taken, so that two facts are only ever paired when their
 * guards agree (see `guards.ts`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { LayerInfo } from '../knowledge/layers.js';
import type { LossInfo } from '../knowledge/losses.js';

export type Node = TSESTree.Node;
export type FunctionNode =
  TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

export type Primitive = string | number | boolean | null | undefined;

export interface UnknownValue {
  readonly kind: 'unknown';
}
export interface ConstValue {
  readonly kind: 'const';
  readonly value: Primitive;
  /** The literal (or template) the value was written as, when it was one. */
  readonly origin?: Node;
}
/** A TF.js API object, e.g. `tf` (path []), `tf.layers.dense` (['layers', 'dense']). */
export interface TfValue {
  readonly kind: 'tf';
  readonly path: readonly string[];
  /** The expression that named it (for fixes). */
  readonly origin?: Node;
}
export interface LayerValue {
  readonly kind: 'layer';
  readonly layer: LayerFact;
}
export interface ModelValue {
  readonly kind: 'model';
  readonly model: ModelFact;
}
/** A symbolic tensor of the functional API: `tf.input()` or `layer.apply(x)`. */
export interface SymbolicValue {
  readonly kind: 'symbolic';
  /** The layer that produced it; undefined for a model input and for `model.apply(x)`. */
  readonly layer?: LayerFact;
  /** The model applied as a layer (`base.apply(x)`): the value is that model's output. */
  readonly model?: ModelFact;
  readonly input?: Value;
  readonly node: Node;
}
/** A concrete tensor computed by TF.js, with what is known of its last activation. */
export interface TensorValue {
  readonly kind: 'tensor';
  /** `literal`: made from numbers written in the code (`tf.tensor2d([[1, 2]])`) and ops of it alone. */
  readonly origin: 'activation-op' | 'model-output' | 'one-hot' | 'op' | 'literal';
  /** For activation ops: the canonical activation applied (softmax, sigmoid, log ...). */
  readonly op?: string;
  /** The call that made it. */
  readonly node: Node;
  /** For activation ops: the argument the op was applied to. */
  readonly argument?: Value;
  readonly argumentNode?: Node;
  /** For model outputs: the model. */
  readonly model?: ModelFact;
  /** For literals made by a tensor maker: every number written is 0 or 1 (class labels, not regression targets). */
  readonly binary?: boolean;
  /** For other tensors made by a tensor maker: the data argument, read lazily (see binary-labels.ts). */
  readonly data?: Node;
}
/** The value of calling a TF.js loss function: `tf.losses.softmaxCrossEntropy(y, p)`. */
export interface LossCallValue {
  readonly kind: 'loss-call';
  readonly loss: LossInfo;
  readonly call: TSESTree.CallExpression;
  readonly callee: Node;
  readonly labels: Value;
  readonly prediction: Value;
}
export interface FunctionValue {
  readonly kind: 'function';
  readonly node: FunctionNode;
  /** The evaluator of the file the function is written in (cross-file values). */
  readonly owner?: object;
}
/** A class of this file or of an imported module. */
export interface ClassValue {
  readonly kind: 'class';
  readonly node: TSESTree.ClassDeclaration | TSESTree.ClassExpression;
  readonly owner?: object;
}
/** `new C(...)` of a known class: its members are what the class assigns to `this`. */
export interface InstanceValue {
  readonly kind: 'instance';
  readonly cls: ClassValue;
}
/** The namespace of an imported module of the project (`import * as m from './m'`). */
export interface ModuleValue {
  readonly kind: 'module';
  readonly exported: (name: string) => Value;
  /** The value assigned to `module.exports` (or `export =`), if any: what a call of the namespace calls. */
  readonly whole?: () => Value;
  /** The classes the module registers itself (see registrations.ts). */
  readonly registrations?: () => RegisteredNames;
  /** The namespaces of the project modules the module imports. */
  readonly imports?: () => readonly ModuleValue[];
}
/** The class names a file registers with `tf.serialization.registerClass(X)` (see registrations.ts). */
export interface RegisteredNames {
  /** `X.className` of each registered class. */
  readonly names: ReadonlySet<string>;
  /** Some registered class's `className` could not be read: it may be any name. */
  readonly unreadable: boolean;
}
/** A parameter of a function under analysis (a loss wrapper's `yTrue`, `yPred`). */
export interface ParamValue {
  readonly kind: 'param';
  readonly index: number;
  readonly fn: FunctionNode;
}
export interface ArrayValue {
  readonly kind: 'array';
  /** Undefined elements are holes or spreads: unknown. */
  readonly elements: readonly (Value | undefined)[];
  /** False when the array has spreads or holes, so its length is unknown. */
  readonly complete: boolean;
  readonly node?: TSESTree.ArrayExpression;
}
export interface ObjectValue {
  readonly kind: 'object';
  readonly props: PropertyTable;
  /** False when a spread or computed key could supply properties not listed. */
  readonly complete: boolean;
  readonly node?: TSESTree.ObjectExpression;
}
/**
 * The properties of an object value by key, in the order first written. Object
 * literals in model code have a few keys: two short arrays, searched in order, cost
 * less to build than a Map per literal; past SMALL_TABLE keys a Map indexes them.
 */
export class PropertyTable {
  private readonly keys: string[] = [];
  private readonly list: PropertyEntry[] = [];
  private index: Map<string, number> | undefined;

  private find(key: string): number {
    if (this.index) return this.index.get(key) ?? -1;
    return this.keys.indexOf(key);
  }

  get(key: string): PropertyEntry | undefined {
    const i = this.find(key);
    return i < 0 ? undefined : this.list[i];
  }

  /** Write `key` (a key written again keeps its first position, as in a Map). */
  set(key: string, entry: PropertyEntry): void {
    const i = this.find(key);
    if (i >= 0) {
      this.list[i] = entry;
      return;
    }
    this.keys.push(key);
    this.list.push(entry);
    if (this.index) this.index.set(key, this.keys.length - 1);
    else if (this.keys.length > SMALL_TABLE) this.index = new Map(this.keys.map((k, j) => [k, j]));
  }

  /** Every entry, in order. */
  values(): readonly PropertyEntry[] {
    return this.list;
  }

  /** Every key, in the order of `values()`. */
  keyList(): readonly string[] {
    return this.keys;
  }

  /** Every entry marked as possibly overridden (a spread or computed key follows them). */
  markOverridable(): void {
    for (let i = 0; i < this.list.length; i++) {
      const e = this.list[i]!;
      if (!e.overridable) this.list[i] = { value: e.value, property: e.property, overridable: true };
    }
  }

  /** A copy whose every entry may be overridden. */
  opened(): PropertyTable {
    const copy = this.copy();
    copy.markOverridable();
    return copy;
  }

  /** A copy (to write into without changing this table). */
  copy(): PropertyTable {
    const copy = new PropertyTable();
    for (let i = 0; i < this.keys.length; i++) copy.set(this.keys[i]!, this.list[i]!);
    return copy;
  }
}
const SMALL_TABLE = 16;

export interface PropertyEntry {
  readonly value: Value;
  /** The property node in the object literal. */
  readonly property?: TSESTree.Property;
  /** True when a spread or computed key after this property may override it. */
  readonly overridable: boolean;
}
/** A promise the code reads with `await` or `.then(fn)`: what it resolves to (`import('@tensorflow/tfjs')`). */
export interface PromiseValue {
  readonly kind: 'promise';
  readonly resolved: Value;
}
export interface ChoiceValue {
  readonly kind: 'choice';
  readonly options: readonly { readonly guard: Guard; readonly value: Value }[];
}

export type Value =
  | UnknownValue
  | ConstValue
  | TfValue
  | LayerValue
  | ModelValue
  | SymbolicValue
  | TensorValue
  | LossCallValue
  | FunctionValue
  | ClassValue
  | InstanceValue
  | ModuleValue
  | ParamValue
  | ArrayValue
  | ObjectValue
  | PromiseValue
  | ChoiceValue;

/** Parameter bindings of a function call being evaluated. */
export interface Env {
  readonly bindings: ReadonlyMap<TSESLint.Scope.Variable, Value>;
  readonly depth: number;
  /**
   * Under a loop turn's bindings (loop-turns.ts): the layer facts of the calls
   * evaluated there. A call in a loop makes one layer per turn, so its fact under
   * these bindings is the turn's, not the call's one fact.
   */
  readonly turnLayers?: Map<Node, LayerFact>;
}

/** One branch of a condition (see guards.ts): the part of a `choice` option that says when it holds. */
export interface Guard {
  readonly key: string;
  /** The branch taken: true/false for a condition, an index for `anyOf`. */
  readonly value: boolean | number;
}

export const UNKNOWN: UnknownValue = Object.freeze({ kind: 'unknown' });

/** One `tf.layers.*(config)` call. */
export interface LayerFact {
  readonly factory: string;
  readonly info: LayerInfo;
  readonly call: TSESTree.CallExpression;
  /** The config argument's value (unknown when absent or not an object). */
  readonly config: Value;
  /** The config object literal written at the call, when it is one. */
  readonly configNode?: TSESTree.ObjectExpression;
  /**
   * The layer one turn of a loop makes (see `Env.turnLayers`): the call runs once per
   * turn, so an edit at it or its config changes every turn's layer.
   */
  readonly inLoopTurn?: true;
}

export interface AddEvent {
  readonly call: TSESTree.CallExpression;
  readonly layerNode: Node;
  /** Conditions under which the add runs, relative to the model's creation. */
  readonly guards: readonly Guard[];
  /**
   * The early exits of the model's function between its creation and this add, in
   * source order: the add runs only if none is taken (each is also in `guards`, true).
   */
  readonly exits?: readonly ExitFact[];
  /** The add is a statement of a loop over a known array: its last turn (see loop-turns.ts). */
  readonly turn?: LoopTurn;
}

/**
 * The last turn of a loop over a known, non-empty array whose body always reaches its
 * adds (loop-turns.ts): the add runs on every turn, the last time with these bindings.
 */
export interface LoopTurn {
  /** The `for…of` statement or the `arr.forEach(fn)` call. */
  readonly loop: Node;
  /** The guard key of "the loop body runs" on the add, which a non-empty array makes true. */
  readonly key: string;
  /** The loop variables bound to the last element (and index). */
  readonly env: Env;
  /** How many turns the loop makes. */
  readonly count: number;
}

/** An early `return` or `throw` between a model's creation and one of its adds. */
export interface ExitFact {
  readonly node: Node;
  /** The key of its guard (`EXIT_GUARD` prefix): true where it was not taken, false on paths that take it. */
  readonly key: string;
  /** The conditions under which it runs, relative to the model's creation. */
  readonly conditions: readonly Guard[];
  /**
   * It hands no model out: a `throw` not caught in the function, or a `return` of
   * no value while the model is only in a local variable used as a method receiver.
   * No caller trains the model on a path that takes it.
   */
  readonly deadEnd: boolean;
}

export interface ModelFact {
  readonly id: number;
  /** The evaluator of the file the model is built in. */
  readonly owner: object;
  readonly kind: 'sequential' | 'functional' | 'loaded';
  readonly node: Node;
  /** sequential: `config.layers`. */
  readonly initialLayers?: Value;
  /** functional: `config.outputs`. */
  readonly outputs?: Value;
  /** sequential: every `model.add(layer)` that provably targets this model, in source order. */
  readonly adds: AddEvent[];
  /**
   * Set when the model's layers change in ways the analysis does not follow: `pop()`,
   * layers added by a named helper function (whose calls may come in any order) or by
   * a helper of another module. Its outputs are then unknown.
   */
  opaque?: boolean;
}

/** A model's layers as one file sees them (its own adds to another module's model included). */
export interface ModelView {
  addsOf(model: ModelFact): readonly AddEvent[];
  isOpaque(model: ModelFact): boolean;
}

/** Is the value null or undefined (a method called on it throws)? */
export function isNullish(value: Value): boolean {
  return value.kind === 'const' && (value.value === null || value.value === undefined);
}
