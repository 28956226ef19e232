import type { TSESLint } from '@typescript-eslint/utils';
import { getAnalysis, type OutputLossPair } from '../analysis/index.js';
import type { Node } from '../analysis/values.js';
import { isCategorical, type LossInfo } from '../knowledge/losses.js';
import { createRule } from '../util/create-rule.js';
import { linesOf, replaceNode, setOutputActivation, stringLiteral } from '../util/fixes.js';
import { byPlace, placeOutputBugs } from '../util/places.js';

type MessageIds =
  'sigmoidWithCategoricalLoss' | 'sigmoidWithCategoricalLossRemote' | 'useSoftmax' | 'useBinaryCrossentropy';

/** A loss that takes probabilities and assumes one class per example: it wants a distribution. */
const wantsDistribution = (loss: LossInfo): boolean => isCategorical(loss) && loss.input === 'probabilities';

/**
 * The bug: a sigmoid output trained with a categorical probability loss. A 1-unit
 * output is `no-categorical-loss-single-unit`'s (it fails differently); an output
 * of unknown width is reported, since sigmoid with a categorical loss is wrong at
 * every width (see the rule's doc), but never autofixed (softmax would be wrong on
 * one unit).
 */
function isBug(p: OutputLossPair): boolean {
  if (!p.output || !p.loss) return false;
  if (p.output.activation !== 'sigmoid' || !wantsDistribution(p.loss.info)) return false;
  return p.output.units === undefined || p.output.units >= 2;
}

export default createRule<[], MessageIds>({
  name: 'no-sigmoid-with-categorical-loss',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sigmoid outputs trained with a categorical loss, which expects a softmax distribution',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      sigmoidWithCategoricalLoss:
        'This sigmoid scores every output unit on its own, so the outputs do not sum to 1, but {{loss}} ({{where}}) assumes one class per example and a distribution over the classes: TF.js silently divides each row by its sum during training, and `predict()` returns scores that are not class probabilities. Use softmax for mutually exclusive classes.',
      sigmoidWithCategoricalLossRemote:
        'The sigmoid output ({{output}}) scores every output unit on its own, so the outputs do not sum to 1, but {{loss}} ({{where}}) assumes one class per example and a distribution over the classes: TF.js silently divides each row by its sum during training, and `predict()` returns scores that are not class probabilities. Use softmax for mutually exclusive classes.',
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
        // Activations that some compile call of this file pairs with a fine loss: the
        // layer is shared (a factory compiled twice), so editing it is not this report's call.
        const fine = new Set<Node>();
        for (const outputs of perSite) {
          for (const pairs of outputs)
            for (const p of pairs) if (p.output && !isBug(p)) fine.add(p.output.activationNode);
        }
        // The outputs of an imported model that one loss of this file gets wrong: one report there.
        const reported = new Set<Node>();
        for (const { at, nodes, group, first: placement } of byPlace(
          placeOutputBugs(analysis, isBug),
          (p) => p.extra.site,
        )) {
          if (reported.has(at)) continue;
          reported.add(at);
          const node = placement.node;
          const output = group[0]!.output!;
          const loss = group[0]!.loss!;
          const sameLiteral = group.every(
            (b) => b.output!.layer === output.layer && b.output!.activationLiteral === output.activationLiteral,
          );
          const sameLoss = group.every((b) => b.loss!.node === loss.node);
          const edit = sameLiteral ? setOutputActivation(analysis, output, 'softmax') : null;
          const certain =
            !!edit?.own &&
            group.length === placement.group.length &&
            placement.extra.bugs === 1 &&
            output.units !== undefined &&
            group.every((b) => b.output!.units === output.units) &&
            !fine.has(node);
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
          if (edit && !certain) suggest.push({ messageId: 'useSoftmax', fix: edit.fix });
          // The binary loss suits multi-label data; not when the labels are class ids
          // (sparse) or provably one-hot (every fit in this file gets `tf.oneHot(...)`).
          const exclusiveLabels =
            loss.info.sparse || group.some((b) => analysis.oneHotFitsOf(b.output!.model) !== null);
          if (sameLoss && loss.local && loss.via === 'direct' && !exclusiveLabels) {
            const toBinary = replaceNode(
              analysis.sourceCode,
              loss.node,
              stringLiteral(analysis.sourceCode, 'binaryCrossentropy', loss.node),
            );
            if (toBinary) suggest.push({ messageId: 'useBinaryCrossentropy', fix: toBinary });
          }
          context.report({
            node: at,
            messageId: at === node ? 'sigmoidWithCategoricalLoss' : 'sigmoidWithCategoricalLossRemote',
            data: {
              loss: unique(group.map((b) => `\`${b.loss!.info.display}\``)).join(' or '),
              where: linesOf(
                group.map((b) => b.loss!.node),
                analysis,
              ),
              ...(at === node ? {} : { output: nodes.length === 1 ? analysis.where(node) : linesOf(nodes, analysis) }),
            },
            fix: certain ? edit.fix : null,
            suggest,
          });
        }
      },
    };
  },
});

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
