/**
 * Generated programs with a known truth: fast-check writes TF.js programs from a
 * random specification (generator.ts), the oracle (oracle.ts) says which rules must
 * report, and the plugin must agree exactly — no missed bug, no false report.
 * Every program's fixes and suggestions are checked as in fix-safety (harness.ts).
 *
 * RELIABILITY_RUNS (default 2000) and RELIABILITY_SEED (default fixed) change the run;
 * a disagreement prints the (shrunk) program.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { pathsOf, render, specArbitrary } from './generator.js';
import { checkFixes, lint, writeSummary, type ParserName } from './harness.js';
import { ORACLE, mustReport } from './oracle.js';

const RUNS = Number(process.env.RELIABILITY_RUNS ?? 2000);
const SEED = Number(process.env.RELIABILITY_SEED ?? 20_240_611);

const registered = new Set(Object.keys(plugin.rules));
const active = ORACLE.filter((e) => registered.has(e.rule));
const pending = ORACLE.filter((e) => !registered.has(e.rule)).map((e) => e.rule);
const withoutOracle = [...registered].filter((r) => !ORACLE.some((e) => e.rule === r));

describe('generated programs', () => {
  it(`the plugin agrees with the oracle on ${RUNS} programs`, { timeout: 600_000 }, () => {
    console.log(
      `[reliability:generated] asserting ${active.length} oracle entries (${active.map((e) => e.rule).join(', ')}); ` +
        `${pending.length} waiting for their rule (${pending.join(', ')}); ${withoutOracle.length} rules without an oracle entry (${withoutOracle.join(', ')}).`,
    );
    const figures = {
      programs: 0,
      lines: 0,
      buggyPrograms: 0,
      reports: 0,
      fixesApplied: 0,
      suggestionsApplied: 0,
      crashes: 0,
      falseReports: 0,
      missedBugs: 0,
    };
    const perRule = Object.fromEntries(active.map((e) => [e.rule, { mustReport: 0, mustNotReport: 0 }]));
    const started = process.cpuUsage();
    fc.assert(
      fc.property(specArbitrary, fc.constantFrom<ParserName>('espree', 'typescript'), (spec, parser) => {
        const code = render(spec);
        const paths = pathsOf(spec);
        const messages = lint(code, { parser });
        const show = () =>
          `\n--- program (${parser}) ---\n${code}--- messages ---\n${messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`).join('\n')}`;
        const fatal = messages.filter((m) => m.fatal || !m.ruleId);
        if (fatal.length > 0) {
          figures.crashes += 1;
          throw new Error(`crash${show()}`);
        }
        const reported = new Set(messages.map((m) => m.ruleId!.replace(/^tfjs\//, '')));
        for (const entry of active) {
          const expected = mustReport(entry, paths);
          const actual = reported.has(entry.rule);
          if (expected !== actual) {
            if (actual) figures.falseReports += 1;
            else figures.missedBugs += 1;
            throw new Error(
              `${entry.rule}: the oracle says ${expected ? 'report' : 'silent'}, the plugin ${actual ? 'reported' : 'was silent'}; paths ${JSON.stringify(paths)}${show()}`,
            );
          }
          perRule[entry.rule]![expected ? 'mustReport' : 'mustNotReport'] += 1;
        }
        const fixes = checkFixes(code, { parser }, messages);
        if (fixes.problems.length > 0) throw new Error(`unsafe fix: ${fixes.problems.join('\n')}${show()}`);
        figures.programs += 1;
        figures.lines += code.split('\n').length - 1;
        if (active.some((e) => mustReport(e, paths))) figures.buggyPrograms += 1;
        figures.reports += messages.length;
        figures.fixesApplied += fixes.fixesApplied;
        figures.suggestionsApplied += fixes.suggestionsApplied;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    const cpu = process.cpuUsage(started);
    writeSummary('generated', {
      seed: SEED,
      cpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(1),
      ...figures,
      perRule,
      pendingOracleEntries: pending,
      rulesWithoutOracle: withoutOracle,
    });
    // Both verdicts occur for every asserted rule: the generator can tell the plugin wrong.
    for (const entry of active) {
      expect(perRule[entry.rule]!.mustReport, entry.rule).toBeGreaterThan(RUNS / 100);
      expect(perRule[entry.rule]!.mustNotReport, entry.rule).toBeGreaterThan(RUNS / 100);
    }
  });
});
