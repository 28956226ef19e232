/**
 * The bundled examples (what `npm run demo` prints): each file says in `// expect:`
 * comments (`<!-- expect: -->` in an HTML page) which rules must report in it (`nothing` for correct code). The plugin
 * must report exactly those, once each.
 */
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const examples = path.join(import.meta.dirname, '..', 'examples');

describe('examples', async () => {
  const eslint = new ESLint({ cwd: examples });
  const results = await eslint.lintFiles(['.']);

  it('covers every rule with at least one buggy example and has correct ones', async () => {
    const plugin = (await import('../src/index.js')).default;
    const expected = new Set(results.flatMap((r) => expectations(r.filePath)));
    for (const id of Object.keys(plugin.rules)) expect(expected, id).toContain(`tfjs/${id}`);
    expect(results.filter((r) => expectations(r.filePath).length === 0).length).toBeGreaterThanOrEqual(3);
  });

  it.each(results.map((r) => [path.relative(examples, r.filePath), r] as const))('%s', (_name, result) => {
    expect(result.messages.filter((m) => m.fatal)).toEqual([]);
    expect(result.messages.map((m) => m.ruleId).sort()).toEqual(expectations(result.filePath).sort());
  });
});

function expectations(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  // `// expect: ...` in a script, `<!-- expect: ... -->` in an HTML page.
  const lines = [...text.matchAll(/^(?:\/\/|<!--) expect: (.+?)(?: -->)?$/gm)].map((m) => m[1]!.trim());
  if (lines.length === 0) throw new Error(`${file} has no "// expect:" line`);
  return lines.filter((l) => l !== 'nothing');
}
