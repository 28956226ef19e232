/**
 * Edits shared by the rules. Each returns null when the edit is not safe (it would
 * drop a comment, or the code is not in the expected shape); the caller then
 * offers nothing rather than something wrong.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { partitionPoint, programOf, resolveName, unwrap, walk } from '../analysis/ast.js';
import type { ActivationFact, FileAnalysis, OutputFact } from '../analysis/index.js';
import type { LayerFact, Node } from '../analysis/values.js';
import type { KnownPair } from './judge-paths.js';

export type Fix = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix | TSESLint.RuleFix[];

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * Is `node` in the file being linted? Facts can come from imported modules
 * (cross-file analysis); a fix may only ever edit the linted file.
 */
export function isInFile(sourceCode: SourceCode, node: Node): boolean {
  return programOf(node) === sourceCode.ast;
}

/**
 * The comments inside `node`, as `sourceCode.getCommentsInside(node)` gives them,
 * found by a binary search of the file's sorted comments instead of a walk over
 * every token of `node` (a fix is built for every report, most without comments).
 */
export function commentsInside(sourceCode: SourceCode, node: Node): TSESTree.Comment[] {
  const comments = sourceCode.getAllComments();
  const end = node.range[1];
  const found: TSESTree.Comment[] = [];
  for (
    let i = partitionPoint(comments, (c) => c.range[0] < node.range[0]);
    i < comments.length && comments[i]!.range[1] <= end;
    i++
  )
    found.push(comments[i]!);
  return found;
}

/** The first string token inside `node` (the same binary search, over the file's tokens). */
function firstStringToken(sourceCode: SourceCode, node: Node): TSESTree.Token | undefined {
  const tokens = sourceCode.ast.tokens;
  const end = node.range[1];
  for (
    let i = partitionPoint(tokens, (t) => t.range[0] < node.range[0]);
    i < tokens.length && tokens[i]!.range[1] <= end;
    i++
  ) {
    if (tokens[i]!.type === 'String') return tokens[i];
  }
  return undefined;
}

/** Replace `node` with `text`, unless that would delete a comment inside it. */
export function replaceNode(sourceCode: SourceCode, node: Node, text: string): Fix | null {
  if (!isInFile(sourceCode, node)) return null;
  if (commentsInside(sourceCode, node).length > 0) return null;
  return (fixer) => fixer.replaceText(node, text);
}

/** Replace `outer` with the text of `inner` (inside it), unless a comment outside `inner` would be lost. */
export function unwrapTo(sourceCode: SourceCode, outer: Node, inner: Node): Fix | null {
  if (!isInFile(sourceCode, outer)) return null;
  const lost = commentsInside(sourceCode, outer).filter(
    (c) => c.range[0] < inner.range[0] || c.range[1] > inner.range[1],
  );
  if (lost.length > 0) return null;
  let text = sourceCode.getText(inner);
  if (needsParens(inner, outer)) text = `(${text})`;
  return (fixer) => fixer.replaceText(outer, text);
}

/** Would `inner`, put where `outer` stands, need parentheses? (Conservative.) */
function needsParens(inner: Node, outer: Node): boolean {
  const i = unwrap(inner);
  const simple =
    i.type === 'Identifier' ||
    i.type === 'MemberExpression' ||
    i.type === 'CallExpression' ||
    i.type === 'Literal' ||
    i.type === 'ThisExpression' ||
    i.type === 'ArrayExpression' ||
    i.type === 'ObjectExpression' ||
    i.type === 'TemplateLiteral';
  if (simple && i === inner) return false;
  const p = outer.parent;
  // As an argument or an initializer anything but a sequence is fine.
  if (p && (p.type === 'CallExpression' || p.type === 'NewExpression') && p.callee !== outer) {
    return i.type === 'SequenceExpression';
  }
  if (p && p.type === 'VariableDeclarator' && p.init === outer) return i.type === 'SequenceExpression';
  return true;
}

