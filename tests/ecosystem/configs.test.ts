/**
 * The configs and the ways docs/configs.md gives to turn a rule off: `recommended`
 * holds the bug-finding rules as errors, `all` every rule; an eslint-disable comment
 * silences a rule for a file or a line, and a files-scoped config entry turns it off
 * for some files.
 */
import { Linter } from 'eslint';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { configFor, docBlocks, root, ruleIds } from './helpers.js';

type Meta = { type: string; docs?: { recommended?: boolean } };
const metaOf = (id: string) => (plugin.rules as Record<string, { meta: Meta }>)[id]!.meta;
const linter = new Linter({ configType: 'flat' });

describe('configs', () => {
  it('recommended holds exactly the recommended rules, each a bug finder (type "problem"), as errors', () => {
    const recommended = ruleIds.filter((id) => metaOf(id).docs?.recommended);
    expect(recommended.length).toBeGreaterThan(0);
    for (const id of recommended) expect(metaOf(id).type, id).toBe('problem');
    expect(plugin.configs.recommended.rules).toEqual(
      Object.fromEntries(recommended.map((id) => [`tfjs/${id}`, 'error'])),
    );
  });

  it('all holds every rule as an error', () => {
    expect(plugin.configs.all.rules).toEqual(Object.fromEntries(ruleIds.map((id) => [`tfjs/${id}`, 'error'])));
  });

  it('are documented in docs/configs.md, with the ways to turn a rule off', () => {
    const doc = readFileSync(path.join(root, 'docs', 'configs.md'), 'utf8');
    for (const name of Object.keys(plugin.configs)) expect(doc).toContain(`tfjs.configs.${name}`);
    for (const text of ['eslint-disable-next-line', '/* eslint-disable tfjs/', 'files:']) expect(doc).toContain(text);
  });
});

// One ❌ example per rule is enough to show that the switches work.
const firstInvalid = ruleIds.map((id) => docBlocks().find((b) => b.ruleId === id && b.kind === 'invalid')!);

describe.each(firstInvalid.map((b) => [b.ruleId, b] as const))('turning %s off', (id, block) => {
  const rule = `tfjs/${id}`;
  const filename = `src/model.${block.lang}`;
  const strict = (config: Linter.Config[]): Linter.Config[] => [
    ...config,
    { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  ];
  // This rule alone: a ❌ example of one rule may well be another rule's finding too.
  const only = () => configFor(filename, { [rule]: 'error' });
  const own = (messages: Linter.LintMessage[]) => messages.filter((m) => m.ruleId === rule);

  it('is reported without a directive', () => {
    expect(own(linter.verify(block.code, only(), filename)).length).toBeGreaterThan(0);
  });

  it('for a whole file with /* eslint-disable tfjs/<rule> */', () => {
    const code = `/* eslint-disable ${rule} -- reproducing a paper's setup */\n${block.code}`;
    const messages = linter.verify(code, strict(only()), filename);
    expect(messages).toEqual([]);
  });

  it('for one line with // eslint-disable-next-line tfjs/<rule>', () => {
    const lines = block.code.split('\n');
    const reported = [...new Set(own(linter.verify(block.code, only(), filename)).map((m) => m.line))];
    // Insert from the bottom so that earlier line numbers stay valid.
    for (const line of reported.sort((a, b) => b - a)) {
      const indent = /^\s*/.exec(lines[line - 1]!)![0];
      lines.splice(line - 1, 0, `${indent}// eslint-disable-next-line ${rule} -- intended`);
    }
    const messages = linter.verify(lines.join('\n'), strict(only()), filename);
    // Every directive was used (reportUnusedDisableDirectives) and nothing of the rule is left.
    expect(messages).toEqual([]);
  });

  it('for some files with a files-scoped config entry, and only for those', () => {
    const config: Linter.Config[] = [...only(), { files: ['legacy/**'], rules: { [rule]: 'off' } }];
    expect(own(linter.verify(block.code, config, `legacy/model.${block.lang}`))).toEqual([]);
    expect(own(linter.verify(block.code, config, filename)).length).toBeGreaterThan(0);
  });
});
