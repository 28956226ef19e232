import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { contains, isFunctionNode, staticMemberName, unwrap, walk } from '../analysis/ast.js';
import { getAnalysis, makesTensor, tensorLeaks, type FileAnalysis, type TensorLeak } from '../analysis/index.js';
import type { Node } from '../analysis/values.js';
import { ASYNC_PLAIN_METHODS, ASYNC_PLAIN_OPS, PLAIN_METHODS } from '../knowledge/tensor-ops.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'leak' | 'wrapInTidy' | 'disposeAfterUse';

/** Globals whose methods make no tensor and keep none (a `tf.tidy` around them changes nothing). */
const SAFE_GLOBALS: ReadonlySet<string> = new Set(['Math', 'console', 'Array', 'Object', 'JSON', 'Number', 'String']);

export default createRule<[], MessageIds>({
  name: 'no-leaked-tensor',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow tensors made in loops, animation frames, timers, event handlers and training callbacks that are never disposed',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      leak: 'Never disposed: {{list}} {{make}} {{count}} {{tensors}} that {{leak}} {{frequency}}{{via}}; TF.js does not free tensor memory by itself.',
      wrapInTidy: 'Compute this inside `{{tidy}}(() => ...)`, which disposes the tensors made on the way.',
      disposeAfterUse: 'Dispose {{names}} after {{its}} last use.',
    },
  },
  create(context) {
    return {
      'Program:exit'() {
        const analysis = getAnalysis(context);
        if (!analysis) return;
        const leaks = tensorLeaks(analysis);
        if (leaks.length === 0) return;
        const byStatement = new Map<TSESTree.Statement | TSESTree.Expression, TensorLeak[]>();
        for (const leak of leaks) {
          const list = byStatement.get(leak.statement);
          if (list) list.push(leak);
          else byStatement.set(leak.statement, [leak]);
        }
        for (const [statement, group] of byStatement) report(context, analysis, leaks, statement, group);
      },
    };
  },
});

function report(
  context: Readonly<TSESLint.RuleContext<MessageIds, []>>,
  analysis: FileAnalysis,
  all: readonly TensorLeak[],
  statement: TSESTree.Statement | TSESTree.Expression,
  group: readonly TensorLeak[],
): void {
  const first = group[0];
  if (!first) return;
  const at = group.reduce((a, b) => (b.call.range[1] - b.call.range[0] > a.call.range[1] - a.call.range[0] ? b : a));
  const n = group.length;
  const via = first.context.via;
  const ordered = [...group].sort((a, b) => a.call.range[1] - b.call.range[1]);
  const items = ordered.map((l) =>
    l.how === 'dropped'
      ? `\`${l.label}\``
      : l.how === 'variable'
        ? `\`${l.label}\` (in \`${l.variable?.name}\`)`
        : `\`${l.label}\` (in \`${l.variable?.name}\`, overwritten first)`,
  );
  const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
  const tidy = tidySuggestion(analysis, all, statement, group);
  if (tidy) suggest.push(tidy);
  const dispose = disposeSuggestion(analysis, group);
  if (dispose) suggest.push(dispose);
  context.report({
    node: at.call,
    messageId: 'leak',
    data: {
      list: listText(items),
      make: n === 1 ? 'makes' : 'make',
      count: `${group.some((l) => l.conditional) ? 'up to ' : ''}${n}`,
      tensors: n === 1 ? 'tensor' : 'tensors',
      leak: n === 1 ? 'leaks' : 'leak',
      frequency: first.context.frequency,
      // Lines as the editor shows them: an HTML page's or a Markdown file's, not the script's or block's.
      via:
        via && analysis.lineOf(via) !== analysis.lineOf(at.call) ? ` (through the call on ${analysis.where(via)})` : '',
    },
    suggest,
  });
}

function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  const shown = items.length > 4 ? [...items.slice(0, 3), `${items.length - 3} more`] : items;
  return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

/**
 * `const v = expr;` -> `const v = tf.tidy(() => expr);` and `expr;` ->
 * `tf.tidy(() => { expr; });`, when the statement's leaks are all unnamed
 * intermediates (a tidy keeps what it returns, so a named leak would stay), every
 * tensor made in it either leaks or is the declared value, and nothing in it
 * awaits, reads a tensor asynchronously, or calls code that could keep a tensor.
 */
