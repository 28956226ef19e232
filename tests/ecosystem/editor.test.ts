/**
 * What an editor shows: every report's range is the precise node (the squiggle sits
 * on the activation, not on a statement or a model), and every suggestion (a quick
 * fix in the editor) has a message. Runs over every invalid case we have: the ❌
 * blocks of the rule docs and the example files with findings.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { configFor, invalidCases, textOf } from './helpers.js';

interface AstNode {
  type: string;
  loc: { start: { line: number; column: number }; end: { line: number; column: number } };
  [key: string]: unknown;
}

/** Node types a squiggle may cover: a value, a name, a member, a call, a property. */
const PRECISE = new Set(['Literal', 'TemplateLiteral', 'Identifier', 'MemberExpression', 'CallExpression', 'Property']);

/** Every node of the AST whose location is exactly [start, end). */
function nodesAt(ast: AstNode, keys: Record<string, readonly string[] | undefined>, m: Linter.LintMessage): AstNode[] {
  const found: AstNode[] = [];
  const stack: AstNode[] = [ast];
  while (stack.length) {
    const node = stack.pop()!;
    const { start, end } = node.loc;
    if (
      start.line === m.line &&
      start.column + 1 === m.column &&
      end.line === m.endLine &&
      end.column + 1 === m.endColumn
    ) {
      found.push(node);
    }
    for (const key of keys[node.type] ?? []) {
      const child = node[key];
      for (const c of Array.isArray(child) ? child : [child]) {
        if (c && typeof c === 'object' && typeof (c as AstNode).type === 'string') stack.push(c as AstNode);
      }
    }
  }
  return found;
}

const cases = invalidCases();
const linter = new Linter({ configType: 'flat' });

describe('what an editor shows', () => {
  it('has invalid cases to check', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  describe.each(cases.map((c) => [c.where, c] as const))('%s', (_where, c) => {
    const messages = linter.verify(c.code, configFor(c.filename), c.filename);
    const sourceCode = linter.getSourceCode();

    it('reports something, with no parse error', () => {
      expect(messages.filter((m) => m.fatal)).toEqual([]);
      expect(messages.length).toBeGreaterThan(0);
    });

    it('puts every report on one small node: a literal, name, member, call or property, not a statement or a model', () => {
      for (const m of messages) {
        expect(m.endLine, `${m.ruleId} has an end`).toBeDefined();
        const text = textOf(c.code, m);
        const nodes = nodesAt(sourceCode.ast as unknown as AstNode, sourceCode.visitorKeys, m);
        expect(
          nodes.length,
          `${m.ruleId} at ${m.line}:${m.column} covers a node (${JSON.stringify(text)})`,
        ).toBeGreaterThan(0);
        expect(
          nodes.some((n) => PRECISE.has(n.type)),
          `${m.ruleId} at ${m.line}:${m.column} covers ${nodes.map((n) => n.type).join('/')}: ${JSON.stringify(text)}`,
        ).toBe(true);
        // A call or a property stays on one line: a multi-line call is a whole model
        // or a whole compile({...}), not the part that is wrong.
        if (nodes.every((n) => n.type === 'CallExpression' || n.type === 'Property')) {
          expect(m.endLine, `${m.ruleId} at ${m.line}:${m.column} spans lines: ${JSON.stringify(text)}`).toBe(m.line);
        }
      }
    });

    it('gives every suggestion (quick fix) an imperative message and an edit that parses', () => {
      for (const m of messages) {
        for (const s of m.suggestions ?? []) {
          expect(s.desc, `${m.ruleId} suggestion`).toMatch(/^[A-Z`'].*\.$/s);
          const output = c.code.slice(0, s.fix.range[0]) + s.fix.text + c.code.slice(s.fix.range[1]);
          const after = linter.verify(output, configFor(c.filename, {}), c.filename);
          expect(
            after.filter((x) => x.fatal),
            `${m.ruleId} suggestion "${s.desc}" parses`,
          ).toEqual([]);
        }
      }
    });
  });
});
