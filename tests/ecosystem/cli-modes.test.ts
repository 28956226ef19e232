/**
 * docs/ci.md recommends `eslint --cache` and `eslint --concurrency auto` (worker
 * threads). Both must give what a plain run gives: the plugin keeps no state
 * between files that a worker or a cached result could miss. The files are the
 * example projects and every rule doc code block, copied enough times (more than
 * 50 files per worker) that `auto` starts workers on a machine with 4+ cores;
 * `--concurrency 2` forces two workers on any machine.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docBlocks, exampleFiles, examplesDir, root } from './helpers.js';

const COPIES = 8;
const eslintBin = path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');

interface Output {
  code: number;
  stderr: string;
  /** relative file -> messages (rule, position, message). */
  byFile: Record<
    string,
    { ruleId: string | null; line: number; column: number; endLine?: number; endColumn?: number; message: string }[]
  >;
}

function eslint(args: string[], cwd: string): Promise<Output> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [eslintBin, '.', '--format', 'json', ...args],
      { cwd, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        const byFile: Output['byFile'] = {};
        for (const r of JSON.parse(stdout || '[]') as { filePath: string; messages: Output['byFile'][string] }[]) {
          byFile[path.relative(cwd, r.filePath)] = r.messages.map(
            ({ ruleId, line, column, endLine, endColumn, message }) => ({
              ruleId,
              line,
              column,
              endLine,
              endColumn,
              message,
            }),
          );
        }
        resolve({ code: error ? Number(error.code) : 0, stderr, byFile });
      },
    );
  });
}

let dir: string;
let fileCount = 0;
const out: Record<string, Output> = {};

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'eslint-plugin-tfjs-cli-'));
  const require = createRequire(import.meta.url);
  // The config imports the repository's build and parser by URL (the temporary
  // directory has no node_modules).
  writeFileSync(
    path.join(dir, 'eslint.config.mjs'),
    `import tsParser from ${JSON.stringify(pathToFileURL(require.resolve('@typescript-eslint/parser')).href)};
import tfjs from ${JSON.stringify(pathToFileURL(path.join(root, 'dist', 'index.js')).href)};

export default [
  { ignores: ['eslint.config.mjs'] },
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  tfjs.configs.all,
];
`,
  );
  const sources: [string, string][] = exampleFiles().map((f) => [
    path.relative(examplesDir, f),
    readFileSync(f, 'utf8'),
  ]);
  docBlocks().forEach((b, i) => sources.push([`docs/${b.ruleId}-${b.kind}-${i}.${b.lang}`, b.code]));
  for (let copy = 0; copy < COPIES; copy++) {
    for (const [file, code] of sources) {
      const target = path.join(dir, `copy-${copy}`, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, code);
      fileCount++;
    }
  }
  out.plain = await eslint([], dir);
  const cache = ['--cache', '--cache-location', path.join(dir, '.cache', 'eslint')];
  out.cacheCold = await eslint(cache, dir);
  out.cacheWarm = await eslint(cache, dir);
  // Worker threads: one run at a time, they share the machine's cores.
  out.auto = await eslint(['--concurrency', 'auto'], dir);
  out.two = await eslint(['--concurrency', '2'], dir);
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('eslint CLI modes give the same results', () => {
  it('lints every file, with findings, in a plain run', () => {
    expect(out.plain!.stderr).toBe('');
    expect(Object.keys(out.plain!.byFile)).toHaveLength(fileCount);
    expect(fileCount).toBeGreaterThan(50);
    expect(Object.values(out.plain!.byFile).flat().length).toBeGreaterThan(0);
    expect(
      Object.values(out.plain!.byFile)
        .flat()
        .filter((m) => m.ruleId === null),
    ).toEqual([]);
    expect(out.plain!.code).toBe(1);
  });

  it.each([
    ['--cache (first run, writes the cache)', 'cacheCold'],
    ['--cache (second run, from the cache)', 'cacheWarm'],
    ['--concurrency auto', 'auto'],
    ['--concurrency 2 (two worker threads)', 'two'],
  ])('%s', (_name, key) => {
    // ESLint may advise that threads do not pay off on so few files; nothing else.
    const stderr = out[key]!.stderr.replace(/^.*(ESLintPoorConcurrencyWarning|--trace-warnings).*\n/gm, '');
    expect(stderr).toBe('');
    expect(out[key]!.byFile).toEqual(out.plain!.byFile);
    expect(out[key]!.code).toBe(out.plain!.code);
    if (key.startsWith('cache')) expect(existsSync(path.join(dir, '.cache', 'eslint'))).toBe(true);
  });
});
