import type { TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, unwrap } from '../analysis/ast.js';
import { getAnalysis, type FileAnalysis, type OutputFact, type TensorPossibility } from '../analysis/index.js';
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
              op?.argumentNode && readByLogitsLossesOnly(analysis, op.node)
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

/**
 * Does the value of `node` reach only the predictions of logits losses? Followed
 * through the arms of a `?:`, a `const` that holds it, and a function that returns
 * it (a `const toProbs = (z) => tf.softmax(z)`) to each of its calls; anything else
 * (another reader, an export, an unknown use) is a reader that may want probabilities.
 */
function readByLogitsLossesOnly(analysis: FileAnalysis, node: Node, depth = 0): boolean {
  if (depth > 3) return false;
  let n = node;
  let p = n.parent;
  while (
    p &&
    ((p.type === 'ConditionalExpression' && p.test !== n) ||
      (p.type === 'LogicalExpression' && p.right === n) ||
      p.type === 'TSAsExpression' ||
      p.type === 'TSNonNullExpression')
  ) {
    n = p;
    p = n.parent;
  }
  if (!p) return false;
  if (p.type === 'CallExpression') {
    const loss = analysis.lossCalls.find((c) => c.call === p);
    return !!loss && loss.loss.input === 'logits' && p.arguments[1] === n;
  }
  if (p.type === 'VariableDeclarator' && p.init === n) return holderReadByLogitsLosses(analysis, p, depth);
  const fn =
    p.type === 'ReturnStatement'
      ? enclosingFunction(p)
      : p.type === 'ArrowFunctionExpression' && p.body === n
        ? p
        : undefined;
  if (!fn) return false;
  const holder =
    fn.type === 'FunctionDeclaration'
      ? fn
      : fn.parent?.type === 'VariableDeclarator' && fn.parent.init === fn
        ? fn.parent
        : undefined;
  const id = holder?.id;
  const variable = id?.type === 'Identifier' ? analysis.variableOf(id) : undefined;
  return (
    !!variable &&
    variable.references.every((r) => {
      if (r.init) return true;
      const call = r.identifier.parent;
      return (
        call?.type === 'CallExpression' &&
        call.callee === r.identifier &&
        readByLogitsLossesOnly(analysis, call, depth + 1)
      );
    })
  );
}

/** Every read of a `const` holding the value reaches only logits losses' predictions. */
function holderReadByLogitsLosses(analysis: FileAnalysis, decl: TSESTree.VariableDeclarator, depth: number): boolean {
  if (decl.id.type !== 'Identifier' || decl.parent?.type !== 'VariableDeclaration' || decl.parent.kind !== 'const')
    return false;
  const variable = analysis.variableOf(decl.id);
  return (
    !!variable && variable.references.every((r) => r.init || readByLogitsLossesOnly(analysis, r.identifier, depth + 1))
  );
}
