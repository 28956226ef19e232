/**
 * docs/ci.md uploads ESLint's findings to GitHub code scanning as SARIF through
 * @microsoft/eslint-formatter-sarif. Lint examples/ with the ESLint API, format
 * with the formatter as the CLI's `--format` does, and check that code scanning gets
 * the rule, the exact location and the link to the rule's doc.
 */
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ESLint } from 'eslint';
import { docsUrlOf, examplesEslint, ruleIds } from './helpers.js';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string };
      region: { startLine: number; startColumn: number; endLine?: number; endColumn?: number };
    };
  }[];
}
interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; helpUri: string; shortDescription?: { text: string } }[] } };
    results: SarifResult[];
    invocations?: { executionSuccessful: boolean }[];
  }[];
}

let results: ESLint.LintResult[];
let sarif: SarifLog;

beforeAll(async () => {
  const eslint = examplesEslint();
  results = await eslint.lintFiles(['.']);
  // Loaded the way `eslint --format @microsoft/eslint-formatter-sarif` loads it.
  const formatter = await eslint.loadFormatter('@microsoft/eslint-formatter-sarif');
  // The loaded formatter gets cwd and the rules' meta from ESLint, as on the CLI.
  sarif = JSON.parse(await formatter.format(results));
});

describe('SARIF for code scanning', () => {
  it('is SARIF 2.1.0 from ESLint, with findings in the examples', () => {
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    expect(sarif.runs[0]!.tool.driver.name).toBe('ESLint');
    expect(results.flatMap((r) => r.messages).length).toBeGreaterThan(0);
  });

  it('has one result per ESLint message, with its rule, level, message, file URI and region', () => {
    const run = sarif.runs[0]!;
    const expected = results.flatMap((r) =>
      r.messages.map((m) => ({
        ruleId: m.ruleId,
        level: m.severity === 2 ? 'error' : 'warning',
        text: m.message,
        uri: pathToFileURL(r.filePath).href,
        region: {
          startLine: m.line,
          startColumn: m.column,
          endLine: m.endLine,
          endColumn: m.endColumn,
          // The line's text, when ESLint gives it (eslint-plugin-html does, for HTML pages).
          ...((m as { source?: string }).source ? { snippet: { text: (m as { source?: string }).source } } : {}),
        },
      })),
    );
    const actual = run.results.map((s) => ({
      ruleId: s.ruleId,
      level: s.level,
      text: s.message.text,
      uri: s.locations[0]!.physicalLocation.artifactLocation.uri,
      region: s.locations[0]!.physicalLocation.region,
    }));
    expect(actual).toEqual(expected);
    for (const s of run.results) expect(s.ruleId).toMatch(/^tfjs\//);
  });

  it("describes each reported rule with the rule's doc url as helpUri", () => {
    const run = sarif.runs[0]!;
    const reported = [...new Set(run.results.map((s) => s.ruleId))];
    expect(run.tool.driver.rules.map((r) => r.id).sort()).toEqual(reported.sort());
    for (const rule of run.tool.driver.rules) {
      const id = rule.id.replace(/^tfjs\//, '');
      expect(ruleIds).toContain(id);
      expect(rule.helpUri).toBe(docsUrlOf(id));
      expect(rule.shortDescription?.text).toMatch(/^(Disallow|Require|Enforce|Prefer) /);
    }
    // Each result points at its rule's entry.
    for (const s of run.results) expect(run.tool.driver.rules[s.ruleIndex]!.id).toBe(s.ruleId);
  });
});
