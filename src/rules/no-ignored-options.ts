import type { TSESTree } from '@typescript-eslint/utils';
import { getAnalysis } from '../analysis/index.js';
import { propertyKey, unwrap } from '../analysis/ast.js';
import { meantKey } from '../analysis/option-lookup.js';
import {
  INPUT_SHAPE_KEYS,
  LEARNING_RATE_KEYS,
  layerConfigKeys,
  methodOptionKeys,
  OPTIMIZER_FACTORY,
  type ModelMethod,
} from '../knowledge/options.js';
import { createRule } from '../util/create-rule.js';
import { combine, replaceNode, type Fix } from '../util/fixes.js';
import { removeProperty, renameKey } from '../util/properties.js';

type MessageIds =
  | 'ignoredOption'
  | 'ignoredOptionMeant'
  | 'optionOfOtherMethod'
  | 'learningRateOption'
  | 'inputShapeNotFirst'
  | 'renameKey'
  | 'removeKey'
  | 'moveToOptimizer';

export default createRule<[], MessageIds>({
  name: 'no-ignored-options',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow option keys that TF.js silently ignores in layer configs and model training calls',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      ignoredOption: 'TF.js ignores `{{key}}`: `{{owner}}` has no such option, so this setting has no effect.',
      ignoredOptionMeant:
        'TF.js ignores `{{key}}`: `{{owner}}` has no such option, so `{{meant}}` keeps its default. Use `{{meant}}` if that is what was meant.',
      optionOfOtherMethod:
        'TF.js ignores `{{key}}` in `{{owner}}`: it is an option of `{{other}}`, so this setting has no effect. Pass it to `{{other}}`.',
      learningRateOption:
        "TF.js ignores `{{key}}` in `{{owner}}`: a learning rate is the optimizer's first argument ({{example}}), {{effect}}.",
      inputShapeNotFirst:
        'TF.js ignores `{{key}}` here: only the first layer of a sequential model reads it, and this layer follows another. Its input is what the layer before it outputs.',
      renameKey: 'Rename it to `{{meant}}`.',
      removeKey: 'Remove `{{key}}`.',
      moveToOptimizer: 'Pass it to the optimizer: `{{optimizer}}`.',
    },
  },
  create(context) {
    return {
      'Program:exit'() {
        const analysis = getAnalysis(context);
        if (!analysis) return;
        const sc = analysis.sourceCode;
        const calls = analysis.trainingCalls();
        const reported = new Set<TSESTree.Node>();

        // Not-first layers first: their shape keys get the more precise message.
        for (const { layer } of calls.laterLayers()) {
          const config = layer.configNode;
          if (!config || !analysis.isLocal(config)) continue;
          for (const p of config.properties) {
            const key = p.type === 'Property' ? propertyKey(p) : undefined;
            if (p.type !== 'Property' || key === undefined || !INPUT_SHAPE_KEYS.has(key) || isUndefined(p.value))
              continue;
            reported.add(p);
            const fix = removeProperty(sc, p);
            context.report({
              node: p.key,
              messageId: 'inputShapeNotFirst',
              data: { key },
              suggest: fix ? [{ messageId: 'removeKey', data: { key }, fix }] : [],
            });
          }
        }

        const check = (
          object: TSESTree.ObjectExpression,
          keys: ReadonlySet<string>,
          owner: string,
          autofix: boolean,
          method?: ModelMethod,
        ) => {
          const present = new Set(object.properties.map((p) => (p.type === 'Property' ? propertyKey(p) : undefined)));
          for (const p of object.properties) {
            if (p.type !== 'Property' || reported.has(p)) continue;
            const key = propertyKey(p);
            if (key === undefined || (p.computed && unwrap(p.key).type !== 'Literal')) continue;
            if (keys.has(key) || key in Object.prototype || isUndefined(p.value)) continue;
            reported.add(p);
            if (method && LEARNING_RATE_KEYS.has(key)) {
              reportLearningRate(p, key, owner, object, method);
              continue;
            }
            const other = method && otherMethodOf(key, method);
            if (other) {
              context.report({ node: p.key, messageId: 'optionOfOtherMethod', data: { key, owner, other } });
              continue;
            }
            const meant = meantKey(key, keys);
            if (meant === undefined) {
              context.report({ node: p.key, messageId: 'ignoredOption', data: { key, owner } });
              continue;
            }
            const fix: Fix | null = present.has(meant) ? null : renameKey(sc, p, meant);
            const data = { key, owner, meant };
            context.report({
              node: p.key,
              messageId: 'ignoredOptionMeant',
              data,
              fix: autofix ? fix : null,
              suggest: !autofix && fix ? [{ messageId: 'renameKey', data, fix }] : [],
            });
          }
        };

        // The optimizer is named in the same compile config (`optimizer: 'adam'`) and the rate is a number or a
        // name: one edit makes the rate take effect, `tf.train.adam(0.01)`; it changes training, so a suggestion.
        const reportLearningRate = (
          p: TSESTree.Property,
          key: string,
          owner: string,
          object: TSESTree.ObjectExpression,
          method: ModelMethod,
        ) => {
          const value = unwrap(p.value);
          const rate = isPlainValue(value) ? sc.getText(value) : undefined;
          const optimizer = method === 'compile' ? optimizerValue(object) : undefined;
          const name =
            optimizer?.type === 'Literal' && typeof optimizer.value === 'string' ? optimizer.value : undefined;
          const factory = name === undefined ? undefined : OPTIMIZER_FACTORY.get(name);
          const written = (f: string) => analysis.tfExpression(['train', f], p);
          const call = (f: string) => `${written(f) ?? `tf.train.${f}`}(${rate ?? 'rate'})`;
          const example = factory
            ? `\`${call(factory)}\``
            : `\`${call('sgd')}\`, \`${call('adam')}\` …${method === 'compile' ? '' : ' given to `compile()`'}`;
          const effect = factory
            ? `so \`'${name}'\` trains at its default rate`
            : optimizer && !name
              ? 'so the optimizer keeps the rate it was made with'
              : 'so this setting has no effect';
          // Only in the file's own spelling of `tf.train`: a guessed `tf` may not be in scope.
          const fix =
            optimizer && factory && rate !== undefined && written(factory)
              ? combine(replaceNode(sc, optimizer, call(factory)), removeProperty(sc, p))
              : null;
          context.report({
            node: p.key,
            messageId: 'learningRateOption',
            data: { key, owner, example, effect },
            suggest: fix ? [{ messageId: 'moveToOptimizer', data: { optimizer: call(factory!) }, fix }] : [],
          });
        };

        // A layer-config key renamed changes the model that is built: a suggestion.
        for (const layer of analysis.layerCalls) {
          const config = layer.configNode;
          const keys = layerConfigKeys(layer.factory);
          if (!config || !keys || !analysis.isLocal(config) || !ownConfig(layer.call, config)) continue;
          check(config, keys, `tf.layers.${layer.factory}`, false);
        }
        // A training option renamed is training configuration: an autofix.
        for (const call of calls.modelCalls()) {
          if (call.method === 'trainOnBatch') continue;
          const options = calls.optionsObject(call);
          if (!options || !analysis.isLocal(options)) continue;
          check(options, methodOptionKeys(call.method), `${call.method}()`, true, call.method);
        }
      },
    };
  },
});

