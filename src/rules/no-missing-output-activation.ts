import { enclosingFunction } from '../analysis/ast.js';
import { getAnalysis, type FileAnalysis, type LayerFact, type OutputFact } from '../analysis/index.js';
import type { Node } from '../analysis/values.js';
import { isCategorical, LOSSES, type LossInfo } from '../knowledge/losses.js';
import { createRule } from '../util/create-rule.js';
import { setLayerActivation } from '../util/fixes.js';
import {
  byPlace,
  elsewhere,
  isUnique,
  judge,
  known,
  modelEdit,
  placeOutputBugs,
  replaceLossFunction,
  reportAt,
  reportGraded,
  trainingEdit,
  unique,
  type KnownPair,
} from '../util/report.js';
import { isSingleUnitCategorical } from '../util/single-unit.js';

type MessageIds = 'missingOutputActivation' | 'addActivation' | 'useLogitsLoss';

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

const isBug = known(
  (p) => p.output.activation === 'linear' && p.loss.info.input === 'probabilities' && !isSingleUnitCategorical(p),
);

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
        'The output layer{{output}} is linear (raw scores), but {{loss}}{{where}} expects probabilities: it clips the scores or takes their log, and the model trains badly without an error. Add a `{{activation}}` activation.',
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
        for (const place of byPlace(placeOutputBugs(analysis, isBug), (p) => p.extra.site)) {
          const { at, nodes, group } = place;
          reported.add(at);
          const { site } = place.first.extra;
          const { output, loss } = place.lead;
          const activations = unique(group.map((b) => ACTIVATION_FOR[b.loss.info.classes]));
          const activation = activations.join(' or ');
          const sameOutput = group.every(
            (b) => b.output.layer === output.layer && b.output.activationLiteral === output.activationLiteral,
          );
          const [only, ...others] = activations;
          const actFix = only && others.length === 0 && sameOutput ? setLayerActivation(sc, output, only) : null;
          // Certain and local: one path, one output, a layer compiled nowhere else and written where it is compiled.
          const certain =
            isUnique(place) &&
            loss.info.classes !== 'none' &&
            (uses ??= outputUses(analysis)).get(output.layer) === 1 &&
            enclosingFunction(output.layer.call) === enclosingFunction(site.call);
          const logits = logitsLossFix(analysis, group);
          reportGraded(context, {
            node: at,
            messageId: 'missingOutputActivation',
            data: {
              output: elsewhere(analysis, at, nodes),
              loss: unique(group.map((b) => `\`${b.loss.info.display}\``)).join(' or '),
              where: elsewhere(analysis, at, unique(group.map((b) => b.loss.node))),
              activation,
            },
            unique: certain,
            fix: modelEdit({ messageId: 'addActivation', fix: actFix, data: { activation } }),
            suggest: [trainingEdit({ messageId: 'useLogitsLoss', fix: logits?.fix, data: logits?.data })],
          });
        }
        // Custom training code: a probability loss called on a linear model's predictions.
        for (const call of analysis.lossCalls) {
          if (call.loss.input !== 'probabilities') continue;
          const outputs = judge(
            analysis
              .tensorPossibilities(call.prediction)
              .map((t) => (t.tensor?.origin === 'model-output' ? t.output : null)),
            (o): o is OutputFact => !!o && o.activation === 'linear' && !(o.units === 1 && isCategorical(call.loss)),
          );
          for (const output of outputs) {
            const at = reportAt(analysis, output.activationNode, call.callee);
            if (!at || reported.has(at)) continue;
            reported.add(at);
            const activation = ACTIVATION_FOR[call.loss.classes];
            reportGraded(context, {
              node: at,
              messageId: 'missingOutputActivation',
              data: {
                output: elsewhere(analysis, at, [output.activationNode]),
                loss: `\`${call.loss.display}\``,
                where: elsewhere(analysis, at, [call.callee]),
                activation,
              },
              unique: false,
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
 * Keep the logits: the TF.js loss that takes them (`tf.losses.softmaxCrossEntropy`
 * for `'categoricalCrossentropy'`). None for sparse labels: TF.js has no sparse logits loss.
 */
function logitsLossFix(analysis: FileAnalysis, group: readonly KnownPair[]) {
  const name = group[0]?.loss.info.logitsEquivalent;
  const fused = name ? LOSSES.get(`losses.${name}`)?.fusedActivation : undefined;
  const edit = name && fused ? replaceLossFunction(analysis, group, ['losses', name]) : null;
  return edit && fused ? { fix: edit.fix, data: { replacement: edit.text, fused } } : null;
}
