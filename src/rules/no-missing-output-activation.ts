import { getAnalysis, type FileAnalysis, type OutputFact, type TensorPossibility } from '../analysis/index.js';
import type { Node } from '../analysis/values.js';
import { ACTIVATIONS, describeRange, isNonProbabilityOutput } from '../knowledge/activations.js';
import { isCategorical, LOSSES, type LossInfo } from '../knowledge/losses.js';
import { createRule } from '../util/create-rule.js';
import { replaceLossFunction, setLayerActivation } from '../util/fixes.js';
import { judgeFed, known, type KnownPair } from '../util/judge-paths.js';
import { elsewhere, placeParts, unique } from '../util/message-text.js';
import { placeOutputBugs } from '../util/output-bugs.js';
import { branchFor, branchOfGroup } from '../util/report-branch.js';
import { modelEdit, reportGraded, trainingEdit } from '../util/report-graded.js';
import { byPlace, reportAt } from '../util/report-place.js';
import { sharedFed } from '../util/shared-edits.js';
import { isSingleUnitCategorical } from '../util/single-unit.js';

type MessageIds = 'missingOutputActivation' | 'notProbabilities' | 'addActivation' | 'useLogitsLoss';

/**
 * The activation that turns logits into what a probability loss expects: softmax
 * for exclusive classes, sigmoid for independent ones; softmax for distributions
 * without a class structure (`'kullbackLeiblerDivergence'`), as a suggestion only.
 */
const ACTIVATION_FOR: Readonly<Record<LossInfo['classes'], 'softmax' | 'sigmoid'>> = {
  exclusive: 'softmax',
  independent: 'sigmoid',
  none: 'softmax',
};

/** Linear logits, relu, tanh ... (the activation table's non-probability kinds) into a probability loss. */
const isBug = known(
  (p) =>
    isNonProbabilityOutput(p.output.activation) && p.loss.info.input === 'probabilities' && !isSingleUnitCategorical(p),
);

