/**
 * The token questions of the shared edits (src/util/fixes.ts), answered by binary
 * search over the file's sorted comments and tokens instead of ESLint's token
 * cursors: they must give what ESLint's own `getCommentsInside` gives, at the
 * edges of a node too, and the quote style of the right string.
 */
import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';
import { analyze, PARSERS } from '../helpers/analyze.js';
import { commentsInside, stringLiteral } from '../../src/util/fixes.js';

const CODE = `import * as tf from '@tensorflow/tfjs';
/* before */ const a = tf.layers.dense({/* first */ units: 1, activation: "sigmoid" /* last */}); // after
const b = tf.layers.dense({units: 2});
model.compile({optimizer: "adam", loss: tf.losses.softmaxCrossEntropy});
const c = [1, /* mid */ 'x'];
`;

describe.each(PARSERS)('fix helpers (%s parser)', (parser) => {
  const analysis = analyze(CODE, { parser })!;
  const sc = analysis.sourceCode;
  const nodes: TSESTree.Node[] = [];
  const visit = (n: unknown) => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(visit);
    const node = n as TSESTree.Node;
    if (typeof node.type !== 'string') return;
    nodes.push(node);
    for (const [k, v] of Object.entries(node)) if (k !== 'parent') visit(v);
  };
  visit(sc.ast);
  const of = <T extends TSESTree.Node = TSESTree.Node>(type: string) => nodes.filter((n) => n.type === type) as T[];

  it("finds exactly the comments ESLint's getCommentsInside finds, for every node", () => {
    expect(nodes.length).toBeGreaterThan(50);
    for (const node of nodes) {
      expect(commentsInside(sc, node).map((c) => c.value)).toEqual(sc.getCommentsInside(node).map((c) => c.value));
    }
    // The edges: the comments just inside the braces count, those outside the statement do not.
    const config = of('ObjectExpression')[0]!;
    expect(commentsInside(sc, config).map((c) => c.value)).toEqual([' first ', ' last ']);
    const declaration = of('VariableDeclaration')[0]!;
    expect(commentsInside(sc, declaration).map((c) => c.value)).toEqual([' first ', ' last ']);
    expect(commentsInside(sc, of('ArrayExpression')[0]!).map((c) => c.value)).toEqual([' mid ']);
    expect(commentsInside(sc, of('VariableDeclaration')[1]!)).toEqual([]);
  });

  it('writes a string in the quotes of the literal, else of the first string of its statement, else single', () => {
    const sigmoid = of<TSESTree.Literal>('Literal').find((l) => l.value === 'sigmoid')!;
    expect(stringLiteral(sc, 'softmax', sigmoid)).toBe('"softmax"');
    // A member expression: the statement's first string is "adam".
    const loss = of('MemberExpression').find((m) => sc.getText(m) === 'tf.losses.softmaxCrossEntropy')!;
    expect(stringLiteral(sc, 'categoricalCrossentropy', loss)).toBe('"categoricalCrossentropy"');
    // No string in `const b = tf.layers.dense({units: 2});`, nor a number literal: single quotes.
    const config = of('ObjectExpression')[1]!;
    expect(stringLiteral(sc, 'softmax', config)).toBe("'softmax'");
    const two = of<TSESTree.Literal>('Literal').find((l) => l.value === 2)!;
    expect(stringLiteral(sc, 'softmax', two)).toBe("'softmax'");
    expect(stringLiteral(sc, 'softmax', of('ArrayExpression')[0]!)).toBe("'softmax'");
    expect(stringLiteral(sc, 'softmax')).toBe("'softmax'");
  });
});
