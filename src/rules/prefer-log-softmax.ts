import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../analysis/ast.js';
import { possibilities } from '../analysis/guards.js';
import { getAnalysis, type FileAnalysis } from '../analysis/index.js';
import { UNKNOWN, type Node, type TensorValue, type Value } from '../analysis/values.js';
import { createRule } from '../util/create-rule.js';
import { meansSameAt, replaceAround } from '../util/fixes.js';
import { judgeOnPaths } from '../util/judge-paths.js';
import { elsewhere, unique } from '../util/message-text.js';
import { reportGraded, trainingEdit } from '../util/report-graded.js';

type MessageIds = 'preferLogSoftmax' | 'useStableOp';

/** The activation ops whose log has a stable fused op, and that op. */
const STABLE_LOG: Readonly<Record<string, string | undefined>> = {
  softmax: 'logSoftmax',
  sigmoid: 'logSigmoid',
};

export default createRule<[], MessageIds>({
  name: 'prefer-log-softmax',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Prefer `tf.logSoftmax` / `tf.logSigmoid` to `tf.log` of a softmax or sigmoid, which underflows to -Infinity on large logits',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      preferLogSoftmax:
        'This takes the log of a {{activation}}{{where}}: for large logits the {{activation}} rounds to 0 in float32, so the log is -Infinity (and its gradient NaN). {{replacement}} computes the same value without underflow.',
      useStableOp: 'Replace with `{{text}}`.',
    },
  },
  create(context) {
    return {
      'Program:exit'() {
        const analysis = getAnalysis(context);
        if (!analysis) return;
        for (const log of analysis.activationOps) {
          if (log.op !== 'log') continue;
          // The log is one op: an activation it may take (chosen by a condition) is a bug on that path.
          const args = possibilities(log.argument ?? UNKNOWN);
          const bugs = judgeOnPaths(
            args,
            (p) => isStableLogCandidate(p.value),
            (p) => [p, log],
          );
          const inner = bugs.map((p) => p.value).filter(isStableLogCandidate);
          if (inner.length === 0) continue;
          // Edits only when every path is a bug: the others read the same log.
          const certain = bugs.length === args.length;
          const activations = unique(inner.map((t) => t.op));
          const act = inner.length === 1 && certain ? inner[0] : undefined;
          const text = act && stableText(analysis, act, log.node);
          const direct = !!act && !!log.argumentNode && unwrap(log.argumentNode) === act.node;
          const edit = (inner: Node) =>
            text === undefined ? null : replaceAround(analysis.sourceCode, log.node, inner, text);
          reportGraded(context, {
            node: log.node,
            messageId: 'preferLogSoftmax',
            data: {
              activation: activations.join(' or '),
              replacement: activations.map((a) => `\`tf.${STABLE_LOG[a]}\``).join(' or '),
              where: elsewhere(
                analysis,
                log.node,
                inner.map((t) => t.node),
              ),
            },
            unique: true,
            fix: trainingEdit({
              messageId: 'useStableOp',
              fix: direct ? edit(act.node) : null,
              data: { text: text ?? '' },
            }),
            // `const p = tf.softmax(z); tf.log(p)`: `p` may be read elsewhere, so a suggestion.
            suggest: [
              trainingEdit({
                messageId: 'useStableOp',
                fix: !direct && act && viaLocalConstant(analysis, log, act) ? edit(log.node) : null,
                data: { text: text ?? '' },
              }),
            ],
          });
        }
      },
    };
  },
});

function isStableLogCandidate(v: Value): v is TensorValue & { op: keyof typeof STABLE_LOG } {
  return v.kind === 'tensor' && v.origin === 'activation-op' && v.op !== undefined && v.op in STABLE_LOG;
}

/**
 * The fused op written in the form of the activation call: `tf.softmax(x, 1)` ->
 * `tf.logSoftmax(x, 1)`, `x.sigmoid()` -> `x.logSigmoid()`; for a named import
 * (`softmax(x)`) through the TF.js namespace in scope at `at`, if there is one.
 */
function stableText(analysis: FileAnalysis, act: TensorValue, at: Node): string | undefined {
  const call = unwrap(act.node);
  if (call.type !== 'CallExpression') return undefined;
  const stable = STABLE_LOG[act.op ?? ''];
  if (stable === undefined) return undefined;
  const text = analysis.sourceCode.text;
  const callee = unwrap(call.callee);
  if (callee.type === 'MemberExpression') {
    if (callee.computed || callee.property.type !== 'Identifier') return undefined;
    const p = callee.property;
    return text.slice(call.range[0], p.range[0]) + stable + text.slice(p.range[1], call.range[1]);
  }
  if (callee.type === 'Identifier' && callee === call.callee) {
    const fn = analysis.tfExpression([stable], at);
    return fn === undefined ? undefined : `${fn}${text.slice(callee.range[1], call.range[1])}`;
  }
  return undefined;
}

/**
 * `const p = tf.softmax(z); ... tf.log(p)`: the log's argument names a constant
 * initialised with the activation call, and everything the call reads means the
 * same at the log (same variables, none reassigned, no `this`, no functions), so
 * the call can be rewritten at the log. A suggestion only: `p` may be used elsewhere.
 */
function viaLocalConstant(analysis: FileAnalysis, log: TensorValue, act: TensorValue): boolean {
  const arg = log.argumentNode && unwrap(log.argumentNode);
  if (!arg || arg.type !== 'Identifier') return false;
  const sc = analysis.sourceCode;
  const variable = analysis.variableOf(arg);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || def?.type !== 'Variable') return false;
  const decl = def.node as TSESTree.VariableDeclarator;
  if (decl.id.type !== 'Identifier' || !decl.init || unwrap(decl.init) !== act.node) return false;
  if (variable.references.some((r) => r.isWrite() && !r.init)) return false;
  return meansSameAt(sc, act.node, log.node);
}
