/**
 * What `tf.serialization.registerClass(X)` makes valid, run on the installed
 * @tensorflow/tfjs 4.22 (CPU backend): valid-identifiers is silent on registered
 * activation names only (docs/rules/valid-identifiers.md, "Classes the project registers").
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

type Config = Record<string, unknown>;
const dense = (config: Config) => tf.layers.dense({ units: 2, inputShape: [3], ...config } as never);
const compiled = (config: Config) => {
  const model = tf.sequential({ layers: [dense({})] });
  model.compile({ optimizer: 'sgd', loss: 'meanSquaredError', ...config } as never);
};

class RegLayer extends tf.layers.Layer {
  static className = 'regLayerAct';
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.sigmoid(Array.isArray(inputs) ? inputs[0]! : inputs);
  }
}
class RegActivation extends tf.serialization.Serializable {
  static className = 'regSwish';
  apply(x: tf.Tensor): tf.Tensor {
    return tf.mul(x, tf.sigmoid(x));
  }
  getConfig(): tf.serialization.ConfigDict {
    return {};
  }
}
class Base extends tf.serialization.Serializable {
  static className = 'regBase';
  apply(x: tf.Tensor): tf.Tensor {
    return x;
  }
  getConfig(): tf.serialization.ConfigDict {
    return {};
  }
}
class Derived extends Base {}
class Named extends Base {
  static override className = 'regByClassName';
}
class RegOptimizer extends tf.SGDOptimizer {
  static override className = 'regOptimizer';
  constructor() {
    super(0.1);
  }
}
class RegObject extends Base {
  static override className = 'regObject';
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  expect(() => dense({ activation: 'regLayerAct' })).toThrow('Unknown activation: regLayerAct');
  tf.serialization.registerClass(RegLayer);
  tf.serialization.registerClass(RegActivation);
  tf.serialization.registerClass(Derived);
  tf.serialization.registerClass(Named, 'Pkg', 'regOtherName');
  tf.serialization.registerClass(RegOptimizer);
  tf.serialization.registerClass(RegObject);
});

describe('registerClass and activation strings', () => {
  it('a registered Layer subclass is an activation: dense builds, predicts and fits; lstm and activation layers take it', async () => {
    const model = tf.sequential({ layers: [dense({ activation: 'regLayerAct' })] });
    const y = model.predict(tf.ones([1, 3])) as tf.Tensor;
    const values = (await y.data()) as Float32Array;
    expect([...values].every((v) => v > 0 && v < 1)).toBe(true);
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    const history = await model.fit(tf.ones([4, 3]), tf.ones([4, 2]), { epochs: 1, verbose: 0 });
    expect(Number.isFinite(history.history.loss![0] as number)).toBe(true);
    expect(() => tf.layers.lstm({ units: 2, recurrentActivation: 'regLayerAct' as never })).not.toThrow();
    expect(() => tf.layers.activation({ activation: 'regLayerAct' as never })).not.toThrow();
  });

  it('a registered Serializable subclass with apply() is an activation', async () => {
    const model = tf.sequential({ layers: [dense({ activation: 'regSwish', useBias: false })] });
    const y = model.predict(tf.ones([1, 3])) as tf.Tensor;
    expect(y.shape).toEqual([1, 2]);
  });

  it('the className is read from the class, inherited too', () => {
    expect(() => dense({ activation: 'regBase' })).not.toThrow();
  });

  it('only X.className is looked up: the name and package arguments are not activation names', () => {
    expect(() => dense({ activation: 'regByClassName' })).not.toThrow();
    expect(() => dense({ activation: 'regOtherName' })).toThrow('Unknown activation: regOtherName');
    expect(() => dense({ activation: 'Pkg>regOtherName' })).toThrow('Unknown activation');
  });
});

describe('registerClass and the other name kinds', () => {
  it('losses, metrics and optimizers are fixed maps: a registered name is unknown there', () => {
    expect(() => compiled({ loss: 'regObject' })).toThrow('Unknown loss regObject');
    expect(() => compiled({ metrics: ['regObject'] })).toThrow('Unknown metric regObject');
    expect(() => compiled({ optimizer: 'regOptimizer' })).toThrow('Unknown Optimizer regOptimizer');
    expect(() => compiled({ optimizer: 'regObject' })).toThrow('Unknown Optimizer regObject');
  });

  it('initializers, regularizers and constraints are read from the registry too (the rule does not judge them)', () => {
    for (const key of ['kernelInitializer', 'kernelRegularizer', 'kernelConstraint']) {
      expect(() => dense({ [key]: 'regObject' })).not.toThrow();
      expect(() => dense({ [key]: 'regNoSuchName' })).toThrow(/Unknown (initializer|regularizer|constraint)/);
    }
  });

  it('no tf.layers factory appears for a registered layer', () => {
    expect((tf.layers as Record<string, unknown>).regLayerAct).toBeUndefined();
    expect((tf.layers as Record<string, unknown>).RegLayer).toBeUndefined();
  });
});
