/**
 * Each rule doc quotes its block of docs/evidence.md verbatim (written there by
 * `npm run evidence`, never by hand): a stale or hand-edited quote fails here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { quoteEvidence, RULE_DOC_END, RULE_DOC_START, RULE_IDS } from '../../scripts/evidence-lib.mjs';

const root = path.join(import.meta.dirname, '..', '..');

describe('rule docs quote docs/evidence.md', () => {
  it.each(RULE_IDS)('%s', (ruleId) => {
    const block = quoteEvidence(ruleId, readFileSync(path.join(root, 'docs', 'evidence.md'), 'utf8'));
    expect(block, `docs/evidence.md has no block for ${ruleId}`).toBeTruthy();
    const doc = readFileSync(path.join(root, 'docs', 'rules', `${ruleId}.md`), 'utf8');
    const start = doc.indexOf(RULE_DOC_START);
    const end = doc.indexOf(RULE_DOC_END);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    // The quote is the block itself, then a line that points at docs/evidence.md.
    const quoted = doc.slice(start + RULE_DOC_START.length, end).trim();
    expect(quoted.startsWith(block!.trim())).toBe(true);
    expect(quoted.slice(block!.trim().length)).toMatch(/^\s*_Measured by `npm run evidence`[^\n]*_$/);
  });
});