/**
 * A string literal in the file's quote style near `like`: the quote of `like`
 * itself when it is a string, else of the first string in its statement, else '.
 */
export function stringLiteral(sourceCode: SourceCode, value: string, like?: Node): string {
  let quote = "'";
  if (like) {
    let scope: Node = like;
    while (scope.parent && !/Statement|Declaration$/.test(scope.type)) scope = scope.parent;
    const first =
      like.type === 'Literal' ? sourceCode.text[like.range[0]] : firstStringToken(sourceCode, scope)?.value[0];
    if (first === '"') quote = '"';
  }
  return `${quote}${value}${quote}`;
}

/** Is `literal` written right as the value of `property` (so editing it changes nothing else)? */
export function isOwnLiteral(literal: Node | undefined, property: TSESTree.Property | undefined): boolean {
  return !!literal && !!property && unwrap(property.value) === literal;
}

/**
 * Is `property` written in the config object literal of `layer`'s own call? Then
 * editing its value changes that layer and nothing else (a config object held in a
 * variable may be shared by several layers).
 */
export function isLayerOwnProperty(layer: LayerFact, property: TSESTree.Property | undefined): boolean {
  // A loop turn's layer: the config literal in the loop body makes every turn's layer.
  if (layer.inLoopTurn) return false;
  return !!property && !!layer.configNode && property.parent === layer.configNode;
}

/**
 * Remove the output activation so the model emits logits: set a layer's own
 * `activation` literal to `'linear'`, or remove an activation-only layer that is
 * added by its own statement, listed in a `layers` array, or applied in a
 * functional chain.
 */
export function removeOutputActivation(analysis: FileAnalysis, output: OutputFact): Fix | null {
  const sc = analysis.sourceCode;
  if (output.layer.inLoopTurn) return null; // the call makes every turn's layer, not only the output
  if (output.activationOrigin === 'config') {
    // Only the layer's own literal in its own config (not a config object shared by layers).
    if (!isOwnLiteral(output.activationLiteral, output.activationProperty)) return null;
    if (!isLayerOwnProperty(output.layer, output.activationProperty)) return null;
    return replaceNode(sc, output.activationLiteral!, stringLiteral(sc, 'linear', output.activationLiteral));
  }
  if (output.activationOrigin !== 'layer' && !(output.layer.info.role === 'activation')) return null;
  return removeLayerCall(sc, output.layer.call);
}

/** Remove an activation-only layer call from where it stands. */
export function removeLayerCall(sc: SourceCode, call: TSESTree.CallExpression): Fix | null {
  if (!isInFile(sc, call)) return null;
  let node: Node = call;
  while (node.parent && (node.parent.type === 'TSAsExpression' || node.parent.type === 'TSNonNullExpression'))
    node = node.parent;
  const p = node.parent;
  if (!p) return null;
  // model.add(tf.layers.softmax());
  if (
    p.type === 'CallExpression' &&
    p.arguments.length === 1 &&
    p.arguments[0] === node &&
    p.parent?.type === 'ExpressionStatement'
  ) {
    const stmt = p.parent;
    if (commentsInside(sc, stmt).length > 0) return null;
    return (fixer) => fixer.remove(stmt);
  }
  // layers: [..., tf.layers.softmax()]
  if (p.type === 'ArrayExpression') return removeArrayElement(sc, p, node);
  // tf.layers.softmax().apply(h)
  if (
    p.type === 'MemberExpression' &&
    p.object === node &&
    p.parent?.type === 'CallExpression' &&
    p.parent.callee === p &&
    p.parent.arguments.length === 1 &&
    p.parent.arguments[0]!.type !== 'SpreadElement'
  ) {
    return unwrapTo(sc, p.parent, p.parent.arguments[0]!);
  }
  return null;
}

