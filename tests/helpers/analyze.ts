/**
 * Run the shared analysis on a snippet, the way a rule would, and hand back the
 * FileAnalysis (null when the file uses no TF.js).
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { getAnalysis, type FileAnalysis, type OutputFact } from '../../src/analysis/index.js';

export type ParserName = 'espree' | 'typescript';
export const PARSERS: readonly ParserName[] = ['espree', 'typescript'];

export function analyze(
  code: string,
  options: { parser?: ParserName; settings?: Record<string, unknown>; filename?: string } = {},
): FileAnalysis | null {
  let result: FileAnalysis | null | undefined;
  const probe = {
    meta: { schema: [] },
    create(context: TSESLint.RuleContext<string, []>) {
      return {
        'Program:exit'() {
          result = getAnalysis(context);
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const parser = options.parser ?? 'espree';
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
        plugins: { probe: { rules: { probe: probe as never } } },
        rules: { 'probe/probe': 'error' },
        settings: options.settings ?? {},
        languageOptions: {
          sourceType: 'module',
          ...(parser === 'typescript' ? { parser: tsParser as never } : {}),
        },
      },
    ],
    options.filename ?? (parser === 'typescript' ? 'file.ts' : 'file.js'),
  );
  const fatal = messages.find((m) => m.fatal || m.ruleId === 'probe/probe');
  if (fatal) throw new Error(`analysis failed: ${fatal.message}`);
  if (result === undefined) throw new Error('probe rule did not run');
  return result;
}

/** The output facts of every compile site, flattened: [site][output] -> list of activation/units strings. */
export function compiledOutputs(a: FileAnalysis): string[][][] {
  return a.compileSites.map((site) =>
    a
      .pairsOf(site)
      .map((pairs) => [
        ...new Set(pairs.map((p) => describeOutput(p.output) + ' + ' + (p.loss ? p.loss.info.key : '?'))),
      ]),
  );
}

export function describeOutput(o: OutputFact | null): string {
  if (!o) return '?';
  return `${o.activation ?? '?'}/${o.units ?? '?'}`;
}
