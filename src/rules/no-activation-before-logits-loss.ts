import { unwrap } from '../analysis/ast.js';
import { getAnalysis, type OutputFact, type TensorPossibility } from '../analysis/index.js';
import type { Node, TensorValue } from '../analysis/values.js';
import { createRule } from '../util/create-rule.js';
import {
  combine,
  removeOutputActivation,
  replaceLossFunction,
  replaceLossLiteral,
  replaceNode,
  unwrapTo,
} from '../util/fixes.js';
import { judgeFed, known } from '../util/judge-paths.js';
import { elsewhere, unique } from '../util/message-text.js';
import { placeOutputBugs } from '../util/output-bugs.js';
import { mayTrackAccuracy, readsProbabilitiesElsewhere } from '../util/output-readers.js';
import { branchFor, branchOfGroup } from '../util/report-branch.js';
import { modelEdit, reportGraded, trainingEdit } from '../util/report-graded.js';
import { byPlace, isUnique, reportAt } from '../util/report-place.js';
import { sharedFed } from '../util/shared-edits.js';
import { isSingleUnitCategorical } from '../util/single-unit.js';

type MessageIds =
  | 'activationBeforeLogitsLoss'
  | 'useProbabilityLoss'
  | 'useProbabilityLossAccuracy'
  | 'removeActivation'
  | 'removeActivationUseLogitsLoss'
  | 'passLogits'
  | 'passLogitsTo';
type Probability = 'softmax' | 'sigmoid';

/** The probability loss that matches each activation. */
const PROBABILITY_LOSS: Readonly<Record<Probability, string>> = {
  softmax: 'categoricalCrossentropy',
  sigmoid: 'binaryCrossentropy',
};

/** The logits loss that applies each activation itself. */
const LOGITS_LOSS: Readonly<Record<Probability, string>> = {
  softmax: 'softmaxCrossEntropy',
  sigmoid: 'sigmoidCrossEntropy',
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
      useProbabilityLossAccuracy:
        "Use '{{replacement}}', which takes these {{activation}} probabilities; TF.js then computes `'accuracy'` as element-wise `binaryAccuracy`.",
      removeActivationUseLogitsLoss:
        'Remove the {{activation}} and use `{{replacement}}`, which applies it to the logits itself (`predict()` then returns logits).',
      passLogits: 'Pass the logits to the loss without the {{activation}}.',
      passLogitsTo: 'Pass the logits to `{{replacement}}` without the {{activation}}.',
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
          const matching = group.every((b) => b.loss.info.fusedActivation === activation);
          // Removing the activation is right only when the loss is the only reader of the probabilities.
          const removable = sameOutput && !group.some((b) => readsProbabilitiesElsewhere(analysis, b));
          const logitsLoss =
            removable && !matching ? replaceLossFunction(analysis, group, ['losses', LOGITS_LOSS[activation]]) : null;
          // Finding: the 'binaryCrossentropy' string makes TF.js compute 'accuracy' as binaryAccuracy on wide outputs.
          const accuracyChanges =
            replacement === 'binaryCrossentropy' &&
            group.some((b) => b.output.units !== 1 && mayTrackAccuracy(analysis, b));
          reportGraded(context, {
            node: at,
            messageId: 'activationBeforeLogitsLoss',
            data: {
              activation: unique(group.map((b) => b.output.activation)).join(' or '),
              activationWhere: elsewhere(analysis, at, nodes, branchFor(place.first.extra, 'output')),
              loss: unique(group.map((b) => `\`${b.loss.info.display}\``)).join(' or '),
              lossWhere: elsewhere(analysis, at, [loss.node], branchFor(place.first.extra, 'loss')),
              fused: unique(group.map((b) => b.loss.info.fusedActivation)).join(' or '),
            },
            unique: isUnique(place) && matching && !accuracyChanges,
            shared: place.first.extra.shared,
            fix: trainingEdit({
              messageId: accuracyChanges ? 'useProbabilityLossAccuracy' : 'useProbabilityLoss',
              fix: lossFix,
              data: { replacement, activation },
            }),
            suggest: [
              modelEdit({
                messageId: 'removeActivation',
                fix: removable && matching ? removeOutputActivation(analysis, output) : null,
                data: { activation },
              }),
              modelEdit({
                messageId: 'removeActivationUseLogitsLoss',
                fix: logitsLoss && combine(removeOutputActivation(analysis, output), logitsLoss.fix),
                data: { activation, replacement: logitsLoss?.text ?? '' },
              }),
            ],
          });
        }
        for (const call of analysis.lossCalls) {
          if (call.loss.input !== 'logits') continue;
          const possible = analysis.fedTo(call);
          const onPath = judgeFed(possible, (t) => fed(t) !== null);
          const shared = sharedFed(possible, onPath);
          const bugs = onPath.map(fed).filter((f): f is Fed => f !== null);
          for (const bug of bugs) {
            const { activation, op, output } = bug;
            const at = reportAt(analysis, bug.node, call.callee);
            if (!at || reported.has(at)) continue;
            reported.add(at);
            const matching = call.loss.fusedActivation === activation;
            const direct = bugs.length === 1 && !!op && isArgumentOf(op.node, call.call, 1);
            // A softmax fed to the sigmoid loss (or the reverse): the logits belong to the other loss.
            const other = matching
              ? undefined
              : analysis.tfExpression(['losses', LOGITS_LOSS[activation]], call.callee);
            const toOther = other ? replaceNode(sc, call.callee, other) : null;
            const removal = output ? removeOutputActivation(analysis, output) : null;
            // Dropping the activation op edits what every reader of its value gets: only when all of them want logits.
            const unwrapped =
              op?.argumentNode && analysis.readOnlyByLogitsLosses(op.node)
                ? unwrapTo(sc, op.node, op.argumentNode)
                : null;
            const branch = branchOfGroup(
              analysis,
              possible,
              onPath.filter((t) => fed(t)?.node === bug.node),
              () => ({ candidates: [output?.activationLiteral ?? bug.node], around: [call.call] }),
            );
            reportGraded(context, {
              node: at,
              messageId: 'activationBeforeLogitsLoss',
              data: {
                activation,
                activationWhere: elsewhere(analysis, at, [bug.node], branch),
                loss: `\`${call.loss.display}\``,
                lossWhere: elsewhere(analysis, at, [call.callee]),
                fused: call.loss.fusedActivation ?? '',
              },
              unique: direct && matching,
              shared,
              fix: trainingEdit({ messageId: 'passLogits', fix: matching && unwrapped, data: { activation } }),
              suggest: [
                trainingEdit({
                  messageId: 'passLogitsTo',
                  fix: !matching && combine(unwrapped, toOther),
                  data: { activation, replacement: other ?? '' },
                }),
                modelEdit({ messageId: 'removeActivation', fix: matching && removal, data: { activation } }),
                modelEdit({
                  messageId: 'removeActivationUseLogitsLoss',
                  fix: !matching && combine(removal, toOther),
                  data: { activation, replacement: other ?? '' },
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
