/**
 * Real code from npm: every JS/TS file of published TF.js packages (library code,
 * real model-building code, minified bundles, one very large file) linted with
 * every rule of the plugin. Zero crashes; every report and every parse error is
 * listed and justified in corpus-expectations.json, and nothing else happens.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getAnalysis } from '../../src/analysis/index.js';
import { ROOT, config, writeSummary, type ParserName } from './harness.js';

/** Packages linted whole (every .js/.mjs/.cjs/.ts file, .d.ts included). */
const PACKAGES = ['@tensorflow/tfjs-layers', '@tensorflow-models/speech-commands', '@tensorflow-models/knn-classifier'];
/** Single files: the minified TF.js bundle and the largest file we have (4.9 MB, 100k+ lines). */
const SINGLE_FILES = ['@tensorflow/tfjs/dist/tf.min.js', '@tensorflow/tfjs/dist/tf.js'];

interface Expectations {
  parseErrors: Record<string, string>;
  reports: Record<string, string>;
}
const expectations = JSON.parse(
  readFileSync(path.join(import.meta.dirname, 'corpus-expectations.json'), 'utf8'),
) as Expectations;

function* sourceFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules') yield* sourceFiles(p);
    } else if (/\.(m|c)?(js|ts)$/.test(e.name)) yield p;
  }
}

const nodeModules = path.join(ROOT, 'node_modules');
const files = [
  ...PACKAGES.flatMap((p) => [...sourceFiles(path.join(nodeModules, p))].sort()),
  ...SINGLE_FILES.map((f) => path.join(nodeModules, f)),
];

// A probe that asks the shared analysis what it found, to show the corpus exercises it.
const stats = { filesWithTfjs: 0, compileSites: 0, fitSites: 0, layerCalls: 0, lossCalls: 0, activationOps: 0 };
const probe = {
  meta: { schema: [] },
  create(context: TSESLint.RuleContext<string, []>) {
    return {
      'Program:exit'() {
        const a = getAnalysis(context);
        if (!a) return;
        stats.filesWithTfjs += 1;
        stats.compileSites += a.compileSites.length;
        stats.fitSites += a.fitSites.length;
        stats.layerCalls += a.layerCalls.length;
        stats.lossCalls += a.lossCalls.length;
        stats.activationOps += a.activationOps.length;
      },
    };
  },
};

describe('linting real TF.js code from npm with every rule', () => {
  it('never crashes, and every report and parse error is expected', { timeout: 600_000 }, () => {
    const linter = new Linter({ configType: 'flat' });
    const crashes: string[] = [];
    const parseErrors: Record<string, string> = {};
    const reports: Record<string, string> = {};
    let bytes = 0;
    let lines = 0;
    const bundles: { file: string; bytes: number; lines: number; cpuMs: number }[] = [];
    const started = process.cpuUsage();
    for (const file of files) {
      const rel = path.relative(nodeModules, file);
      const text = readFileSync(file, 'utf8');
      bytes += text.length;
      lines += text.split('\n').length;
      const parser: ParserName = /\.(m|c)?ts$/.test(file) ? 'typescript' : 'espree';
      const cfg = [
        ...config({ parser, noInlineConfig: true, sourceType: file.endsWith('.cjs') ? 'commonjs' : 'module' }),
        {
          files: ['**/*'],
          plugins: { probe: { rules: { stats: probe as never } } },
          rules: { 'probe/stats': 'error' as const },
        },
      ];
      const t0 = process.cpuUsage();
      let messages: Linter.LintMessage[];
      try {
        // A path inside the project (node_modules is ignored by flat config's defaults).
        messages = linter.verify(text, cfg, path.join('corpus', rel));
      } catch (error) {
        crashes.push(`${rel}: threw ${(error as Error).stack ?? String(error)}`);
        continue;
      }
      const cpu = process.cpuUsage(t0);
      const ms = Math.round((cpu.user + cpu.system) / 1000);
      if (SINGLE_FILES.includes(rel))
        bundles.push({ file: rel, bytes: text.length, lines: text.split('\n').length, cpuMs: ms });
      for (const m of messages) {
        if (m.fatal) {
          if (/^Parsing error/.test(m.message)) parseErrors[rel] = m.message;
          else crashes.push(`${rel}: fatal ${m.message}`);
        } else if (m.ruleId?.startsWith('tfjs/')) {
          reports[`${rel}:${m.line}:${m.column} ${m.ruleId}`] = m.message;
        } else if (m.ruleId === 'probe/stats') {
          crashes.push(`${rel}: the analysis threw: ${m.message}`);
        } else if (!/has no effect because you have 'noInlineConfig'/.test(m.message)) {
          crashes.push(`${rel}: unexpected message ${JSON.stringify(m)}`);
        }
      }
    }
    const cpu = process.cpuUsage(started);
    writeSummary('corpus', {
      packages: [...PACKAGES, ...SINGLE_FILES],
      files: files.length,
      lines,
      megabytes: +(bytes / 1e6).toFixed(1),
      cpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(1),
      bundles,
      analysis: stats,
      crashes: crashes.length,
      parseErrors: Object.keys(parseErrors).length,
      reports: Object.keys(reports).length,
      falseReports: Object.keys(reports).filter((k) => !(k in expectations.reports)).length,
    });
    expect(crashes).toEqual([]);
    // Exactly the expected parse errors and reports: a new one needs review, a stale one too.
    expect(Object.keys(parseErrors).sort()).toEqual(Object.keys(expectations.parseErrors).sort());
    const unexpected = Object.fromEntries(Object.entries(reports).filter(([k]) => !(k in expectations.reports)));
    const stale = Object.keys(expectations.reports).filter((k) => !(k in reports));
    expect({ unexpected, stale }).toEqual({ unexpected: {}, stale: [] });
    // The corpus really exercises the analysis (these are floors, not snapshots).
    expect(stats.filesWithTfjs).toBeGreaterThan(100);
    expect(stats.layerCalls + stats.compileSites).toBeGreaterThan(0);
  });
});
