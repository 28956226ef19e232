// Lint the bundled example projects with the built plugin and print the findings.
// The findings are the point: this exits 0 whatever it finds (and 1 only if ESLint
// itself fails).
import { ESLint } from 'eslint';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
// examples/eslint.config.js: the built plugin's `all` config, TypeScript through
// @typescript-eslint/parser (the same config the SARIF and CLI tests use).
const eslint = new ESLint({ cwd: path.join(root, 'examples') });

const results = await eslint.lintFiles(['.']);
let problems = 0;
let fixable = 0;
for (const r of results) {
  const rel = path.relative(root, r.filePath);
  if (r.messages.length === 0) {
    console.log(`✓ ${rel}: no findings`);
    continue;
  }
  console.log(`✗ ${rel}`);
  for (const m of r.messages) {
    problems += 1;
    if (m.fix) fixable += 1;
    const tags = [m.fix ? 'autofix' : null, m.suggestions?.length ? `${m.suggestions.length} suggestion(s)` : null]
      .filter(Boolean)
      .join(', ');
    console.log(`  ${m.line}:${m.column}  ${m.ruleId ?? 'parse error'}  ${tags ? `[${tags}]` : ''}`);
    console.log(`    ${m.message}`);
    for (const s of m.suggestions ?? []) console.log(`    💡 ${s.desc}`);
  }
}
console.log(`\n${results.length} files linted, ${problems} findings (${fixable} autofixable).`);
