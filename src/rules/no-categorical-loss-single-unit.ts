import { getAnalysis, groupBy, type FileAnalysis, type OutputFact, type TensorPossibility } from '../analysis/index.js';
import type { Node } from '../analysis/values.js';
import { isCategorical, SINGLE_UNIT_EFFECT, type LossInfo } from '../knowledge/losses.js';
import { createRule } from '../util/create-rule.js';
import { combine, replaceLossFunction, replaceLossLiteral, setLayerActivation } from '../util/fixes.js';
import { judgeFed, type KnownPair } from '../util/judge-paths.js';
import { parenthesized } from '../util/message-text.js';
import type { OutputBugs } from '../util/output-bugs.js';
import { armOf, branchFor, branchOfGroup } from '../util/report-branch.js';
import { modelEdit, reportGraded, trainingEdit } from '../util/report-graded.js';
import { byPlace, isUnique, reportAt, type Placed } from '../util/report-place.js';
import { singleUnitCategoricalBugs } from '../util/single-unit.js';

type MessageIds =
  'categoricalLossSingleUnit' | 'useBinaryCrossentropy' | 'useSigmoidBinaryCrossentropy' | 'useSigmoidCrossEntropy';

const EFFECT: Readonly<Record<string, string>> = {
  'fit-throws-target-shape': '`fit` throws a target-shape error that does not point here.',
  'fit-throws-one-hot': '`fit` throws "depth must be >=2".',
  'zero-loss': 'The loss is 0 for every input, so nothing useful is learned.',
};

export default createRule<[], MessageIds>({
  name: 'no-categorical-loss-single-unit',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow categorical losses on a model output with a single unit',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      categoricalLossSingleUnit:
        'The categorical loss {{loss}} trains an output with a single unit ({{where}}): one class compared with itself. {{effect}} Use one unit per class, or a sigmoid unit with `binaryCrossentropy` for a yes/no label.',
      useBinaryCrossentropy: "Use 'binaryCrossentropy', which trains the single sigmoid unit as a yes/no probability.",
      useSigmoidBinaryCrossentropy: "Use a sigmoid output with 'binaryCrossentropy', to train one yes/no probability.",
      useSigmoidCrossEntropy: 'Use `{{replacement}}`, which trains the single logit as a yes/no score.',
    },
  },
  create(context) {
    return {
      'Program:exit'() {
        const analysis = getAnalysis(context);
        if (!analysis) return;
        const sc = analysis.sourceCode;
        const reported = new Set<Node>();
        const placed: Placed<KnownPair, OutputBugs>[] = [];
        for (const bug of singleUnitCategoricalBugs(analysis)) {
          const extra = {
            site: bug.site,
            bugs: bug.bugs.length,
            outputs: bug.outputs,
            shared: bug.shared,
            path: bug.branchOf(bug.bugs),
          };
          // One report per loss node; several pairs reach one node when the output is chosen by a condition.
          for (const [node, group] of groupBy(bug.bugs, (p) => p.loss.node)) {
            // A loss in an imported module is reported at each compile call of this file.
            const at = reportAt(analysis, node, bug.site.via, bug.site.call.callee);
            if (at) placed.push({ at, node, group, extra });
          }
        }
        for (const place of byPlace(placed, (p) => p.extra.site)) {
          const { at, group } = place;
          reported.add(at);
          const { loss, output } = place.lead;
          const outputs = group.map((p) => p.output);
          const sameOutput = outputs.every(
            (o) =>
              o.layer === output.layer &&
              o.activation === output.activation &&
              o.activationLiteral === output.activationLiteral,
          );
          const shared = place.first.extra.shared;
          // Sparse labels are class ids (0..K-1): a binary loss on them goes negative. No yes/no edit then;
          // none either of a loss a correct path also uses.
          const lossFix =
            group.some((p) => p.loss.info.sparse) || shared.loss
              ? null
              : replaceLossLiteral(analysis, group, 'binaryCrossentropy');
          const logits =
            loss.info.input === 'logits' && output.activation === 'linear'
              ? replaceLossFunction(analysis, group, ['losses', 'sigmoidCrossEntropy'])
              : null;
          const data = {
            loss: display(loss.info) + parenthesized(branchFor(place.first.extra, 'loss')),
            where: where(analysis, outputs, branchFor(place.first.extra, 'output')),
            effect: effect(loss.info, outputs),
          };
          const allSigmoid = outputs.every((o) => o.activation === 'sigmoid');
          reportGraded(context, {
            node: at,
            messageId: 'categoricalLossSingleUnit',
            data,
            unique: allSigmoid && isUnique(place),
            shared,
            fix: allSigmoid ? trainingEdit({ messageId: 'useBinaryCrossentropy', fix: lossFix }) : null,
            suggest:
              sameOutput && !allSigmoid
                ? [
                    modelEdit({
                      messageId: 'useSigmoidBinaryCrossentropy',
                      fix: combine(lossFix, setLayerActivation(sc, output, 'sigmoid')),
                    }),
                    trainingEdit({
                      messageId: 'useSigmoidCrossEntropy',
                      fix: logits?.fix,
                      data: { replacement: logits?.text ?? '' },
                    }),
                  ]
                : [],
          });
        }
        // Custom training code: a categorical loss called on a 1-unit model's predictions.
        for (const call of analysis.lossCalls) {
          if (!isCategorical(call.loss) || reported.has(call.callee)) continue;
          const possible = analysis.fedTo(call);
          const bugs = judgeFed(
            possible,
            (t): t is TensorPossibility & { output: OutputFact } =>
              t.tensor?.origin === 'model-output' && t.output?.units === 1,
          );
          if (bugs.length === 0) continue;
          reported.add(call.callee);
          const outputs = bugs.map((t) => t.output);
          const branch = branchOfGroup(analysis, possible, bugs, (t) => ({
            candidates: [t.output.activationLiteral ?? t.output.activationNode, armOf(t.output.unitsNode, 1)],
            around: [call.call],
          }));
          context.report({
            node: call.callee,
            messageId: 'categoricalLossSingleUnit',
            data: {
              loss: display(call.loss),
              where: where(analysis, outputs, branch),
              effect: effect(call.loss, outputs),
            },
          });
        }
      },
    };
  },
});

function display(loss: LossInfo): string {
  return `\`${loss.display}\``;
}

/** Where the single unit is set: `line N, \`units: 1\`` for each output layer. */
function where(analysis: FileAnalysis, outputs: readonly OutputFact[], branch?: string): string {
  const places = outputs.map((o) => {
    const node = o.unitsNode ?? o.unitsLayer?.call ?? o.layer.call;
    return `${analysis.where(node)}, \`${o.unitsLayer?.info.unitsKey ?? 'units'}: 1\``;
  });
  return [...new Set(places)].join('; ') + (branch ? `, ${branch}` : '');
}

function effect(loss: LossInfo, outputs: readonly OutputFact[]): string {
  const text = EFFECT[SINGLE_UNIT_EFFECT.get(loss.key) ?? 'zero-loss'] ?? '';
  return outputs.every((o) => o.activation === 'softmax') ? `${text} Its softmax also outputs a constant 1.` : text;
}
