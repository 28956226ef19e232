// `npm run evidence`: run every evidence scenario, write docs/evidence.md, and refresh the
// block between `<!-- evidence:start -->` and `<!-- evidence:end -->` in each
// docs/rules/<rule-id>.md that has those markers (other docs are left alone).
//
// Options: --only <rule-id>[,<rule-id>...] runs a subset (docs/evidence.md is still
// rewritten, with only those sections, so use it for experiments, not for commits).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULTS,
  RULE_IDS,
  initTf,
  makeData,
  quoteEvidence,
  renderEvidenceMarkdown,
  replaceRuleDocEvidence,
  runScenario,
} from './evidence-lib.mjs';
import { updateLeakEvidence } from './evidence-leaks.mjs';
import {
  TRAINING_CALL_RULE_IDS,
  renderTrainingCallSections,
  runTrainingCallScenario,
} from './evidence-training-calls.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const evidencePath = join(root, 'docs', 'evidence.md');

function parseArgs(argv) {
  const i = argv.indexOf('--only');
  const only = i >= 0 && argv[i + 1] ? argv[i + 1].split(',') : null;
  if (only) {
    const unknown = only.filter((id) => !RULE_IDS.includes(id) && !TRAINING_CALL_RULE_IDS.includes(id));
    if (unknown.length) throw new Error(`no evidence scenario for: ${unknown.join(', ')}`);
  }
  return { only };
}

async function main() {
  const { only } = parseArgs(process.argv.slice(2));
  const { version, backend } = await initTf();
  const started = performance.now();
  const results = [];
  for (const ruleId of only ? only.filter((id) => RULE_IDS.includes(id)) : RULE_IDS) {
    const t0 = performance.now();
    const res = await runScenario(ruleId);
    results.push(res);
    console.log(`${ruleId}: ${res.rows.length} runs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const reportedAccuracyKey = results.flatMap((r) => r.rows).find((r) => r.reportedAccuracyKey)?.reportedAccuracyKey;
  const trainingCalls = [];
  for (const ruleId of only ? only.filter((id) => TRAINING_CALL_RULE_IDS.includes(id)) : TRAINING_CALL_RULE_IDS) {
    trainingCalls.push(await runTrainingCallScenario(ruleId));
    console.log(`${ruleId}: measured`);
  }
  const markdown = renderEvidenceMarkdown(results, {
    version,
    backend,
    options: DEFAULTS,
    dataDescription: makeData(DEFAULTS).description,
    binaryDataDescription: makeData({ ...DEFAULTS, numClasses: 2 }).description,
    reportedAccuracyKey,
  });
  const page = markdown + renderTrainingCallSections(trainingCalls);
  writeFileSync(evidencePath, page);
  console.log(`wrote ${evidencePath} (${((performance.now() - started) / 1000).toFixed(1)} s)`);

  for (const res of [...results, ...trainingCalls]) {
    const docPath = join(root, 'docs', 'rules', `${res.ruleId}.md`);
    if (!existsSync(docPath)) continue;
    const block = quoteEvidence(res.ruleId, page);
    if (block === null) continue;
    const before = readFileSync(docPath, 'utf8');
    const after = replaceRuleDocEvidence(before, res.ruleId, block);
    if (after === null || after === before) continue;
    writeFileSync(docPath, after);
    console.log(`updated evidence block in ${docPath}`);
  }
  if (!only) await updateLeakEvidence();
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
