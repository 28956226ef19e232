/**
 * Modules parsed for cross-file analysis with typescript-eslint's parser
 * (src/analysis/modules.ts, `parseModule`): its own typescript-estree and
 * scope-manager are called without the token and comment conversion that
 * `parseForESLint` always does. The module must come out as `parseForESLint` gives
 * it: the same tree and the same scopes, for every source type and for JSX.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { SourceCode } from 'eslint';
import * as eslintScope from 'eslint-scope';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModule, type ParseSetup } from '../../src/analysis/modules.js';

const fixtures = path.join(import.meta.dirname, '..', 'fixtures', 'crossfile');
const files = ['js', 'ts'].flatMap((dir) =>
  readdirSync(path.join(fixtures, dir))
    .filter((f) => /\.[cm]?[jt]s$/.test(f) && f !== 'broken.js')
    .map((f) => path.join(fixtures, dir, f)),
);

const setupFor = (parser: unknown, sourceType: string, parserOptions: Record<string, unknown> = {}): ParseSetup => ({
  parser: parser as ParseSetup['parser'],
  SourceCode: SourceCode,
  scope: eslintScope,
  parserOptions,
  ecmaVersion: 'latest',
  sourceType,
});

/** The tree without parents, tokens and comments (what parseForESLint adds for ESLint). */
function tree(node: unknown): unknown {
  return JSON.parse(JSON.stringify(node, (key, value: unknown) => (key === 'parent' || key === 'tokens' || key === 'comments' ? undefined : value)));
}

/** Every scope with its variables and what each reference resolves to, by position. */
function scopes(scopeManager: unknown): unknown {
  return (scopeManager as TSESLint.Scope.ScopeManager).scopes.map((s) => ({
    type: s.type,
    block: s.block.range,
    variables: s.variables.map((v) => `${v.name}:${v.defs.length}`),
    references: s.references.map((r) => [r.identifier.range[0], r.resolved?.name ?? null, r.isWrite()]),
  }));
}

describe('modules parsed with typescript-eslint parser', () => {
  it.each(['module', 'script', 'commonjs'])('give the tree and scopes parseForESLint gives (sourceType %s), without tokens or comments', (sourceType) => {
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const module = parseModule(text, file, setupFor(tsParser, sourceType));
      expect(module, file).not.toBeNull();
      const reference = tsParser.parseForESLint(text, { sourceType: sourceType as 'module', ecmaVersion: 'latest', filePath: file, range: true, loc: true });
      // The fast path was taken: parseForESLint always returns the tokens.
      expect(reference.ast.tokens!.length).toBeGreaterThan(0);
      expect(module!.ast.tokens, file).toEqual([]);
      expect(tree(module!.ast), file).toEqual(tree(reference.ast));
      expect(scopes(module!.scopeManager), file).toEqual(scopes(reference.scopeManager));
    }
  });

  it.each([
    ['view.js', {}],
    ['view.js', { ecmaFeatures: { jsx: true } }],
    ['view.tsx', {}],
    ['view.jsx', { ecmaFeatures: { jsx: false }, jsxPragma: 'h' }],
  ])('parses JSX as parseForESLint does (%s, options %j)', (name, options) => {
    const text = "import * as tf from '@tensorflow/tfjs';\nexport const View = () => <div>{tf.version.tfjs}</div>;\n";
    const file = path.join(fixtures, 'js', name);
    const module = parseModule(text, file, setupFor(tsParser, 'module', options));
    const reference = tsParser.parseForESLint(text, { sourceType: 'module', ecmaVersion: 'latest', filePath: file, ...options });
    expect(module!.ast.tokens).toEqual([]);
    expect(tree(module!.ast)).toEqual(tree(reference.ast));
    expect(scopes(module!.scopeManager)).toEqual(scopes(reference.scopeManager));
  });

  it('calls any other parser as it is', () => {
    const file = path.join(fixtures, 'js', 'model.js');
    const calls: unknown[] = [];
    const wrapped = {
      meta: { name: 'my-parser' },
      parseForESLint: (text: string, options: Record<string, unknown>) => {
        calls.push(options);
        return tsParser.parseForESLint(text, options);
      },
    };
    const module = parseModule(readFileSync(file, 'utf8'), file, setupFor(wrapped, 'module'));
    expect(calls).toHaveLength(1);
    expect(module!.ast.tokens!.length).toBeGreaterThan(0);
  });
});
