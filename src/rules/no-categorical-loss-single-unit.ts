import type { TSESLint } from '@typescript-eslint/utils';
import {
  getAnalysis,
  groupBy,
  judge,
  type FileAnalysis,
  type OutputFact,
  type OutputLossPair,
} from '../analysis/index.js';
import type { Node } from '../analysis/values.js';
import { isCategorical, SINGLE_UNIT_EFFECT, type LossInfo } from '../knowledge/losses.js';
import { createRule } from '../util/create-rule.js';
import { replaceNode, reportNode, setLayerActivation, stringLiteral, type Fix } from '../util/fixes.js';
import { byPlace, type Placed } from '../util/places.js';
import { singleUnitCategoricalBugs, type SingleUnitCategoricalBug } from '../util/single-unit.js';

type MessageIds =
  'categoricalLossSingleUnit' | 'useBinaryCrossentropy' | 'useSigmoidBinaryCrossentropy' | 'useSigmoidCrossEntropy';

const EFFECT: Readonly<Record<string, string>> = {
  'fit-throws-target-shape': '`fit` throws a target-shape error that does not point here.',
  'fit-throws-one-hot': '`fit` throws "Error in oneHot: depth must be >=2".',
  'zero-loss': 'The loss reads 0 for every input: training runs without an error and learns nothing useful.',
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
        'The categorical loss {{loss}} trains an output with a single unit ({{where}}): one class compared with itself. {{effect}} Give the output one unit per class, or train a yes/no label with a sigmoid unit and `binaryCrossentropy`.',
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
        const placed: Placed<OutputLossPair, SingleUnitCategoricalBug>[] = [];
        for (const bug of singleUnitCategoricalBugs(analysis)) {
          // One report per loss node; several pairs reach one node when the output is chosen by a condition.
          for (const [node, group] of groupBy(bug.pairs, (p) => p.loss!.node)) {
            // The loss may be in an imported module (a shared constant, a compile helper):
            // then each compile call of this file is reported.
            const at = reportNode(analysis, node, group[0]!.site.via, group[0]!.site.call.callee);
            if (at) placed.push({ at, node, group, extra: bug });
          }
        }
        // Several 1-unit outputs with one loss (`loss: 'categoricalCrossentropy'` for a
        // model with two outputs): one report at the loss, naming each output.
        for (const { at, group, first: placement } of byPlace(placed, (p) => p.extra.site)) {
          if (reported.has(at)) continue;
          reported.add(at);
          const node = placement.node;
          const bug = placement.extra;
          const loss = group[0]!.loss!;
          const output = group[0]!.output!;
          const outputs = group.map((p) => p.output!);
          const sameOutput = outputs.every(
            (o) =>
              o.layer === output.layer &&
              o.activation === output.activation &&
              o.activationLiteral === output.activationLiteral,
          );
          const lossFix =
            loss.via === 'direct' && loss.local
              ? replaceNode(sc, node, stringLiteral(sc, 'binaryCrossentropy', node))
              : null;
          const unconditional =
            group.length === placement.group.length && bug.pairs.length === 1 && bug.outputCount === 1;
          let fix: Fix | null = null;
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
          if (outputs.every((o) => o.activation === 'sigmoid')) {
            if (lossFix && unconditional) fix = lossFix;
            else if (lossFix) suggest.push({ messageId: 'useBinaryCrossentropy', fix: lossFix });
          } else if (sameOutput) {
            const actFix = setLayerActivation(sc, output, 'sigmoid');
            if (lossFix && actFix)
              suggest.push({ messageId: 'useSigmoidBinaryCrossentropy', fix: both(lossFix, actFix) });
            const replacement =
              loss.info.input === 'logits' && output.activation === 'linear' && loss.via === 'direct' && loss.local
                ? analysis.tfExpression(['losses', 'sigmoidCrossEntropy'], node)
                : undefined;
            const logitsFix = replacement ? replaceNode(sc, node, replacement) : null;
            if (logitsFix)
              suggest.push({
                messageId: 'useSigmoidCrossEntropy',
                data: { replacement: replacement! },
                fix: logitsFix,
              });
          }
          context.report({
            node: at,
            messageId: 'categoricalLossSingleUnit',
            data: { loss: display(loss.info), where: where(analysis, outputs), effect: effect(loss.info, outputs) },
            fix,
            suggest,
          });
        }
        // Custom training code: a categorical loss called on a 1-unit model's predictions.
        for (const call of analysis.lossCalls) {
          if (!isCategorical(call.loss) || reported.has(call.callee)) continue;
          const bugs = judge(
            analysis.tensorPossibilities(call.prediction),
            (t) => t.tensor?.origin === 'model-output' && t.output?.units === 1,
          );
          if (bugs.length === 0) continue;
          reported.add(call.callee);
          const outputs = bugs.map((b) => b.output!);
          context.report({
            node: call.callee,
            messageId: 'categoricalLossSingleUnit',
            data: { loss: display(call.loss), where: where(analysis, outputs), effect: effect(call.loss, outputs) },
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
function where(analysis: FileAnalysis, outputs: readonly OutputFact[]): string {
  const places = outputs.map((o) => {
    const node = o.unitsNode ?? o.unitsLayer?.call ?? o.layer.call;
    return `${analysis.where(node)}, \`${o.unitsLayer?.info.unitsKey ?? 'units'}: 1\``;
  });
  return [...new Set(places)].join('; ');
}

function effect(loss: LossInfo, outputs: readonly OutputFact[]): string {
  const kind = SINGLE_UNIT_EFFECT.get(loss.key) ?? 'zero-loss';
  const text = EFFECT[kind]!;
  return outputs.every((o) => o.activation === 'softmax') ? `${text} Its softmax also outputs a constant 1.` : text;
}

/** Two edits as one fix. */
function both(a: Fix, b: Fix): Fix {
  return (fixer) => [a(fixer), b(fixer)].flat();
}
