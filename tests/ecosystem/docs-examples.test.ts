/**
 * Docs stay true: every ```js / ```ts block under a ❌ heading of docs/rules/<id>.md
 * is reported by rule <id> alone, every block under a ✅ heading is not, and none
 * has a parse error. Each rule's doc url points at that file.
 */
import { Linter } from 'eslint';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFor, docBlocks, docsUrlOf, root, ruleIds } from './helpers.js';

const blocks = docBlocks();
const linter = new Linter({ configType: 'flat' });

describe('rule docs', () => {
  it.each(ruleIds)('%s has ❌ and ✅ code examples and its docs url names its doc file', (id) => {
    expect(blocks.filter((b) => b.ruleId === id && b.kind === 'invalid').length).toBeGreaterThan(0);
    expect(blocks.filter((b) => b.ruleId === id && b.kind === 'valid').length).toBeGreaterThan(0);
    const url = docsUrlOf(id);
    expect(url).toMatch(new RegExp(`/blob/main/docs/rules/${id}\\.md$`));
    const relative = url.replace(/^.*\/blob\/main\//, '');
    expect(existsSync(path.join(root, relative))).toBe(true);
  });

  it('has no doc for a rule that does not exist', () => {
    expect([...new Set(blocks.map((b) => b.ruleId))].filter((id) => !ruleIds.includes(id))).toEqual([]);
  });
});

describe.each(blocks.map((b) => [b.where, b] as const))('%s', (_where, block) => {
  const rule = `tfjs/${block.ruleId}`;
  const filename = `example.${block.lang}`;

  it(block.kind === 'invalid' ? `is reported by ${rule} alone` : `is not reported by ${rule}`, () => {
    const messages = linter.verify(block.code, configFor(filename, { [rule]: 'error' }), filename);
    const fatal = messages.filter((m) => m.fatal || m.ruleId === null);
    expect(fatal, 'parse error in the example').toEqual([]);
    const own = messages.filter((m) => m.ruleId === rule);
    if (block.kind === 'invalid') expect(own.length).toBeGreaterThan(0);
    else expect(own).toEqual([]);
  });
});
