/**
 * Structural performance tests: counts, not seconds (timings live in `npm run bench`).
 *
 * - The analysis does work proportional to the file: doubling the number of
 *   model-building functions at most doubles the evaluations and the scope-reference
 *   checks (a per-read scan of `variable.references` made the latter quadratic).
 * - The calls recorded during ESLint's traversal (`callRecorder`, merged into every
 *   rule by `createRule`) give the same analysis as the analysis's own walk.
 * - The cheap pre-check and `createRule`'s option handling answer as before.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';
import { callRecorder, FileAnalysis, getAnalysis, mentionsTfjs } from '../../src/analysis/index.js';
import { Evaluator } from '../../src/analysis/evaluator.js';
import { readSettings } from '../../src/analysis/settings.js';
import { createRule } from '../../src/util/create-rule.js';
import { analyze, PARSERS, type ParserName } from '../helpers/analyze.js';

/** `n` model-building functions (sequential + add, functional chain), `tf` from `require`. */
function program(n: number): string {
  const out = [`const tf = require('@tensorflow/tfjs');`];
  for (let i = 0; i < n; i++) {
    out.push(`
function build${i}(inputDim, isClf) {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: 32, activation: 'relu', inputShape: [inputDim]}));
  if (isClf) model.add(tf.layers.dropout({rate: 0.2}));
  model.add(tf.layers.dense({units: isClf ? 10 : 1, activation: isClf ? 'softmax' : 'linear'}));
  model.compile({optimizer: tf.train.adam(0.01), loss: isClf ? 'categoricalCrossentropy' : 'meanSquaredError'});
  return model;
}
const clf${i} = build${i}(8, true);
function chain${i}() {
  const inp = tf.input({shape: [8]});
  let x = inp;
  x = tf.layers.dense({units: 16, activation: 'relu'}).apply(x);
  x = tf.layers.dense({units: 4, activation: 'softmax'}).apply(x);
  const m = tf.model({inputs: inp, outputs: x});
  m.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
  return m;
}`);
  }
  return out.join('\n');
}

type Patched = { target: object; key: string; original: unknown };
const patched: Patched[] = [];

/** Count calls of `target[key]` until the end of the test. */
function counter(target: object, key: string): { count: number } {
  const c = { count: 0 };
  const original = (target as Record<string, unknown>)[key] as (...args: unknown[]) => unknown;
  patched.push({ target, key, original });
  (target as Record<string, unknown>)[key] = function (this: unknown, ...args: unknown[]) {
    c.count++;
    return original.apply(this, args);
  };
  return c;
}

afterEach(() => {
  for (const p of patched.splice(0).reverse()) (p.target as Record<string, unknown>)[p.key] = p.original;
});

/** Evaluations (`compute`, i.e. cache misses) and `Reference#isWrite` checks for one analysis with its pairs. */
function work(code: string, parser: ParserName): { computes: number; writeChecks: number; sites: number } {
  // The scope manager's Reference class, from a throwaway analysis with the same parser.
  const probe = analyze(`const tf = require('@tensorflow/tfjs'); tf.sequential();`, { parser })!;
  const ref = probe.sourceCode.scopeManager!.scopes.flatMap((s) => s.references)[0]!;
  const computes = counter(Evaluator.prototype, 'compute');
  const writeChecks = counter(Object.getPrototypeOf(ref) as object, 'isWrite');
  const a = analyze(code, { parser })!;
  let sites = 0;
  for (const site of a.compileSites) sites += a.pairsOf(site).flat().length;
  return { computes: computes.count, writeChecks: writeChecks.count, sites };
}

describe.each(PARSERS)('linear work (%s parser)', (parser) => {
  it('doubles at most when the file doubles', () => {
    const small = work(program(20), parser);
    const large = work(program(40), parser);
    // Same code twice as often: twice the facts ...
    expect(large.sites).toBe(2 * small.sites);
    // ... for at most about twice the work (a quadratic step would give ~4x).
    expect(small.computes).toBeGreaterThan(0);
    expect(large.computes / small.computes).toBeLessThanOrEqual(2.1);
    expect(small.writeChecks).toBeGreaterThan(0);
    expect(large.writeChecks / small.writeChecks).toBeLessThanOrEqual(2.1);
  });
});

