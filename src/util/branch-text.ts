/**
 * The branch a fact sits in, in words, for a report that holds on some paths only
 * ("in the `default` case on line 9", "when `kind` is not `'mse'`"): the user sees
 * which path the bug is on without rereading the code.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { contains, isExitingIf, programOf, unwrap } from '../analysis/ast.js';
import type { FileAnalysis } from '../analysis/index.js';
import type { Node } from '../analysis/values.js';

/** Conditions longer than this are named by their line, not their text. */
const MAX_CONDITION = 40;

/**
 * Does the arm `taken` of the condition `test` hold on every path of the report?
 * Undefined when the paths do not track that condition (a choice inside a loss wrapper).
 */
export type Holds = (test: Node, taken: boolean) => boolean | undefined;

/**
 * The innermost branch around `node` that the report's paths take (`holds`): an arm
 * of an `if` or `?:`, a `switch` case or a `catch` block. Undefined when there is
 * none, or when the branch also holds one of `around` (the compile call, the other
 * half of the pairing): it then chooses the whole pairing, not this half.
 */
export function branchText(
  analysis: FileAnalysis,
  node: Node,
  around: readonly Node[],
  holds: Holds,
): string | undefined {
  for (let child: Node = node, p = node.parent; p; child = p, p = p.parent) {
    let text: string | undefined;
    if ((p.type === 'IfStatement' || p.type === 'ConditionalExpression') && child !== p.test) {
      // A branch whose condition the paths do not fix (another setting) is not theirs to name.
      if (holds(p.test, child === p.consequent) === false) continue;
      text = conditionText(analysis, p.test, child === p.consequent);
    } else if (p.type === 'SwitchCase' && child !== p.test) {
      text = `in ${caseNames(analysis, p)}${lineText(analysis, p)}`;
    } else if (p.type === 'CatchClause' && child === p.body) {
      text = `in the \`catch\` block${lineText(analysis, p)}`;
    } else if (p.type === 'BlockStatement' && child.type === 'ReturnStatement' && exitingIfBefore(p, child, holds)) {
      // A `return` after `if (c) return …;` is the arm where `c` is false (one of the function's results).
      const before = exitingIfBefore(p, child, holds)!;
      text = conditionText(analysis, before.test, false);
    } else {
      continue;
    }
    const branch = p;
    return around.some((n) => contains(branch, n) && programOf(n) === programOf(branch)) ? undefined : text;
  }
  return undefined;
}

/** "when `kind` is not `'mse'`", "when `isClf` is false", ... for the arm `taken` of `test`. */
function conditionText(analysis: FileAnalysis, test: TSESTree.Expression, taken: boolean): string {
  const t = unwrap(test);
  if (t.type === 'UnaryExpression' && t.operator === '!') return conditionText(analysis, t.argument, !taken);
  const whole = oneLine(analysis, t);
  if (whole.length > MAX_CONDITION) return `when the condition${lineText(analysis, t)} is ${taken}`;
  if (t.type === 'BinaryExpression' && ['===', '==', '!==', '!='].includes(t.operator)) {
    const equal = t.operator.startsWith('=') === taken;
    const left = oneLine(analysis, t.left);
    return `when \`${left}\` is ${equal ? '' : 'not '}\`${oneLine(analysis, t.right)}\``;
  }
  return taken ? `when \`${whole}\`` : `when \`${whole}\` is false`;
}

function oneLine(analysis: FileAnalysis, node: Node): string {
  return analysis.sourceCode.getText(node).replace(/\s+/g, ' ');
}

/** " on line 9" (as the editor shows it), or the place in an imported module. */
function lineText(analysis: FileAnalysis, node: Node): string {
  const line = analysis.lineOf(node);
  return line === undefined ? ` in ${analysis.where(node)}` : ` on line ${line}`;
}

/**
 * The nearest `if` without `else` before `statement` in `block` that always leaves by
 * `return`/`throw` and whose false arm the paths take.
 */
function exitingIfBefore(
  block: TSESTree.BlockStatement,
  statement: Node,
  holds: Holds,
): TSESTree.IfStatement | undefined {
  const at = block.body.indexOf(statement as TSESTree.Statement);
  for (let i = at - 1; i >= 0; i--) {
    const st = block.body[i]!;
    if (isExitingIf(st) && holds(st.test, false) !== false) return st;
  }
  return undefined;
}

/** "`case \'a\'` or `case \'b\'`" for a case and the empty cases that fall through to it; "the `default` case". */
function caseNames(analysis: FileAnalysis, c: TSESTree.SwitchCase): string {
  const cases = (c.parent as TSESTree.SwitchStatement).cases;
  let first = cases.indexOf(c);
  while (first > 0 && cases[first - 1]!.consequent.length === 0) first--;
  const names = cases
    .slice(first, cases.indexOf(c) + 1)
    .map((x) => (x.test ? `\`case ${oneLine(analysis, x.test)}\`` : 'the `default` case'));
  return names.join(' or ');
}
