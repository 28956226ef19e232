import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { propertyKey, unwrap } from '../analysis/ast.js';
import {
  getAnalysis,
  groupBy,
  judge,
  type CompileSite,
  type FileAnalysis,
  type OutputLossPair,
} from '../analysis/index.js';
import type { ModelFact, Node } from '../analysis/values.js';
import type { LossInfo } from '../knowledge/losses.js';
import { createRule } from '../util/create-rule.js';
import { linesOf, replaceNode, setOutputActivation, stringLiteral, type Fix } from '../util/fixes.js';
import { byPlace, type Placed } from '../util/places.js';

type MessageIds =
  | 'binaryLossOnSoftmax'
  | 'binaryLossOnSoftmaxAccuracy'
  | 'binaryLossOnOneHot'
  | 'binaryLossOnOneHotAccuracy'
  | 'useCategoricalLoss'
  | 'useSigmoid'
  | 'useSoftmaxAndCategoricalLoss';

/** A loss that scores every output unit as its own yes/no question, on probabilities. */
const isBinaryLoss = (loss: LossInfo): boolean => loss.classes === 'independent' && loss.input === 'probabilities';

/**
 * The loss TF.js compares by identity when it resolves `metrics: ['accuracy']`
 * (tfjs-layers training.ts: `this.lossFunctions[i] === losses.binaryCrossentropy`):
 * only the string reaches it; `tf.metrics.binaryCrossentropy` and wrappers are other
 * functions and get `categoricalAccuracy` on outputs wider than 1.
 */
const ACCURACY_SWITCHING_LOSS = 'binaryCrossentropy';

/** Softmax over more than two units: mutually exclusive classes (two units: BCE equals the categorical loss). */
function isSoftmaxBug(p: OutputLossPair): boolean {
  return (
    !!p.output &&
    !!p.loss &&
    p.output.activation === 'softmax' &&
    p.output.units !== undefined &&
    p.output.units > 2 &&
    isBinaryLoss(p.loss.info)
  );
}