/** Lint `code` with a rule made by `createRule` that hands back its analysis and its sourceCode. */
function viaRecorder(
  code: string,
  parser: ParserName,
): { analysis: FileAnalysis | null; sourceCode: TSESLint.SourceCode } {
  let analysis: FileAnalysis | null = null;
  let sourceCode: TSESLint.SourceCode | undefined;
  const rule = createRule<[], 'x'>({
    name: 'probe',
    meta: { type: 'problem', docs: { description: 'Probe', recommended: false }, schema: [], messages: { x: 'x.' } },
    create(context) {
      return {
        'Program:exit'() {
          analysis = getAnalysis(context);
          sourceCode = context.sourceCode as TSESLint.SourceCode;
        },
      };
    },
  });
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.js', '**/*.ts'],
        plugins: { probe: { rules: { probe: rule as never } } },
        rules: { 'probe/probe': 'error' },
        languageOptions: { sourceType: 'module', ...(parser === 'typescript' ? { parser: tsParser as never } : {}) },
      },
    ],
    parser === 'typescript' ? 'file.ts' : 'file.js',
  );
  expect(messages).toEqual([]);
  return { analysis, sourceCode: sourceCode! };
}

describe.each(PARSERS)('calls recorded during the traversal (%s parser)', (parser) => {
  it('give the same analysis as walking the AST', () => {
    const code =
      program(3) +
      `\nasync function t(m, xs, ys) { const p = tf.softmax(m.predict(xs)); await clf0.fit(xs, ys); return tf.losses.softmaxCrossEntropy(ys, p); }` +
      `\nclass T { constructor() { this.model = tf.sequential(); } train(xs) { if (!xs) throw new Error('no data'); this.steps += 1; return this.model.predict(xs); } }`;
    const { analysis, sourceCode } = viaRecorder(code, parser);
    expect(analysis).not.toBeNull();
    const walked = new FileAnalysis(sourceCode, readSettings({}));
    const nodes = (a: FileAnalysis) => ({
      compile: a.compileSites.map((s) => s.call.range),
      fit: a.fitSites.map((s) => s.call.range),
      losses: a.lossCalls.map((l) => l.call.range),
      layers: a.layerCalls.map((l) => l.call.range),
      activations: a.activationOps.map((o) => o.node.range),
    });
    expect(nodes(analysis!)).toEqual(nodes(walked));
    // The other recorded nodes (returns, throws, \`this.x =\` writes) match one walk too.
    const recorded = (a: FileAnalysis) => ({
      calls: a.nodes.recorded.calls.map((n) => n.range),
      exits: a.nodes.recorded.exits.map((n) => n.range),
      thisWrites: a.nodes.recorded.thisWrites.map((n) => n.range),
    });
    expect(recorded(analysis!)).toEqual(recorded(walked));
    expect(recorded(walked).thisWrites).toHaveLength(2);
    expect(recorded(walked).exits.length).toBeGreaterThan(2);
    expect(nodes(walked).compile).toHaveLength(6);
    expect(nodes(walked).fit).toHaveLength(1);
    expect(nodes(walked).losses).toHaveLength(1);
    expect(nodes(walked).activations).toHaveLength(1);
  });

  it('are recorded once per file and only for files that mention TF.js', () => {
    const listeners: string[][] = [];
    const recorderProbe = {
      meta: { schema: [] },
      create(context: TSESLint.RuleContext<string, []>) {
        listeners.push(Object.keys(callRecorder(context)));
        return {};
      },
    };
    const linter = new Linter({ configType: 'flat' });
    const config = [
      {
        files: ['**/*.js', '**/*.ts'],
        plugins: { p: { rules: { a: recorderProbe as never, b: recorderProbe as never } } },
        rules: { 'p/a': 'error' as const, 'p/b': 'error' as const },
        languageOptions: {
          sourceType: 'module' as const,
          ...(parser === 'typescript' ? { parser: tsParser as never } : {}),
        },
      },
    ];
    const filename = parser === 'typescript' ? 'file.ts' : 'file.js';
    linter.verify(`import * as tf from '@tensorflow/tfjs'; tf.sequential();`, config, filename);
    linter.verify(`const left = [1].shift();`, config, filename);
    expect(listeners).toEqual([
      ['CallExpression', 'ReturnStatement', 'ThrowStatement', 'AssignmentExpression', 'NewExpression', 'Program:exit'],
      [],
      [],
      [],
    ]);
  });
});

describe('mentionsTfjs', () => {
  const check = (code: string, settings: Record<string, unknown> = {}) => {
    const a = viaRecorder(code, 'espree');
    return mentionsTfjs(a.sourceCode, readSettings(settings));
  };

  it('finds every default module with one scan and extra modules with their own', () => {
    expect(check(`import * as tf from '@tensorflow/tfjs-node-gpu';`)).toBe(true);
    expect(check(`import {layers} from '@tensorflow/tfjs-layers';`)).toBe(true);
    expect(check(`import * as tf from 'tfjs-shim';`)).toBe(false);
    expect(check(`import * as tf from 'tfjs-shim';`, { tfjs: { modules: ['tfjs-shim'] } })).toBe(true);
    expect(check(`import * as tf from '@tensorflow/tfjs';`, { tfjs: { modules: ['@tensorflow/tfjs-custom'] } })).toBe(
      true,
    );
    // The page global: `tf` read but never declared.
    expect(check(`tf.sequential();`)).toBe(true);
    expect(check(`const tf = 1; tf.toString();`)).toBe(false);
  });
});

describe('createRule', () => {
  const optionsSeen = (rule: ReturnType<typeof createRule>, options: unknown[]) => {
    const linter = new Linter({ configType: 'flat' });
    linter.verify(
      'a();',
      [{ plugins: { p: { rules: { r: rule as never } } }, rules: { 'p/r': ['error', ...options] as never } }],
      'file.js',
    );
  };

  it('passes [] to a rule without options and applies defaults to a rule with options', () => {
    const seen: unknown[] = [];
    const plain = createRule<[], 'x'>({
      name: 'plain',
      meta: { type: 'problem', docs: { description: 'Plain', recommended: false }, schema: [], messages: { x: 'x.' } },
      create(_context, options) {
        seen.push(options);
        return {};
      },
    });
    const withDefaults = createRule<[{ a: number; b: number }], 'x'>({
      name: 'with-defaults',
      meta: {
        type: 'problem',
        docs: { description: 'With defaults', recommended: false },
        schema: [
          { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, additionalProperties: false },
        ],
        defaultOptions: [{ a: 1, b: 2 }],
        messages: { x: 'x.' },
      },
      create(_context, options) {
        seen.push(options);
        return {};
      },
    });
    optionsSeen(plain, []);
    optionsSeen(withDefaults, []);
    optionsSeen(withDefaults, [{ b: 3 }]);
    expect(seen).toEqual([[], [{ a: 1, b: 2 }], [{ a: 1, b: 3 }]]);
  });
});