/** The method whose option `key` is when it is given to the wrong one (`classWeight` in `compile`): `fit()`. */
function otherMethodOf(key: string, method: ModelMethod): string | undefined {
  const candidates: ModelMethod[] = method === 'compile' ? ['fit'] : ['compile'];
  const other = candidates.find((m) => methodOptionKeys(m).has(key));
  return other && `${other}()`;
}

/** Is `config` the call's own argument (not an object that reached it through a variable)? */
function ownConfig(call: TSESTree.CallExpression, config: TSESTree.ObjectExpression): boolean {
  const arg = call.arguments[0];
  return !!arg && unwrap(arg) === config;
}

/** `undefined` (or `void 0`) written as the value: the key might as well be absent. */
function isUndefined(value: TSESTree.Node): boolean {
  const v = unwrap(value);
  return (v.type === 'Identifier' && v.name === 'undefined') || (v.type === 'UnaryExpression' && v.operator === 'void');
}

/** The value written for `optimizer` in a compile config, if any. */
function optimizerValue(object: TSESTree.ObjectExpression): TSESTree.Node | undefined {
  for (const p of object.properties) {
    if (p.type === 'Property' && propertyKey(p) === 'optimizer') return unwrap(p.value) as TSESTree.Node;
  }
  return undefined;
}

/** A number, a name or a plain property read (`0.01`, `LR`, `config.lr`): the same value moved next to it. */
function isPlainValue(node: TSESTree.Node): boolean {
  if (node.type === 'Literal') return typeof node.value === 'number';
  if (node.type === 'Identifier') return true;
  return node.type === 'MemberExpression' && !node.computed && isPlainValue(node.object);
}