export default createRule<[], MessageIds>({
  name: 'no-missing-output-activation',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a softmax or sigmoid output when the loss expects probabilities',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      missingOutputActivation:
        'The output layer{{output}} is linear (raw scores), but {{loss}}{{where}} expects probabilities: it clips the scores or takes their log, and the model trains badly without an error. Add a `{{activation}}` activation.',
      notProbabilities:
        'This {{what}} ({{range}}{{output}}) is trained with {{loss}}{{where}}, which expects probabilities: it clips them or takes their log, so training fails silently. Use a `{{activation}}` output.',
      addActivation: "Use a '{{activation}}' activation on the output layer.",
      useLogitsLoss:
        'Keep the logits and use `{{replacement}}`, which applies {{fused}} itself (`predict()` then returns logits).',
    },
  },
  create(context) {
    return {
      'Program:exit'() {
        const analysis = getAnalysis(context);
        if (!analysis) return;
        const sc = analysis.sourceCode;
        const reported = new Set<Node>();
        for (const place of byPlace(placeOutputBugs(analysis, isBug), (p) => p.extra.site)) {
          const { at, nodes, group } = place;
          reported.add(at);
          const { output } = place.lead;
          const activations = unique(group.map((b) => ACTIVATION_FOR[b.loss.info.classes]));
          const activation = activations.join(' or ');
          const sameOutput = group.every(
            (b) => b.output.layer === output.layer && b.output.activationLiteral === output.activationLiteral,
          );
          const [only, ...others] = activations;
          const actFix = only && others.length === 0 && sameOutput ? setLayerActivation(sc, output, only) : null;
          const linear = group.every((b) => b.output.activation === 'linear');
          // Logits may go to a logits loss; relu or tanh outputs are not logits.
          const logits = linear ? logitsLossFix(analysis, group) : null;
          reportGraded(context, {
            node: at,
            messageId: linear ? 'missingOutputActivation' : 'notProbabilities',
            data: {
              output: outputPlace(analysis, at, nodes, linear, branchFor(place.first.extra, 'output')),
              loss: unique(group.map((b) => `\`${b.loss.info.display}\``)).join(' or '),
              where: elsewhere(
                analysis,
                at,
                unique(group.map((b) => b.loss.node)),
                branchFor(place.first.extra, 'loss'),
              ),
              activation,
              ...(linear ? {} : outputData(group.map((b) => b.output))),
            },
            // Both edits change what the model computes or what its loss reads: suggestions only.
            unique: false,
            shared: place.first.extra.shared,
            suggest: [
              modelEdit({ messageId: 'addActivation', fix: actFix, data: { activation } }),
              trainingEdit({ messageId: 'useLogitsLoss', fix: logits?.fix, data: logits?.data }),
            ],
          });
        }
        // Custom training code: a probability loss called on a linear model's predictions.
        for (const call of analysis.lossCalls) {
          if (call.loss.input !== 'probabilities') continue;
          const possible = analysis.fedTo(call);
          const bugs = judgeFed(
            possible,
            (t): t is TensorPossibility & { output: OutputFact } =>
              t.tensor?.origin === 'model-output' &&
              !!t.output &&
              isNonProbabilityOutput(t.output.activation) &&
              !(t.output.units === 1 && isCategorical(call.loss)),
          );
          const shared = sharedFed(possible, bugs);
          for (const { output } of bugs) {
            const at = reportAt(analysis, output.activationNode, call.callee);
            if (!at || reported.has(at)) continue;
            reported.add(at);
            const activation = ACTIVATION_FOR[call.loss.classes];
            const linear = output.activation === 'linear';
            const branch = branchOfGroup(
              analysis,
              possible,
              bugs.filter((b) => b.output.activationNode === output.activationNode),
              () => ({ candidates: [output.activationLiteral ?? output.activationNode], around: [call.call] }),
            );
            reportGraded(context, {
              node: at,
              messageId: linear ? 'missingOutputActivation' : 'notProbabilities',
              data: {
                output: outputPlace(analysis, at, [output.activationNode], linear, branch),
                loss: `\`${call.loss.display}\``,
                where: elsewhere(analysis, at, [call.callee]),
                activation,
                ...(linear ? {} : outputData([output])),
              },
              unique: false,
              shared,
              suggest: [
                modelEdit({
                  messageId: 'addActivation',
                  fix: setLayerActivation(sc, output, activation),
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

/**
 * What the outputs are, for the message: `` `tanh` output `` or `` `leakyReLU` layer ``
 * (an activation layer by its factory), and their range when there is one activation.
 */
/** Where the output is, for either message: ` (line 5)` after "The output layer", `; line 5` inside the range's parentheses. */
function outputPlace(
  analysis: FileAnalysis,
  at: Node,
  nodes: readonly Node[],
  linear: boolean,
  branch?: string,
): string {
  if (linear) return elsewhere(analysis, at, nodes, branch);
  const parts = placeParts(analysis, at, nodes, branch);
  return parts.length > 0 ? `; ${parts.join(', ')}` : '';
}

function outputData(outputs: readonly OutputFact[]): { what: string; range: string } {
  const names = unique(
    outputs.map((o) => (o.activationOrigin === 'layer' ? `${o.layer.factory}\` layer` : `${o.activation}\` output`)),
  );
  const activations = unique(outputs.map((o) => o.activation ?? ''));
  const info = activations.length === 1 ? ACTIVATIONS.get(activations[0]!) : undefined;
  return {
    what: names.map((n) => `\`${n}`).join(' or '),
    range: info ? describeRange(info.range) : 'not probabilities',
  };
}

/**
 * Keep the logits: the TF.js loss that takes them (`tf.losses.softmaxCrossEntropy`
 * for `'categoricalCrossentropy'`). None for sparse labels: TF.js has no sparse logits loss.
 */
function logitsLossFix(analysis: FileAnalysis, group: readonly KnownPair[]) {
  const name = group[0]?.loss.info.logitsEquivalent;
  const fused = name ? LOSSES.get(`losses.${name}`)?.fusedActivation : undefined;
  const edit = name && fused ? replaceLossFunction(analysis, group, ['losses', name]) : null;
  return edit && fused ? { fix: edit.fix, data: { replacement: edit.text, fused } } : null;
}