/** Remove one element of an array literal with its separating comma. */
export function removeArrayElement(sc: SourceCode, array: TSESTree.ArrayExpression, element: Node): Fix | null {
  if (!isInFile(sc, array)) return null;
  const i = array.elements.indexOf(element as TSESTree.Expression);
  if (i < 0) return null;
  if (commentsInside(sc, element).length > 0) return null;
  const next = array.elements[i + 1];
  const prev = array.elements[i - 1];
  if (next) {
    const range: [number, number] = [element.range[0], next.range[0]];
    if (commentsInside(sc, array).some((c) => c.range[0] >= range[0] && c.range[1] <= range[1])) return null;
    return (fixer) => fixer.removeRange(range);
  }
  if (prev) {
    const range: [number, number] = [prev.range[1], element.range[1]];
    if (commentsInside(sc, array).some((c) => c.range[0] >= range[0] && c.range[1] <= range[1])) return null;
    return (fixer) => fixer.removeRange(range);
  }
  return (fixer) => fixer.remove(element);
}

/** 1-based line of a node, for messages. */
export function lineOf(node: Node): number {
  return node.loc.start.line;
}

/**
 * Add a property (`text`, e.g. `activation: 'softmax'`) at the end of an object
 * literal, in its layout: on its own line with the others' indentation and comma
 * style when the object spans lines, else after the last property. Null when a
 * comment would end up in the wrong place or the layout is unclear.
 */
export function addProperty(sc: SourceCode, object: TSESTree.ObjectExpression, text: string): Fix | null {
  if (!isInFile(sc, object)) return null;
  const props = object.properties;
  const last = props[props.length - 1];
  if (!last) {
    if (commentsInside(sc, object).length > 0) return null;
    return (fixer) => fixer.replaceText(object, `{${text}}`);
  }
  const closing = sc.getLastToken(object);
  const after = sc.getTokenAfter(last);
  if (!closing || !after) return null;
  const comma = after.value === ',' ? after : undefined;
  if (last.loc.end.line === closing.loc.start.line) {
    // One line (or the brace right after the last property): `{a: 1}` -> `{a: 1, text}`.
    if (comma) return (fixer) => fixer.insertTextAfter(comma, ` ${text},`);
    return (fixer) => fixer.insertTextAfter(last, `, ${text}`);
  }
  // The last property starts its own line: reuse its indentation.
  const line = sc.lines[last.loc.start.line - 1] ?? '';
  const indent = line.slice(0, last.loc.start.column);
  if (!/^\s*$/.test(indent)) return null;
  const anchor = comma ?? last;
  const trailing = sc.getCommentsAfter(anchor).filter((c) => c.loc.start.line === anchor.loc.end.line);
  const end = trailing.length > 0 ? trailing[trailing.length - 1]!.range[1] : anchor.range[1];
  if (trailing.some((c) => c.loc.end.line !== anchor.loc.end.line)) return null;
  const insertion = `\n${indent}${text}${comma ? ',' : ''}`;
  return (fixer) =>
    comma
      ? [fixer.insertTextAfterRange([end, end], insertion)]
      : [fixer.insertTextAfter(last, ','), fixer.insertTextAfterRange([end, end], insertion)];
}

/**
 * Make a layer apply `activation`: replace its own `activation` literal, add an
 * `activation` property to its inline config when it has none, or turn a config-less
 * `tf.layers.softmax()` into `tf.layers.activation({activation})`. Null otherwise
 * (an activation in a shared constant, a config built elsewhere ...).
 */
