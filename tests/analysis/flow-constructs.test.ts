/**
 * What a `let` holds after branches that write it (evaluator.ts `coveredWrite`):
 * both arms of an `if`/`else`, a `try` and its `catch`, every case of a `switch`
 * replace the earlier value; a branch that may skip its write keeps the earlier
 * value among the possibilities. Checked on the value of `const read = x;`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { possibilities } from '../../src/analysis/guards.js';
import { walk } from '../../src/analysis/ast.js';
import { analyze, PARSERS } from '../helpers/analyze.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;

/** The constants `read` may hold, sorted; '?' for a possibility that is not a constant. */
function readValues(code: string, parser: (typeof PARSERS)[number]): string[] {
  const analysis = analyze(TF + code, { parser })!;
  let init: TSESTree.Expression | null = null;
  walk(analysis.sourceCode, analysis.sourceCode.ast, (n) => {
    if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.id.name === 'read') init = n.init;
    return true;
  });
  const value = analysis.valueOf(init!);
  return possibilities(value)
    .map((p) => (p.value.kind === 'const' ? String(p.value.value) : '?'))
    .sort();
}

describe.each(PARSERS)('writes in every branch (%s)', (parser) => {
  it('if/else: the two arms, not the initial value', () => {
    const code = `export function f(c) {
  let x = 'init';
  if (c) { x = 'a'; } else { x = 'b'; }
  const read = x;
}`;
    expect(readValues(code, parser)).toEqual(['a', 'b']);
  });

  it('if without else: the arm or the initial value', () => {
    const code = `export function f(c) {
  let x = 'init';
  if (c) { x = 'a'; }
  const read = x;
}`;
    expect(readValues(code, parser)).toEqual(['a', 'init']);
  });

  it('else-if chain ending in else: every arm', () => {
    const code = `export function f(c, d) {
  let x = 'init';
  if (c) x = 'a';
  else if (d) x = 'b';
  else x = 'c';
  const read = x;
}`;
    expect(readValues(code, parser)).toEqual(['a', 'b', 'c']);
  });

  it('an arm that writes only under a nested condition keeps the initial value', () => {
    const code = `export function f(c, d) {
  let x = 'init';
  if (c) { x = 'a'; } else { if (d) x = 'b'; }
  const read = x;
}`;
    expect(readValues(code, parser)).toEqual(['a', 'b', 'init']);
  });

  it('try/catch: either write', () => {
    const code = `export function f() {
  let x = 'init';
  try { x = 'a'; } catch (e) { x = 'b'; }
  const read = x;
}`;
    expect(readValues(code, parser)).toEqual(['a', 'b']);
  });

  it('switch with default, every case writing before its break', () => {
    const code = `export function f(k) {
  let x = 'init';
  switch (k) {
    case 1: x = 'a'; break;
    case 2:
    case 3: x = 'b'; break;
    default: throw new Error(k);
  }
  const read = x;
}`;
    expect(readValues(code, parser)).toEqual(['a', 'b']);
  });

  it('switch whose case may break before its write keeps the initial value', () => {
    const code = `export function f(k, skip) {
  let x = 'init';
  switch (k) {
    case 1: if (skip) break; x = 'a'; break;
    default: x = 'b'; break;
  }
  const read = x;
}`;
    expect(readValues(code, parser)).toContain('init');
  });

  it('switch without default keeps the initial value', () => {
    const code = `export function f(k) {
  let x = 'init';
  switch (k) {
    case 1: x = 'a'; break;
  }
  const read = x;
}`;
    expect(readValues(code, parser)).toContain('init');
  });
});

describe.each(PARSERS)('a parameter written again in its function (%s)', (parser) => {
  it('after the write: the value written, not the argument', () => {
    const code = `function f(x) {\n  x = 'a';\n  return x;\n}\nexport const read = f('arg');`;
    expect(readValues(code, parser)).toEqual(['a']);
  });

  it('before any write: the argument', () => {
    const code = `function f(x) {\n  const y = x;\n  x = 'a';\n  return y;\n}\nexport const read = f('arg');`;
    expect(readValues(code, parser)).toEqual(['arg']);
  });

  it('after a write that may not run: not known', () => {
    const code = `function f(x, c) {\n  if (c) x = 'a';\n  return x;\n}\nexport const read = f('arg', globalThis.flag);`;
    expect(readValues(code, parser)).toEqual(['?', 'a']);
  });

  it('written in a loop around the read, or in a closure: not known', () => {
    const loop = `function f(x) {\n  let y;\n  for (let i = 0; i < 2; i++) {\n    y = x;\n    x = 'a';\n  }\n  return y;\n}\nexport const read = f('arg');`;
    // \`y\` is also undefined when the loop does not run; never the argument alone.
    expect(readValues(loop, parser)).toEqual(['?', 'undefined']);
    const closure = `function f(x) {\n  const g = () => {\n    x = 'b';\n  };\n  g();\n  return x;\n}\nexport const read = f('arg');`;
    expect(readValues(closure, parser)).toEqual(['?']);
  });
});
