import { unwrap } from '../analysis/ast.js';
import { getAnalysis, type OutputFact, type TensorPossibility } from '../analysis/index.js';
import type { Node, TensorValue } from '../analysis/values.js';
import { createRule } from '../util/create-rule.js';
import { removeOutputActivation, unwrapTo } from '../util/fixes.js';
import {
  byPlace,
  elsewhere,
  isUnique,
  judge,
  known,
  modelEdit,
  placeOutputBugs,
  replaceLossLiteral,
  reportAt,
  reportGraded,
  trainingEdit,
  unique,
} from '../util/report.js';
import { isSingleUnitCategorical } from '../util/single-unit.js';

type MessageIds = 'activationBeforeLogitsLoss' | 'useProbabilityLoss' | 'removeActivation' | 'passLogits';
type Probability = 'softmax' | 'sigmoid';

/** The probability loss that matches each activation. */
const PROBABILITY_LOSS: Readonly<Record<Probability, string>> = {
  softmax: 'categoricalCrossentropy',
  sigmoid: 'binaryCrossentropy',
};

const isProbability = (activation: string | undefined): activation is Probability =>
  activation === 'softmax' || activation === 'sigmoid';

/**
 * A softmax/sigmoid output into a loss that takes logits. A 1-unit output with a
 * categorical loss is `no-categorical-loss-single-unit`'s.
 */
const isCompileBug = known(
  (p) => p.loss.info.input === 'logits' && isProbability(p.output.activation) && !isSingleUnitCategorical(p),
);

/** A probability fed to a loss call in custom training code: an activation op, or a model output. */
interface Fed {
  readonly activation: Probability;
  readonly node: Node;
  readonly op?: TensorValue;
  readonly output?: OutputFact;
}

function fed(t: TensorPossibility): Fed | null {
  const tensor = t.tensor;
  if (tensor?.origin === 'activation-op' && isProbability(tensor.op))
    return { activation: tensor.op, node: tensor.node, op: tensor };
  const output = tensor?.origin === 'model-output' ? t.output : null;
  if (output && isProbability(output.activation))
    return { activation: output.activation, node: output.activationNode, output };
  return null;
}

export default createRule<[], MessageIds>({
  name: 'no-activation-before-logits-loss',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow softmax or sigmoid outputs fed to `tf.losses.softmaxCrossEntropy` / `tf.losses.sigmoidCrossEntropy`, which expect logits',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      activationBeforeLogitsLoss:
        'The {{activation}} output{{activationWhere}} is fed to {{loss}}{{lossWhere}}, which expects logits and applies {{fused}} itself: {{fused}}({{activation}}(x)) cannot reach the loss minimum. Feed it logits, or use a probability loss.',
      useProbabilityLoss: "Use '{{replacement}}', which takes the probabilities this {{activation}} outputs.",
      removeActivation:
        'Remove the {{activation}} so the model emits logits (`predict()` then returns logits: apply `tf.{{activation}}` to them where probabilities are needed).',
      passLogits: 'Pass the logits to the loss without the {{activation}}.',
    },
  },
  create(context) {
    return {
      'Program:exit'() {
        const analysis = getAnalysis(context);
        if (!analysis) return;
        const sc = analysis.sourceCode;
        const reported = new Set<Node>();
        for (const place of byPlace(placeOutputBugs(analysis, isCompileBug), (p) => p.extra.site)) {
          const { at, nodes, group } = place;
          reported.add(at);
          const { output, loss } = place.lead;
          const activation = output.activation as Probability;
          const oneActivation = group.every((b) => b.output.activation === activation);
          const sameOutput = group.every(
            (b) =>
              oneActivation &&
              b.output.activationLiteral === output.activationLiteral &&
              b.output.layer === output.layer,
          );
          const replacement = PROBABILITY_LOSS[activation];
          const lossFix = oneActivation ? replaceLossLiteral(analysis, group, replacement) : null;
          reportGraded(context, {
            node: at,
            messageId: 'activationBeforeLogitsLoss',
            data: {
              activation: unique(group.map((b) => b.output.activation)).join(' or '),
              activationWhere: elsewhere(analysis, at, nodes),
              loss: unique(group.map((b) => `\`${b.loss.info.display}\``)).join(' or '),
              lossWhere: elsewhere(analysis, at, [loss.node]),
              fused: unique(group.map((b) => b.loss.info.fusedActivation)).join(' or '),
            },
            unique: isUnique(place) && loss.info.fusedActivation === activation,
            fix: trainingEdit({ messageId: 'useProbabilityLoss', fix: lossFix, data: { replacement, activation } }),
            suggest: [
              modelEdit({
                messageId: 'removeActivation',
                fix: sameOutput ? removeOutputActivation(analysis, output) : null,
                data: { activation },
              }),
            ],
          });
        }
        for (const call of analysis.lossCalls) {
          if (call.loss.input !== 'logits') continue;
          const bugs = judge(analysis.tensorPossibilities(call.prediction).map(fed), (f): f is Fed => f !== null);
          for (const bug of bugs) {
            const { activation, op, output } = bug;
            const at = reportAt(analysis, bug.node, call.callee);
            if (!at || reported.has(at)) continue;
            reported.add(at);
            const matching = call.loss.fusedActivation === activation;
            const direct = bugs.length === 1 && !!op && isArgumentOf(op.node, call.call, 1);
            reportGraded(context, {
              node: at,
              messageId: 'activationBeforeLogitsLoss',
              data: {
                activation,
                activationWhere: elsewhere(analysis, at, [bug.node]),
                loss: `\`${call.loss.display}\``,
                lossWhere: elsewhere(analysis, at, [call.callee]),
                fused: call.loss.fusedActivation ?? '',
              },
              unique: direct && matching,
              fix: trainingEdit({
                messageId: 'passLogits',
                fix: op?.argumentNode ? unwrapTo(sc, op.node, op.argumentNode) : null,
                data: { activation },
              }),
              suggest: [
                modelEdit({
                  messageId: 'removeActivation',
                  fix: output ? removeOutputActivation(analysis, output) : null,
                  data: { activation },
                }),
              ],
            });
          }
        }
      },
    };
  },
});

/** Is `node` (through TS wrappers) the argument at `index` of `call`? */
function isArgumentOf(node: Node, call: { arguments: readonly Node[] }, index: number): boolean {
  const arg = call.arguments[index];
  return !!arg && unwrap(arg) === node;
}