export function setLayerActivation(
  sc: SourceCode,
  fact: ActivationFact & { readonly layer: LayerFact },
  activation: string,
): Fix | null {
  // The layer may be built in an imported module: fixes only ever edit the linted file.
  if (!isInFile(sc, fact.layer.call)) return null;
  const layer = fact.layer;
  if (layer.inLoopTurn) return null; // the call makes every turn's layer, not only this one
  if (fact.activationOrigin === 'config') {
    if (!isOwnLiteral(fact.activationLiteral, fact.activationProperty)) return null;
    if (!isLayerOwnProperty(layer, fact.activationProperty)) return null;
    return replaceNode(sc, fact.activationLiteral!, stringLiteral(sc, activation, fact.activationLiteral));
  }
  if (fact.activationOrigin === 'default') {
    const config = layer.configNode;
    if (!config || layer.call.arguments.length !== 1 || unwrap(layer.call.arguments[0]!) !== config) return null;
    const hasKey = config.properties.some(
      (p) =>
        p.type === 'SpreadElement' ||
        p.computed ||
        (p.key.type === 'Identifier' ? p.key.name : p.key.type === 'Literal' ? String(p.key.value) : '') ===
          'activation',
    );
    if (hasKey) return null;
    return addProperty(sc, config, `activation: ${stringLiteral(sc, activation, config)}`);
  }
  // A fixed-activation layer (softmax, reLU, leakyReLU ...): rewritten only when it has no config.
  const callee = unwrap(layer.call.callee);
  if (
    !layer.info.fixedActivation ||
    layer.call.arguments.length > 0 ||
    callee.type !== 'MemberExpression' ||
    callee.computed
  )
    return null;
  if (commentsInside(sc, layer.call).length > 0) return null;
  const object = sc.getText(callee.object);
  return (fixer) =>
    fixer.replaceText(layer.call, `${object}.activation({activation: ${stringLiteral(sc, activation, layer.call)}})`);
}

/**
 * Replace `outer` with `text`, where `text` keeps the source of `inner` (inside
 * `outer`); refused when a comment inside `outer` but outside `inner` would be lost.
 */
export function replaceAround(sourceCode: SourceCode, outer: Node, inner: Node, text: string): Fix | null {
  if (!isInFile(sourceCode, outer)) return null;
  const lost = commentsInside(sourceCode, outer).filter(
    (c) => c.range[0] < inner.range[0] || c.range[1] > inner.range[1],
  );
  if (lost.length > 0) return null;
  return (fixer) => fixer.replaceText(outer, text);
}

