/**
 * Shared by the ecosystem tests: the rule docs' code examples, the example projects,
 * and small ESLint helpers. Everything is derived from `plugin.rules`, docs/rules/
 * and examples/, so new rules, doc examples and example projects join by themselves.
 */
import { ESLint, Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import plugin from '../../src/index.js';

export const root = path.join(import.meta.dirname, '..', '..');
export const examplesDir = path.join(root, 'examples');
export const ruleIds = Object.keys(plugin.rules).sort();
export const docsUrlOf = (id: string): string =>
  (plugin.rules as Record<string, { meta: { docs?: { url?: string } } }>)[id]!.meta.docs!.url!;

export interface DocBlock {
  /** The rule whose doc holds the block. */
  ruleId: string;
  /** `invalid` under a heading with ❌, `valid` under a heading with ✅. */
  kind: 'invalid' | 'valid';
  lang: 'js' | 'ts';
  code: string;
  /** 1-based line of the opening fence in the markdown file. */
  line: number;
  /** `docs/rules/<id>.md:<line>`, for messages. */
  where: string;
}

/**
 * Every ```js / ```ts block of docs/rules/<id>.md that sits under a heading
 * containing ❌ or ✅ (the nearest heading above the block decides).
 */
export function docBlocks(): DocBlock[] {
  const blocks: DocBlock[] = [];
  for (const file of readdirSync(path.join(root, 'docs', 'rules'))
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    const ruleId = file.replace(/\.md$/, '');
    const lines = readFileSync(path.join(root, 'docs', 'rules', file), 'utf8').split('\n');
    let kind: DocBlock['kind'] | null = null;
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i]!;
      if (/^#{1,6}\s/.test(text)) {
        kind = text.includes('❌') ? 'invalid' : text.includes('✅') ? 'valid' : null;
        continue;
      }
      const fence = /^(`{3,})\s*(\w+)?/.exec(text);
      if (!fence) continue;
      // Find the closing fence whatever the language, so that a block is never
      // mistaken for text.
      let end = i + 1;
      while (end < lines.length && !lines[end]!.startsWith(fence[1]!)) end++;
      const lang = fence[2];
      if (kind && (lang === 'js' || lang === 'ts')) {
        blocks.push({
          ruleId,
          kind,
          lang,
          code: lines.slice(i + 1, end).join('\n') + '\n',
          line: i + 1,
          where: `docs/rules/${file}:${i + 1}`,
        });
      }
      i = end;
    }
  }
  return blocks;
}

/** Every file of the example projects (what examples/eslint.config.js lints). */
export function exampleFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(c|m)?[jt]sx?$/.test(entry.name) && entry.name !== 'eslint.config.js') out.push(full);
    }
  };
  walk(examplesDir);
  return out.sort();
}

/** A flat config enabling `rules` (all of them by default) under the parser the file name calls for. */
export function configFor(
  filename: string,
  rules: Linter.RulesRecord = plugin.configs.all.rules as Linter.RulesRecord,
): Linter.Config[] {
  const ts = /\.(c|m)?tsx?$/.test(filename);
  return [
    {
      files: ['**/*.*'],
      plugins: { tfjs: plugin as never },
      languageOptions: ts
        ? { parser: tsParser as never }
        : { sourceType: /\.cjs$/.test(filename) ? 'commonjs' : 'module', ecmaVersion: 'latest' },
      rules,
    },
  ];
}

export interface Case {
  /** Where the code comes from, for messages. */
  where: string;
  /** A file name with the right extension (for the parser). */
  filename: string;
  code: string;
}

/** Every piece of code the rules should report on: the ❌ doc blocks and the example files with findings. */
export function invalidCases(): Case[] {
  const cases: Case[] = docBlocks()
    .filter((b) => b.kind === 'invalid')
    .map((b) => ({ where: b.where, filename: `${b.ruleId}.${b.lang}`, code: b.code }));
  const linter = new Linter({ configType: 'flat' });
  for (const file of exampleFiles()) {
    const code = readFileSync(file, 'utf8');
    const filename = path.basename(file);
    if (linter.verify(code, configFor(filename), filename).length > 0) {
      cases.push({ where: path.relative(root, file), filename, code });
    }
  }
  return cases;
}

/** An ESLint instance on examples/ with examples/eslint.config.js, as `npm run demo` uses. */
export function examplesEslint(options: ESLint.Options = {}): ESLint {
  return new ESLint({ cwd: examplesDir, ...options });
}

/** The text a message's range covers. */
export function textOf(code: string, m: Linter.LintMessage): string {
  const lines = code.split('\n');
  const start = offsetOf(lines, m.line, m.column);
  const end = offsetOf(lines, m.endLine ?? m.line, m.endColumn ?? m.column);
  return code.slice(start, end);
}

function offsetOf(lines: string[], line: number, column: number): number {
  let offset = 0;
  for (let i = 0; i < line - 1; i++) offset += lines[i]!.length + 1;
  return offset + column - 1;
}
