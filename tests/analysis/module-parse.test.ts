/**
 * Modules parsed for cross-file analysis with typescript-eslint's parser
 * (src/analysis/modules/parse.ts, `parseModule`): its own typescript-estree and
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
import tseslint from 'typescript-eslint';
import { parseModule, parseTypeScript } from '../../src/analysis/modules/parse.js';
import type { ParseSetup, TypeScriptParts } from '../../src/analysis/modules/parser-setup.js';

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
  return JSON.parse(
    JSON.stringify(node, (key, value: unknown) =>
      key === 'parent' || key === 'tokens' || key === 'comments' ? undefined : value,
    ),
  );
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
  it.each(['module', 'script', 'commonjs'])(
    'give the tree and scopes parseForESLint gives (sourceType %s), without tokens or comments',
    (sourceType) => {
      expect(files.length).toBeGreaterThan(40);
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        const module = parseModule(text, file, setupFor(tsParser, sourceType));
        expect(module, file).not.toBeNull();
        const reference = tsParser.parseForESLint(text, {
          sourceType: sourceType as 'module',
          ecmaVersion: 'latest',
          filePath: file,
          range: true,
          loc: true,
        });
        // The fast path was taken: parseForESLint always returns the tokens.
        expect(reference.ast.tokens!.length).toBeGreaterThan(0);
        expect(module!.ast.tokens, file).toEqual([]);
        expect(tree(module!.ast), file).toEqual(tree(reference.ast));
        expect(scopes(module!.scopeManager), file).toEqual(scopes(reference.scopeManager));
      }
    },
  );

  it.each([
    ['view.js', {}],
    ['view.js', { ecmaFeatures: { jsx: true } }],
    ['view.tsx', {}],
    ['view.jsx', { ecmaFeatures: { jsx: false }, jsxPragma: 'h' }],
  ])('parses JSX as parseForESLint does (%s, options %j)', (name, options) => {
    const text = "import * as tf from '@tensorflow/tfjs';\nexport const View = () => <div>{tf.version.tfjs}</div>;\n";
    const file = path.join(fixtures, 'js', name);
    const module = parseModule(text, file, setupFor(tsParser, 'module', options));
    const reference = tsParser.parseForESLint(text, {
      sourceType: 'module',
      ecmaVersion: 'latest',
      filePath: file,
      ...options,
    });
    expect(module!.ast.tokens).toEqual([]);
    expect(tree(module!.ast)).toEqual(tree(reference.ast));
    expect(scopes(module!.scopeManager)).toEqual(scopes(reference.scopeManager));
  });

  it.each([
    ["typescript-eslint's shared-config parser (its own {meta, parseForESLint})", () => tseslint.parser],
    ['the parser imported as a namespace (`import * as`)', () => import('@typescript-eslint/parser')],
  ])('takes the same path for %s', async (_name, get) => {
    const parser = await get();
    expect(parser).not.toBe(tsParser);
    const file = path.join(fixtures, 'ts', 'model.ts');
    const text = readFileSync(file, 'utf8');
    const module = parseModule(text, file, setupFor(parser, 'module'));
    expect(module!.ast.tokens).toEqual([]);
    const reference = tsParser.parseForESLint(text, { sourceType: 'module', ecmaVersion: 'latest', filePath: file });
    expect(tree(module!.ast)).toEqual(tree(reference.ast));
  });

  it("maps the parser's options as parseForESLint does (source type, JSX, the deprecated version warning switch)", () => {
    const seen: Record<string, unknown>[] = [];
    const analysed: Record<string, unknown>[] = [];
    const parts: TypeScriptParts = {
      parse: (_text, options) => {
        seen.push(options);
        return { type: 'Program', body: [] } as never;
      },
      analyze: (_ast, options) => {
        analysed.push(options);
        return {};
      },
      visitorKeys: {},
    };
    parseTypeScript(parts, '', {
      sourceType: 'commonjs',
      warnOnUnsupportedTypeScriptVersion: false,
      ecmaFeatures: { globalReturn: true },
      lib: ['es2020'],
    });
    parseTypeScript(parts, '', {
      sourceType: 'module',
      ecmaFeatures: { jsx: true },
      onUnsupportedTypeScriptVersion: 'error',
      errorOnTypeScriptSyntacticAndSemanticIssues: true,
    });
    parseTypeScript(parts, '', {});
    expect(
      seen.map((o) => [
        o.sourceType,
        o.jsx,
        o.onUnsupportedTypeScriptVersion,
        o.comment,
        o.tokens,
        'errorOnTypeScriptSyntacticAndSemanticIssues' in o,
      ]),
    ).toEqual([
      ['script', false, 'ignore', false, false, false],
      ['module', true, 'error', false, false, false],
      ['script', false, 'warn', false, false, false],
    ]);
    expect(analysed.map((o) => [o.sourceType, o.globalReturn, o.lib])).toEqual([
      ['script', true, ['es2020']],
      ['module', undefined, undefined],
      ['script', undefined, undefined],
    ]);
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