function tidySuggestion(
  analysis: FileAnalysis,
  all: readonly TensorLeak[],
  statement: TSESTree.Statement | TSESTree.Expression,
  group: readonly TensorLeak[],
): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
  let expr: Node;
  let kept: Node | undefined;
  if (statement.parent?.type === 'ArrowFunctionExpression' && statement.parent.body === statement) {
    expr = statement;
    kept = unwrap(statement);
  } else if (statement.type === 'VariableDeclaration') {
    const d = statement.declarations[0];
    if (statement.declarations.length !== 1 || !d?.init || d.id.type !== 'Identifier') return undefined;
    expr = d.init;
    kept = unwrap(d.init);
  } else if (statement.type === 'ExpressionStatement') {
    expr = statement.expression;
    if (expr.type === 'AssignmentExpression') return undefined;
  } else {
    return undefined;
  }
  // A tidy keeps what it returns: only the tensors made on the way are freed.
  if (!group.some((l) => l.call !== kept) || group.some((l) => l.how !== 'dropped' && l.call !== kept))
    return undefined;
  const tidy = analysis.tfExpression(['tidy'], statement);
  if (!tidy) return undefined;
  const sc = analysis.sourceCode;
  if (sc.getCommentsInside(expr).length > 0) return undefined;
  const leaking = new Set(all.map((l) => l.call as Node));
  let safe = true;
  walk(sc, expr, (node) => {
    if (!safe) return false;
    if (node.type === 'AwaitExpression' || node.type === 'YieldExpression' || isFunctionNode(node)) {
      safe = false;
      return false;
    }
    if (node.type === 'NewExpression') safe = false;
    else if (node.type === 'CallExpression' && !leaking.has(node) && !isPlainCall(analysis, node))
      safe = node === kept && makesTensor(analysis, node);
    return safe;
  });
  if (!safe) return undefined;
  const text = sc.getText(expr);
  const body = unwrap(expr).type === 'ObjectExpression' ? `(${text})` : text;
  const replacement = kept
    ? `${tidy}(() => ${body})`
    : `${tidy}(() => {\n${indentOf(sc, statement)}  ${text};\n${indentOf(sc, statement)}})`;
  return {
    messageId: 'wrapInTidy',
    data: { tidy },
    fix: (fixer) => fixer.replaceText(expr, replacement),
  };
}

/** A call that makes no tensor and keeps none: a synchronous read of a tensor, or a method of a safe global. */
function isPlainCall(analysis: FileAnalysis, call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  const v = analysis.valueOf(callee);
  if (v.kind === 'tf') {
    const path = v.path.join('.');
    return !ASYNC_PLAIN_OPS.has(path) && (path === 'print' || path.startsWith('util.'));
  }
  if (callee.type !== 'MemberExpression') return false;
  const name = staticMemberName(callee);
  if (name === undefined) return false;
  const object = unwrap(callee.object);
  if (object.type === 'Identifier' && SAFE_GLOBALS.has(object.name)) {
    const variable = analysis.variableOf(object);
    return !variable || variable.defs.length === 0;
  }
  return PLAIN_METHODS.has(name) && !ASYNC_PLAIN_METHODS.has(name);
}

/**
 * `name.dispose();` after the statement that last uses each named leak, in the
 * block that declares it, when nothing between the declaration and there leaves
 * the block (`return`, `break`, `continue`, `throw`) and no use reads the tensor
 * asynchronously without awaiting it.
 */
function disposeSuggestion(
  analysis: FileAnalysis,
  group: readonly TensorLeak[],
): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
  const named = group.filter((l) => l.how === 'variable');
  if (named.length === 0) return undefined;
  const sc = analysis.sourceCode;
  const edits: { after: Node; text: string }[] = [];
  for (const leak of named) {
    const variable = leak.variable;
    const decl = variable?.defs[0]?.parent;
    const block = decl?.parent;
    if (!variable || !decl || decl !== leak.statement || block?.type !== 'BlockStatement') return undefined;
    let last: Node = decl;
    for (const ref of variable.references) {
      const id = ref.identifier as Node;
      if (ref.isWrite()) continue;
      if (readsLater(analysis, id)) return undefined;
      if (id.range[1] > last.range[1]) last = id;
    }
    const after = block.body.find((s) => contains(s, last));
    if (!after || after.type === 'ReturnStatement') return undefined;
    const from = block.body.indexOf(decl);
    const to = block.body.indexOf(after);
    if (block.body.slice(from, to + 1).some((s) => leavesBlock(sc, s))) return undefined;
    edits.push({ after, text: `\n${indentOf(sc, after)}${variable.name}.dispose();` });
  }
  const names = named.map((l) => `\`${l.variable?.name}\``);
  return {
    messageId: 'disposeAfterUse',
    data: { names: listText(names), its: names.length === 1 ? 'its' : 'their' },
    fix: (fixer) => edits.map((e) => fixer.insertTextAfter(e.after, e.text)),
  };
}

/** Is the identifier read asynchronously (`t.data()`, `tf.browser.toPixels(t, c)`) without an `await` right there? */
function readsLater(analysis: FileAnalysis, id: Node): boolean {
  const p = id.parent;
  let call: Node | undefined;
  if (p?.type === 'MemberExpression' && p.object === id) {
    const name = staticMemberName(p);
    if (!name || !ASYNC_PLAIN_METHODS.has(name)) return false;
    call = p.parent;
  } else if (p?.type === 'CallExpression' && p.arguments.includes(id as never)) {
    const v = analysis.valueOf(p.callee);
    if (v.kind !== 'tf' || !ASYNC_PLAIN_OPS.has(v.path.join('.'))) return false;
    call = p;
  } else {
    return false;
  }
  return !(call?.type === 'CallExpression' && call.parent?.type === 'AwaitExpression');
}

/** Does the statement contain a `return`, `break`, `continue` or `throw` (outside nested functions)? */
function leavesBlock(sc: Readonly<TSESLint.SourceCode>, statement: Node): boolean {
  let found = false;
  walk(sc, statement, (node) => {
    if (found || isFunctionNode(node)) return false;
    if (
      node.type === 'ReturnStatement' ||
      node.type === 'BreakStatement' ||
      node.type === 'ContinueStatement' ||
      node.type === 'ThrowStatement'
    )
      found = true;
    return !found;
  });
  return found;
}

function indentOf(sc: Readonly<TSESLint.SourceCode>, node: Node): string {
  const line = sc.lines[node.loc.start.line - 1] ?? '';
  return /^\s*/.exec(line)![0];
}