/** "line 12", or "lines 12, 20" when the nodes are on several lines: for messages. */
export function linesOf(nodes: readonly Node[], analysis?: FileAnalysis): string {
  // One node in this file (most reports): its line, without the sets below.
  const one = nodes.length === 1 ? (analysis ? analysis.lineOf(nodes[0]!) : lineOf(nodes[0]!)) : undefined;
  if (one !== undefined) return `line ${one}`;
  if (analysis && nodes.some((n) => analysis.lineOf(n) === undefined)) {
    // Some are in imported modules: name each place (`model.js:12`).
    return [...new Set(nodes.map((n) => analysis.where(n)))].join(', ');
  }
  // Lines as the editor shows them (an HTML page's, for its scripts).
  const lines = [...new Set(nodes.map((n) => analysis?.lineOf(n) ?? lineOf(n)))].sort((a, b) => a - b);
  return lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.join(', ')}`;
}

/** An edit of an output's activation, and whether it is an autofix candidate. */
export interface ActivationEdit {
  readonly fix: Fix;
  /**
   * True when the edit replaces the string literal written as the layer's own
   * `activation` value (an autofix candidate); false when it replaces a reference to
   * a constant that other code may also read (the constant is left alone: a
   * suggestion).
   */
  readonly own: boolean;
}

/**
 * Set an output's activation to `activation` by editing the `activation:` property
 * written in its layer's own config literal: the literal itself, or a reference to
 * a module or local constant (replaced by a literal, the constant left untouched).
 * Null when the property is elsewhere (a shared config object, a factory parameter).
 */
export function setOutputActivation(
  analysis: FileAnalysis,
  output: OutputFact,
  activation: string,
): ActivationEdit | null {
  const sc = analysis.sourceCode;
  if (output.activationOrigin !== 'config' || !isLayerOwnProperty(output.layer, output.activationProperty)) return null;
  const property = output.activationProperty!;
  if (isOwnLiteral(output.activationLiteral, property)) {
    const lit = output.activationLiteral!;
    if (lit.type !== 'Literal') return null;
    const fix = replaceNode(sc, lit, stringLiteral(sc, activation, lit));
    return fix ? { fix, own: true } : null;
  }
  const value = unwrap(property.value);
  if (value.type !== 'Identifier' || !isConstVariable(analysis, value)) return null;
  const literal = stringLiteral(sc, activation, value);
  // `{activation}` shorthand: write the key out.
  const fix = property.shorthand
    ? replaceNode(sc, property, `${value.name}: ${literal}`)
    : replaceNode(sc, value, literal);
  return fix ? { fix, own: false } : null;
}

/** Is `id` a reference to a `const` declared in the file (not a parameter, import or `let`)? */
function isConstVariable(analysis: FileAnalysis, id: TSESTree.Identifier): boolean {
  const v = analysis.variableOf(id);
  const def = v && v.defs.length === 1 ? v.defs[0]! : undefined;
  return !!def && def.type === 'Variable' && def.parent?.type === 'VariableDeclaration' && def.parent.kind === 'const';
}

/**
 * Would `expr`, written again at `at`, compute the same value? True when it reads
 * no `this` and defines no function, and every name it reads resolves at `at` to the
 * same variable, never reassigned. (For fixes that move an expression.)
 */
export function meansSameAt(sc: SourceCode, expr: Node, at: Node): boolean {
  let simple = true;
  walk(sc, expr, (n) => {
    if (n.type === 'ThisExpression' || n.type === 'ArrowFunctionExpression' || n.type === 'FunctionExpression')
      simple = false;
    return simple;
  });
  if (!simple) return false;
  const atScope = sc.getScope(at);
  for (const ref of sc.getScope(expr).references) {
    const id = ref.identifier;
    if (id.range[0] < expr.range[0] || id.range[1] > expr.range[1]) continue;
    const target = ref.resolved;
    if (resolveName(atScope, id.name) !== (target ?? undefined)) return false;
    if (target && target.references.some((r) => r.isWrite() && !r.init)) return false;
  }
  return true;
}

/** Several edits applied as one (e.g. the activation and the loss together); null if one is missing. */
export function combine(...fixes: (Fix | null | undefined)[]): Fix | null {
  if (fixes.some((f) => !f)) return null;
  return (fixer) => fixes.flatMap((f) => [f!(fixer)].flat());
}

/**
 * Replace the loss of every pair with the string `name`, when they all name it at
 * one node written in the compile call itself (not a shared constant, not inside
 * a wrapper function).
 */
export function replaceLossLiteral(analysis: FileAnalysis, group: readonly KnownPair[], name: string): Fix | null {
  const node = sharedLossNode(group);
  if (!node) return null;
  return replaceNode(analysis.sourceCode, node, stringLiteral(analysis.sourceCode, name, node));
}

/** The same, with a TF.js function (`tf.losses.softmaxCrossEntropy`, as this file reaches TF.js). */
export function replaceLossFunction(
  analysis: FileAnalysis,
  group: readonly KnownPair[],
  path: readonly string[],
): { fix: Fix; text: string } | null {
  const node = sharedLossNode(group);
  const text = node ? analysis.tfExpression(path, node) : undefined;
  const fix = node && text ? replaceNode(analysis.sourceCode, node, text) : null;
  return fix && text ? { fix, text } : null;
}

/** The loss node shared by every pair, when it is the loss itself written in the compile call. */
function sharedLossNode(group: readonly KnownPair[]): Node | undefined {
  const loss = group[0]?.loss;
  if (!loss || loss.via !== 'direct' || !loss.local) return undefined;
  return group.every((p) => p.loss.node === loss.node) ? loss.node : undefined;
}
