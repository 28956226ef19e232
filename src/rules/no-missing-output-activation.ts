import type { TSESLint } from '@typescript-eslint/utils';
import { enclosingFunction } from '../analysis/ast.js';
import { getAnalysis, judge, type FileAnalysis, type LayerFact, type OutputLossPair } from '../analysis/index.js';
import type { Node } from '../analysis/values.js';
import { isCategorical, LOSSES, type LossInfo } from '../knowledge/losses.js';
import { createRule } from '../util/create-rule.js';
import { linesOf, replaceNode, reportNode, setLayerActivation, type Fix } from '../util/fixes.js';
import { byPlace, placeOutputBugs } from '../util/places.js';
import { isSingleUnitCategorical } from '../util/single-unit.js';

type MessageIds = 'missingOutputActivation' | 'addActivation' | 'useLogitsLoss';

/**
 * The activation that turns logits into what a probability loss expects: softmax
 * for exclusive classes, sigmoid for independent ones. Losses over distributions
 * without a class structure (`'kullbackLeiblerDivergence'`) get softmax as a
 * suggestion only.
 */
const ACTIVATION_FOR: Readonly<Record<LossInfo['classes'], 'softmax' | 'sigmoid'>> = {
  exclusive: 'softmax',
  independent: 'sigmoid',
  none: 'softmax',
};

const isBug = (p: OutputLossPair): boolean =>
  !!p.output &&
  !!p.loss &&
  p.output.activation === 'linear' &&
  p.loss.info.input === 'probabilities' &&
  !isSingleUnitCategorical(p);

export default createRule<[], MessageIds>({
  name: 'no-missing-output-activation',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a softmax or sigmoid output when the loss expects probabilities',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      missingOutputActivation:
        'The output layer ({{output}}) is linear, so it emits raw scores (logits), but {{loss}} ({{where}}) expects probabilities: it clips the scores or takes their log as if they were probabilities, and the model trains badly without an error (near-chance accuracy). Add a `{{activation}}` activation, or keep the logits and use a loss that takes them.',
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
        let uses: Map<LayerFact, number> | undefined;
        // The outputs of an imported model that one loss of this file gets wrong: one report there.
        for (const { at, nodes, group, first: placement } of byPlace(
          placeOutputBugs(analysis, isBug),
          (p) => p.extra.site,
        )) {
          if (reported.has(at)) continue;
          reported.add(at);
          const { site } = placement.extra;
          const output = group[0]!.output!;
          const loss = group[0]!.loss!;
          const activations = [...new Set(group.map((b) => ACTIVATION_FOR[b.loss!.info.classes]))];
          const activation = activations.join(' or ');
          const sameOutput = group.every(
            (b) => b.output!.layer === output.layer && b.output!.activationLiteral === output.activationLiteral,
          );
          const actFix =
            activations.length === 1 && sameOutput ? setLayerActivation(sc, output, activations[0]!) : null;
          // Autofix only when the edit is certain and local: one path, one output, a
          // layer compiled nowhere else and written in the function that compiles it.
          const certain =
            group.length === placement.group.length &&
            placement.extra.bugs === 1 &&
            placement.extra.outputs === 1 &&
            loss.info.classes !== 'none' &&
            (uses ??= outputUses(analysis)).get(output.layer) === 1 &&
            enclosingFunction(output.layer.call) === enclosingFunction(site.call);
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
          if (actFix && !certain) suggest.push({ messageId: 'addActivation', data: { activation }, fix: actFix });
          const logits = logitsLossFix(analysis, group);
          if (logits) suggest.push({ messageId: 'useLogitsLoss', data: logits.data, fix: logits.fix });
          context.report({
            node: at,
            messageId: 'missingOutputActivation',
            data: {
              output: nodes.length === 1 ? analysis.where(nodes[0]!) : linesOf(nodes, analysis),
              loss: [...new Set(group.map((b) => `\`${b.loss!.info.display}\``))].join(' or '),
              where: [...new Set(group.map((b) => analysis.where(b.loss!.node)))].join(', '),
              activation,
            },
            fix: certain ? actFix : null,
            suggest,
          });
        }
        // Custom training code: a probability loss called on a linear model's predictions.
        for (const call of analysis.lossCalls) {
          if (call.loss.input !== 'probabilities') continue;
          const bugs = judge(analysis.tensorPossibilities(call.prediction), (t) => {
            const o = t.tensor?.origin === 'model-output' ? t.output : undefined;
            return !!o && o.activation === 'linear' && !(o.units === 1 && isCategorical(call.loss));
          });
          for (const bug of bugs) {
            const output = bug.output!;
            const at = reportNode(analysis, output.activationNode, call.callee);
            if (!at || reported.has(at)) continue;
            reported.add(at);
            const activation = ACTIVATION_FOR[call.loss.classes];
            const fix = setLayerActivation(sc, output, activation);
            context.report({
              node: at,
              messageId: 'missingOutputActivation',
              data: {
                output: analysis.where(output.activationNode),
                loss: `\`${call.loss.display}\``,
                where: analysis.where(call.callee),
                activation,
              },
              suggest: fix ? [{ messageId: 'addActivation', data: { activation }, fix }] : [],
            });
          }
        }
      },
    };
  },
});

/** How many (compile site, output) pairs each layer is the output layer of. */
function outputUses(analysis: FileAnalysis): Map<LayerFact, number> {
  const uses = new Map<LayerFact, number>();
  for (const site of analysis.compileSites) {
    for (const pairs of analysis.pairsOf(site)) {
      for (const layer of new Set(pairs.map((p) => p.output?.layer))) {
        if (layer) uses.set(layer, (uses.get(layer) ?? 0) + 1);
      }
    }
  }
  return uses;
}

/**
 * Keep the logits: replace the loss written in the compile call with the TF.js loss
 * that takes logits (`tf.losses.softmaxCrossEntropy` for `'categoricalCrossentropy'`),
 * named the way this file reaches TF.js. None for sparse labels: TF.js has no sparse
 * logits loss.
 */
function logitsLossFix(
  analysis: FileAnalysis,
  group: readonly OutputLossPair[],
): { fix: Fix; data: Record<string, string> } | null {
  const loss = group[0]!.loss!;
  if (!group.every((b) => b.loss!.node === loss.node) || loss.via !== 'direct' || !loss.local) return null;
  const name = loss.info.logitsEquivalent;
  const target = name ? LOSSES.get(`losses.${name}`) : undefined;
  if (!name || !target?.fusedActivation) return null;
  const replacement = analysis.tfExpression(['losses', name], loss.node);
  const fix = replacement ? replaceNode(analysis.sourceCode, loss.node, replacement) : null;
  return fix ? { fix, data: { replacement: replacement!, fused: target.fusedActivation } } : null;
}
