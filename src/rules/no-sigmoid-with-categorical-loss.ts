import { getAnalysis } from '../analysis/index.js';
import type { Node } from '../analysis/values.js';
import { isCategorical, type LossInfo } from '../knowledge/losses.js';
import { createRule } from '../util/create-rule.js';
import { replaceLossLiteral, setOutputActivation } from '../util/fixes.js';
import { known } from '../util/judge-paths.js';
import { elsewhere, unique } from '../util/message-text.js';
import { placeOutputBugs } from '../util/output-bugs.js';
import { branchFor } from '../util/report-branch.js';
import { modelEdit, reportGraded, trainingEdit } from '../util/report-graded.js';
import { byPlace } from '../util/report-place.js';

type MessageIds =
  'sigmoidWithCategoricalLoss' | 'sigmoidWithCategoricalLossRemote' | 'useSoftmax' | 'useBinaryCrossentropy';

/** A loss that takes probabilities and assumes one class per example: it wants a distribution. */
const wantsDistribution = (loss: LossInfo): boolean => isCategorical(loss) && loss.input === 'probabilities';

/**
 * A sigmoid output trained with a categorical probability loss. A 1-unit output is
 * `no-categorical-loss-single-unit`'s; an output of unknown width is reported (the
 * pairing is wrong at every width; the categorical loss needs 2+ units to run at all).
 */
const isBug = known(
  (p) =>
    p.output.activation === 'sigmoid' &&
    wantsDistribution(p.loss.info) &&
    (p.output.units === undefined || p.output.units >= 2),
);

export default createRule<[], MessageIds>({
  name: 'no-sigmoid-with-categorical-loss',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sigmoid outputs trained with a categorical loss, which expects a softmax distribution',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      sigmoidWithCategoricalLoss:
        'This sigmoid{{output}} scores each unit on its own, but {{loss}}{{where}} assumes one class per example: TF.js silently renormalizes each row in training, and `predict()` rows are not class probabilities. Use softmax.',
      sigmoidWithCategoricalLossRemote:
        'The sigmoid output{{output}} scores each unit on its own, but {{loss}}{{where}} assumes one class per example: TF.js silently renormalizes each row in training, and `predict()` rows are not class probabilities.',
      useSoftmax: "Use `'softmax'` so the outputs form one distribution over the classes.",
      useBinaryCrossentropy:
        "Use `'binaryCrossentropy'` instead if an example can belong to several classes at once (multi-label).",
    },
  },
  create(context) {
    return {
      'Program:exit'() {
        const analysis = getAnalysis(context);
        if (!analysis) return;
        const perSite = analysis.compileSites.map((site) => analysis.pairsOf(site));
        if (!perSite.some((outputs) => outputs.some((pairs) => pairs.some(isBug)))) return;
        // Activations that some compile call pairs with a fine loss: a shared layer, not this report's to edit.
        const fine = new Set<Node>();
        for (const outputs of perSite) {
          for (const pairs of outputs)
            for (const p of pairs) if (p.output && !isBug(p)) fine.add(p.output.activationNode);
        }
        for (const place of byPlace(placeOutputBugs(analysis, isBug), (p) => p.extra.site)) {
          const { at, nodes, group } = place;
          const node = place.first.node;
          const { output, loss } = place.lead;
          const sameLiteral = group.every(
            (b) => b.output.layer === output.layer && b.output.activationLiteral === output.activationLiteral,
          );
          // Not on a layer another compile call pairs with a fine loss (a shared layer): it would break that one.
          const toSoftmax = sameLiteral && !fine.has(node) ? setOutputActivation(analysis, output, 'softmax') : null;
          // The binary loss suits multi-label data; not when the labels are class ids
          // (sparse) or provably one-hot (every fit in this file gets `tf.oneHot(...)`).
          const exclusiveLabels = loss.info.sparse || group.some((b) => analysis.oneHotFitsOf(b.output.model) !== null);
          reportGraded(context, {
            node: at,
            messageId: at === node ? 'sigmoidWithCategoricalLoss' : 'sigmoidWithCategoricalLossRemote',
            data: {
              loss: unique(group.map((b) => `\`${b.loss.info.display}\``)).join(' or '),
              where: elsewhere(
                analysis,
                at,
                group.map((b) => b.loss.node),
                branchFor(place.first.extra, 'loss'),
              ),
              output: elsewhere(analysis, at, nodes, branchFor(place.first.extra, 'output')),
            },
            unique: false,
            shared: place.first.extra.shared,
            suggest: [
              modelEdit({ messageId: 'useSoftmax', fix: toSoftmax?.fix }),
              trainingEdit({
                messageId: 'useBinaryCrossentropy',
                fix: exclusiveLabels ? null : replaceLossLiteral(analysis, group, 'binaryCrossentropy'),
              }),
            ],
          });
        }
      },
    };
  },
});
