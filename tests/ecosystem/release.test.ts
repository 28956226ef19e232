/**
 * Release hygiene: one semver version everywhere (package.json, plugin.meta in the
 * source and in both builds), a CHANGELOG entry for it in Keep a Changelog form, an
 * MIT LICENSE matching package.json.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { root } from './helpers.js';

// The official pattern from https://semver.org/#is-there-a-suggested-regular-expression-regex-to-check-a-semver-string
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  version: string;
  license: string;
  files: string[];
};
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

describe('release', () => {
  it('has a valid semver version, the same in package.json, the source and both builds', async () => {
    expect(pkg.version).toMatch(SEMVER);
    expect(plugin.meta.version).toBe(pkg.version);
    const esm = (await import(pathToFileURL(path.join(root, 'dist', 'index.js')).href)).default;
    const cjs = createRequire(import.meta.url)(path.join(root, 'dist', 'index.cjs'));
    expect(esm.meta.version).toBe(pkg.version);
    expect(cjs.meta.version).toBe(pkg.version);
  });

  it('has a CHANGELOG entry for the version, in Keep a Changelog form', () => {
    const changelog = read('CHANGELOG.md');
    expect(changelog).toMatch(/^# Changelog\n/);
    expect(changelog).toContain('https://keepachangelog.com/');
    expect(changelog).toMatch(/^## \[Unreleased\]$/m);
    const heading = new RegExp(
      `^## \\[${pkg.version.replace(/\./g, '\\.')}\\] - (\\d{4}-\\d{2}-\\d{2}|Unreleased)$`,
      'm',
    );
    expect(changelog).toMatch(heading);
    // The entry has content under one of the standard headings, and a link for the version.
    const entry = changelog.slice(changelog.search(heading)).split(/^## /m)[1]!;
    expect(entry).toMatch(/^### (Added|Changed|Deprecated|Removed|Fixed|Security)$/m);
    expect(changelog).toMatch(new RegExp(`^\\[${pkg.version.replace(/\./g, '\\.')}\\]: https://`, 'm'));
  });

  it('has an MIT LICENSE, as package.json says, and ships it with the CHANGELOG', () => {
    expect(pkg.license).toBe('MIT');
    expect(read('LICENSE')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
    expect(read('LICENSE')).toContain('THE SOFTWARE IS PROVIDED "AS IS"');
    // npm always packs LICENSE and README; the CHANGELOG needs `files`.
    expect(pkg.files).toContain('CHANGELOG.md');
  });
});
