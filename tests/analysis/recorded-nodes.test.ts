/**
 * The recorded nodes (src/analysis/recorded-nodes.ts): the returns and early exits of a
 * function and the `this.x` writes of a class, answered from nodes recorded once
 * instead of walking each body. These tests pin the boundaries the walks had.
 */
import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';
import { analyze, PARSERS } from '../helpers/analyze.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;

describe.each(PARSERS)('RecordedNodes (%s parser)', (parser) => {
  const analyse = (code: string) => {
    const analysis = analyze(TF + code, { parser })!;
    return { sourceCode: analysis.sourceCode, analysis };
  };
  const find = <T extends TSESTree.Node>(root: TSESTree.Node, pred: (n: TSESTree.Node) => n is T): T[] => {
    const out: T[] = [];
    const visit = (n: unknown) => {
      if (!n || typeof n !== 'object') return;
      if (Array.isArray(n)) return n.forEach(visit);
      const node = n as TSESTree.Node;
      if (typeof node.type !== 'string') return;
      if (pred(node)) out.push(node);
      for (const [k, v] of Object.entries(node)) if (k !== 'parent') visit(v);
    };
    visit(root);
    return out;
  };

  it('gives a function its own returns and throws, not those of nested functions or classes', () => {
    const { sourceCode, analysis } = analyse(`
      function outer(a) {
        if (a) return 1;
        const inner = () => { return 2; };
        function nested() { throw new Error('x'); }
        class C { m() { return 3; } }
        if (!a) throw new Error('y');
        return inner;
      }`);
    const outer = sourceCode.ast.body[1] as TSESTree.FunctionDeclaration;
    const exits = analysis.nodes.exitsOf(outer).map((e) => sourceCode.getText(e));
    expect(exits).toEqual(['return 1;', "throw new Error('y');", 'return inner;']);
    const arrow = find(outer, (n): n is TSESTree.ArrowFunctionExpression => n.type === 'ArrowFunctionExpression')[0]!;
    expect(analysis.nodes.exitsOf(arrow).map((e) => sourceCode.getText(e))).toEqual(['return 2;']);
    // An expression body has no statements to exit from.
    const { sourceCode: sc2, analysis: a2 } = analyse(`const f = (x) => x;`);
    const f = find(sc2.ast, (n): n is TSESTree.ArrowFunctionExpression => n.type === 'ArrowFunctionExpression')[0]!;
    expect(a2.nodes.exitsOf(f)).toEqual([]);
  });

  it("gives a class the this-writes of its methods and their callbacks, not a nested class's", () => {
    const { sourceCode, analysis } = analyse(`
      class Outer {
        constructor() {
          this.model = 1;
          [1].forEach(() => { this.count = 2; });
          this.model += 1;
          const Inner = class { constructor() { this.model = 3; } };
        }
      }`);
    const bodies = find(sourceCode.ast, (n): n is TSESTree.ClassBody => n.type === 'ClassBody');
    const [outer, inner] = bodies;
    expect(analysis.nodes.thisWritesOf(outer!).map((w) => sourceCode.getText(w))).toEqual([
      'this.model = 1',
      'this.count = 2',
      'this.model += 1',
    ]);
    expect(analysis.nodes.thisWritesOf(inner!).map((w) => sourceCode.getText(w))).toEqual(['this.model = 3']);
  });

  it('keeps what a class member is in source order: an assignment in an earlier method before a later field', () => {
    const { sourceCode, analysis } = analyse(`
      class Net {
        build(big) {
          this.head = big ? 'softmax' : 'sigmoid';
        }
        head = 'linear';
      }
      const net = new Net();
      const act = net.head;`);
    const act = find(
      sourceCode.ast,
      (n): n is TSESTree.VariableDeclarator =>
        n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.id.name === 'act',
    )[0]!;
    const value = analysis.valueOf(act.init!);
    expect(value.kind).toBe('choice');
    const strings = (v: typeof value): unknown[] =>
      v.kind === 'choice' ? v.options.flatMap((o) => strings(o.value)) : v.kind === 'const' ? [v.value] : [v.kind];
    expect(strings(value)).toEqual(['softmax', 'sigmoid', 'linear']);
  });
});
