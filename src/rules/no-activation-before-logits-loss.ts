import type { TSESLint } from '@typescript-eslint/utils';
import { unwrap } from '../analysis/ast.js';
import {
  getAnalysis,
  judge,
  type FileAnalysis,
  type OutputLossPair,
  type TensorPossibility,
} from '../analysis/index.js';
import type { Node } from '../analysis/values.js';
import { createRule } from '../util/create-rule.js';
import { isSingleUnitCategorical } from '../util/single-unit.js';
import {
  linesOf,
  removeOutputActivation,
  replaceNode,
  reportNode,
  stringLiteral,
  unwrapTo,
  type Fix,
} from '../util/fixes.js';
import { byPlace, placeOutputBugs } from '../util/places.js';

type MessageIds = 'activationBeforeLogitsLoss' | 'useProbabilityLoss' | 'removeActivation' | 'passLogits';

/** Activations whose output is a probability, and the probability loss that matches each. */
const PROBABILITY_LOSS: Readonly<Record<string, string>> = {
  softmax: 'categoricalCrossentropy',
  sigmoid: 'binaryCrossentropy',
};

const isProbability = (activation: string | undefined): activation is 'softmax' | 'sigmoid' =>
  activation === 'softmax' || activation === 'sigmoid';

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
        'The {{activation}} output ({{activationWhere}}) is fed to {{loss}} ({{lossWhere}}), which expects logits and applies {{fused}} itself: training optimizes {{fused}}({{activation}}(logits)), whose loss cannot reach its minimum, and nothing errors. Feed the loss raw logits, or use a loss that takes probabilities.',
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
        const reported = new Set<Node>();
        // The outputs of an imported model that one loss of this file gets wrong: one report there.
        for (const { at, nodes, group, first: placement } of byPlace(
          placeOutputBugs(analysis, isCompileBug),
          (p) => p.extra.site,
        )) {
          if (reported.has(at)) continue;
          reported.add(at);
          const first = group[0]!;
          const output = first.output!;
          const loss = first.loss!;
          const activation = output.activation as 'softmax' | 'sigmoid';
          const sameActivation = group.every(
            (b) =>
              b.output!.activation === activation &&
              b.output!.activationLiteral === output.activationLiteral &&
              b.output!.layer === output.layer,
          );
          const sameLoss = group.every((b) => b.loss!.node === loss.node);
          const matching = loss.info.fusedActivation === activation;
          const replacement = PROBABILITY_LOSS[activation]!;
          // The loss's replacement depends on the activation only (not on which layer).
          const lossFix =
            group.every((b) => b.output!.activation === activation) && sameLoss && loss.via === 'direct' && loss.local
              ? replaceNode(analysis.sourceCode, loss.node, stringLiteral(analysis.sourceCode, replacement, loss.node))
              : null;
          // (`alone`: no other group is reported at this place.)
          const alone = group.length === placement.group.length;
          const certain = alone && placement.extra.bugs === 1 && placement.extra.outputs === 1 && matching;
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
          if (lossFix && !certain) {
            suggest.push({ messageId: 'useProbabilityLoss', data: { replacement, activation }, fix: lossFix });
          }
          const removal = sameActivation ? removeOutputActivation(analysis, output) : null;
          if (removal) suggest.push({ messageId: 'removeActivation', data: { activation }, fix: removal });
          const data = describe(
            analysis,
            unique(group.map((b) => b.output!.activation!)),
            nodes,
            unique(group.map((b) => b.loss!.info.display)),
            unique(group.map((b) => b.loss!.info.fusedActivation!)),
            loss.node,
          );
          context.report({
            node: at,
            messageId: 'activationBeforeLogitsLoss',
            data,
            fix: certain && lossFix ? lossFix : null,
            suggest,
          });
        }
        for (const call of analysis.lossCalls) {
          if (call.loss.input !== 'logits') continue;
          const ps = analysis.tensorPossibilities(call.prediction);
          const bugs = judge(ps, (t) => isProbability(activationOf(t)));
          for (const bug of bugs) {
            const activation = activationOf(bug) as 'softmax' | 'sigmoid';
            const node = bug.tensor!.origin === 'activation-op' ? bug.tensor!.node : bug.output!.activationNode;
            const at = reportNode(analysis, node, call.callee);
            if (!at || reported.has(at)) continue;
            reported.add(at);
            const matching = call.loss.fusedActivation === activation;
            const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
            let fix: Fix | null = null;
            if (bug.tensor!.origin === 'activation-op') {
              const op = bug.tensor!;
              const removal = op.argumentNode ? unwrapTo(analysis.sourceCode, op.node, op.argumentNode) : null;
              const direct = bugs.length === 1 && isArgumentOf(op.node, call.call, 1);
              if (removal && direct && matching) fix = removal;
              else if (removal) suggest.push({ messageId: 'passLogits', data: { activation }, fix: removal });
            } else {
              const removal = removeOutputActivation(analysis, bug.output!);
              if (removal) suggest.push({ messageId: 'removeActivation', data: { activation }, fix: removal });
            }
            context.report({
              node: at,
              messageId: 'activationBeforeLogitsLoss',
              data: describe(
                analysis,
                [activation],
                [node],
                [call.loss.display],
                [call.loss.fusedActivation!],
                call.callee,
              ),
              fix,
              suggest,
            });
          }
        }
      },
    };
  },
});

/**
 * A softmax/sigmoid output into a loss that takes logits. A 1-unit output with a
 * categorical loss (`softmaxCrossEntropy` on one unit) is `no-categorical-loss-single-unit`'s:
 * its fix (a sigmoid unit and `'binaryCrossentropy'`) is the one that helps there.
 */
function isCompileBug(p: OutputLossPair): boolean {
  return (
    !!p.output &&
    !!p.loss &&
    p.loss.info.input === 'logits' &&
    isProbability(p.output.activation) &&
    !isSingleUnitCategorical(p)
  );
}

function activationOf(t: TensorPossibility): string | undefined {
  if (!t.tensor) return undefined;
  if (t.tensor.origin === 'activation-op') return t.tensor.op;
  if (t.tensor.origin === 'model-output') return t.output?.activation;
  return undefined;
}

/** Is `node` (through TS wrappers) the argument at `index` of `call`? */
function isArgumentOf(node: Node, call: { arguments: readonly Node[] }, index: number): boolean {
  const arg = call.arguments[index];
  return !!arg && unwrap(arg) === node;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function describe(
  analysis: FileAnalysis,
  activations: string[],
  activationNodes: readonly Node[],
  losses: string[],
  fused: string[],
  lossNode: Node,
): Record<string, string> {
  return {
    activation: activations.join(' or '),
    activationWhere:
      activationNodes.length === 1 ? analysis.where(activationNodes[0]!) : linesOf(activationNodes, analysis),
    loss: losses.map((l) => `\`${l}\``).join(' or '),
    lossWhere: analysis.where(lossNode),
    fused: fused.join(' or '),
  };
}