export default createRule<[], MessageIds>({
  name: 'no-binary-crossentropy-multiclass',
  meta: {
    type: 'problem',
    docs: {
      description:
        "Disallow `'binaryCrossentropy'` on mutually exclusive classes (a softmax over more than two units, or one-hot labels)",
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      binaryLossOnSoftmax:
        "The loss {{loss}} scores each of the {{units}} softmax outputs ({{where}}) as an independent yes/no label, but a softmax is one distribution over mutually exclusive classes: the loss averages {{units}} binary cross-entropies, which understates the categorical cross-entropy the model should minimize. Use `'categoricalCrossentropy'` for one class per example.",
      binaryLossOnSoftmaxAccuracy:
        "The loss {{loss}} scores each of the {{units}} softmax outputs ({{where}}) as an independent yes/no label, but a softmax is one distribution over mutually exclusive classes, and with this loss TF.js resolves the `'accuracy'` metric to element-wise `binaryAccuracy`, which counts every class correctly left out: a model that predicts no class at all (every output below 0.5) already reports {{floor}} on {{units}} classes. Use `'categoricalCrossentropy'`, which also makes `'accuracy'` the categorical accuracy.",
      binaryLossOnOneHot:
        "The labels given to `fit` ({{fit}}) are one-hot, one class per example, but this {{units}}-unit sigmoid output ({{where}}) with {{loss}} trains {{units}} independent yes/no classifiers: the classes do not compete, and `predict()` rows do not sum to 1. Use softmax with `'categoricalCrossentropy'` for mutually exclusive classes.",
      binaryLossOnOneHotAccuracy:
        "The labels given to `fit` ({{fit}}) are one-hot, one class per example, but this {{units}}-unit sigmoid output ({{where}}) with {{loss}} trains {{units}} independent yes/no classifiers, and with this loss TF.js resolves the `'accuracy'` metric to element-wise `binaryAccuracy`, which counts every class correctly left out: a model that predicts no class at all already reports {{floor}}. Use softmax with `'categoricalCrossentropy'` for mutually exclusive classes.",
      useCategoricalLoss: "Use `'categoricalCrossentropy'`, the loss for one class per example.",
      useSigmoid: "Use `'sigmoid'` instead if the classes are independent (an example can have several).",
      useSoftmaxAndCategoricalLoss: "Use `'softmax'` with `'categoricalCrossentropy'`, for one class per example.",
    },
  },
  create(context) {
    return {
      'Program:exit'() {
        const analysis = getAnalysis(context);
        if (!analysis) return;
        const oneHotCache = new Map<ModelFact, ReturnType<FileAnalysis['oneHotFitsOf']>>();
        const oneHotFits = (model: ModelFact) => {
          if (!oneHotCache.has(model)) oneHotCache.set(model, analysis.oneHotFitsOf(model));
          return oneHotCache.get(model)!;
        };
        const isOneHotBug = (p: OutputLossPair): boolean =>
          !!p.output &&
          !!p.loss &&
          p.output.activation === 'sigmoid' &&
          p.output.units !== undefined &&
          p.output.units > 1 &&
          isBinaryLoss(p.loss.info) &&
          oneHotFits(p.output.model) !== null;

        type Kind = 'softmax' | 'one-hot';
        const placed: Placed<
          OutputLossPair,
          { site: CompileSite; kind: Kind; bugs: number; outputs: number; report: object }
        >[] = [];
        for (const site of analysis.compileSites) {
          const perOutput = analysis.pairsOf(site);
          // The outputs of this call that go wrong the same way share a report.
          const reports: Record<Kind, object> = { softmax: {}, 'one-hot': {} };
          perOutput.forEach((pairs, index) => {
            let kind: Kind = 'softmax';
            let bugs = judge(pairs, isSoftmaxBug);
            if (bugs.length === 0) {
              kind = 'one-hot';
              bugs = judge(pairs, isOneHotBug);
            }
            if (bugs.length === 0) return;
            for (const [node, group] of groupBy(bugs, (b) => reportNode(site, index, b))) {
              placed.push({
                at: node,
                node,
                group,
                extra: { site, kind, bugs: bugs.length, outputs: perOutput.length, report: reports[kind] },
              });
            }
          });
        }
        // Several outputs that one loss gets wrong the same way (one loss string for a
        // model with two softmax outputs): one report at the loss, naming each.
        const reported = new Set<Node>();
        for (const { at: node, group, first: placement } of byPlace(placed, (p) => p.extra.report)) {
          if (reported.has(node)) continue;
          reported.add(node);
          const { kind } = placement.extra;
          const output = group[0]!.output!;
          const loss = group[0]!.loss!;
          const sc = analysis.sourceCode;
          const sameLoss = group.every((b) => b.loss!.node === loss.node);
          const sameLiteral = group.every(
            (b) => b.output!.layer === output.layer && b.output!.activationLiteral === output.activationLiteral,
          );
          const lossFix =
            sameLoss && loss.local && loss.via === 'direct'
              ? replaceNode(sc, loss.node, stringLiteral(sc, 'categoricalCrossentropy', loss.node))
              : null;
          const unitsList = unique(group.map((b) => b.output!.units!)).sort((a, b) => a - b);
          const accuracy =
            group.every((b) => b.loss!.via === 'direct' && b.loss!.info.key === ACCURACY_SWITCHING_LOSS) &&
            group.every(
              (b) =>
                judge(analysis.metricsOf(b.site, b.output!.name), (m) => m.value.names.some(isAccuracy)).length > 0,
            );
          const data = {
            loss: unique(group.map((b) => `\`${b.loss!.info.display}\``)).join(' or '),
            units: unitsList.join(' or '),
            where: linesOf(
              group.map((b) => b.output!.activationNode),
              analysis,
            ),
            ...(accuracy ? { floor: unitsList.map((k) => ((k - 1) / k).toFixed(3)).join(' or ') } : {}),
          };
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
          let fix: Fix | null = null;
          if (kind === 'softmax') {
            const alone = group.length === placement.group.length;
            const certain = alone && placement.extra.bugs === 1 && placement.extra.outputs === 1;
            if (lossFix && certain) fix = lossFix;
            else if (lossFix) suggest.push({ messageId: 'useCategoricalLoss', fix: lossFix });
            const toSigmoid = sameLiteral ? setOutputActivation(analysis, output, 'sigmoid') : null;
            if (toSigmoid?.own) suggest.push({ messageId: 'useSigmoid', fix: toSigmoid.fix });
            context.report({
              node,
              messageId: accuracy ? 'binaryLossOnSoftmaxAccuracy' : 'binaryLossOnSoftmax',
              data,
              fix,
              suggest,
            });
          } else {
            const toSoftmax = sameLiteral ? setOutputActivation(analysis, output, 'softmax') : null;
            if (toSoftmax?.own && lossFix) {
              const both = [toSoftmax.fix, lossFix];
              suggest.push({
                messageId: 'useSoftmaxAndCategoricalLoss',
                fix: (fixer) => both.flatMap((f) => f(fixer)),
              });
            }
            const fits = unique(group.flatMap((b) => oneHotFits(b.output!.model)!.map((f) => f.site.call)));
            context.report({
              node,
              messageId: accuracy ? 'binaryLossOnOneHotAccuracy' : 'binaryLossOnOneHot',
              data: { ...data, fit: linesOf(fits, analysis) },
              fix: null,
              suggest,
            });
          }
        }
      },
    };
  },
});

const isAccuracy = (metric: string): boolean => metric === 'accuracy' || metric === 'acc';

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/**
 * Where to report: the loss, since the loss is what is wrong for the model's
 * output. The loss string itself when it is written in the `compile` call;
 * otherwise the `loss` value written in the call (a constant's name, a wrapper's
 * name, this output's element of a loss array or object); at worst the call.
 */
function reportNode(site: CompileSite, index: number, pair: OutputLossPair): Node {
  // A compile helper of another module: report on the call of the helper in this file.
  if (site.via) return site.via;
  const loss = pair.loss!;
  if (loss.local) return loss.node;
  const config = site.call.arguments[0] ? unwrap(site.call.arguments[0]) : undefined;
  if (config?.type !== 'ObjectExpression') return site.call;
  const prop = findProperty(config, 'loss');
  if (!prop) return site.call;
  const value = unwrap(prop.value);
  if (value.type === 'ArrayExpression') {
    const el = value.elements[index];
    return el && el.type !== 'SpreadElement' ? el : value;
  }
  if (value.type === 'ObjectExpression' && pair.output?.name !== undefined) {
    const named = findProperty(value, pair.output.name);
    return named ? named.value : value;
  }
  return value;
}

/** The last property written with key `key` in an object literal (the one that wins). */
function findProperty(object: TSESTree.ObjectExpression, key: string): TSESTree.Property | undefined {
  let found: TSESTree.Property | undefined;
  for (const p of object.properties) if (p.type === 'Property' && propertyKey(p) === key) found = p;
  return found;
}
