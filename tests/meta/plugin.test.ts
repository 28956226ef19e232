/**
 * Meta-tests: the plugin object, its configs, and that every rule has a doc, a
 * test file and well-formed messages.
 */
import { Linter } from 'eslint';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const root = path.join(import.meta.dirname, '..', '..');
const ruleIds = Object.keys(plugin.rules);
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string; name: string };

describe('plugin object', () => {
  it('has meta with the package name, version and namespace', () => {
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: 'tfjs' });
  });

  it('lists every file in src/rules and nothing else', () => {
    const files = readdirSync(path.join(root, 'src', 'rules'))
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect([...ruleIds].sort()).toEqual(files);
  });

  it('puts every rule in `all`, and every recommended rule in `recommended`, as errors', () => {
    expect(plugin.configs.all.rules).toEqual(Object.fromEntries(ruleIds.map((id) => [`tfjs/${id}`, 'error'])));
    const recommended = ruleIds.filter((id) => plugin.rules[id as keyof typeof plugin.rules].meta.docs?.recommended);
    expect(plugin.configs.recommended.rules).toEqual(
      Object.fromEntries(recommended.map((id) => [`tfjs/${id}`, 'error'])),
    );
    expect(plugin.configs.recommended.plugins?.tfjs).toBe(plugin);
  });

  it('is the same object through require() of the CommonJS build', () => {
    const require = createRequire(import.meta.url);
    const cjs = require(path.join(root, 'dist', 'index.cjs'));
    expect(cjs.meta).toEqual(plugin.meta);
    expect(Object.keys(cjs.rules)).toEqual(ruleIds);
    expect(Object.keys(cjs.configs)).toEqual(['recommended', 'all']);
  });

  it('reports nothing on an empty file or a file without TF.js', () => {
    const linter = new Linter({ configType: 'flat' });
    for (const code of ['', 'const model = {}; model.compile({loss: tf});', 'export default 1;']) {
      expect(linter.verify(code, [plugin.configs.all as never], 'a.js')).toEqual([]);
    }
  });
});

describe.each(ruleIds)('rule %s', (id) => {
  const rule = plugin.rules[id as keyof typeof plugin.rules];

  it('has a doc page with examples, a test file and a docs url', () => {
    const doc = path.join(root, 'docs', 'rules', `${id}.md`);
    expect(existsSync(doc)).toBe(true);
    const text = readFileSync(doc, 'utf8');
    expect(text).toContain('❌');
    expect(text).toContain('✅');
    expect(text).toMatch(/## When not to use it/);
    expect(existsSync(path.join(root, 'tests', 'rules', `${id}.test.ts`))).toBe(true);
    expect(rule.meta.docs?.url).toBe(
      `https://github.com/eslint-plugin-tfjs/eslint-plugin-tfjs/blob/main/docs/rules/${id}.md`,
    );
  });

  it('has whole-sentence messages and an imperative description', () => {
    for (const [key, message] of Object.entries(rule.meta.messages)) {
      expect(message, key).toMatch(/\.$/);
      expect(message.charAt(0), key).toMatch(/[A-Z`']/);
    }
    expect(rule.meta.docs?.description).toMatch(/^(Disallow|Require|Enforce|Prefer) /);
    expect(rule.meta.docs?.description).not.toMatch(/\.$/);
  });
});
