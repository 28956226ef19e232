/**
 * Cross-file analysis through path aliases (`@/models/net`): `compilerOptions.paths`
 * and `baseUrl` of the nearest tsconfig.json or jsconfig.json, on a fixture project
 * (tests/fixtures/crossfile/aliases) and on temporary projects whose configs change.
 */
import tsParser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import fs, { mkdirSync, mkdtempSync, realpathSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import plugin from '../../src/index.js';
import { clearModuleCache, readLog } from '../../src/analysis/modules/cache.js';
import { parseJsonc } from '../../src/analysis/modules/jsonc.js';

const fixture = path.join(import.meta.dirname, '..', 'fixtures', 'crossfile', 'aliases');
const RULE = 'tfjs/no-activation-before-logits-loss';

async function lint(file: string) {
  const eslint = new ESLint({
    cwd: fixture,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tsParser as never } },
      { plugins: { tfjs: plugin as never }, rules: { [RULE]: 'error' } },
    ],
  });
  const [result] = await eslint.lintFiles([file]);
  return result!.messages.map((m) => `${m.line}: ${m.message.split(', which')[0]}`);
}

/** `text` linted as `file` (in `root`, ESLint's cwd) with the rule: each message up to " is fed". */
function lintIn(root: string, text: string, file: string): string[] {
  const config = [{ plugins: { tfjs: plugin as never }, rules: { [RULE]: 'error' as const } }];
  return new Linter({ cwd: root })
    .verify(text, config as never, { filename: path.join(root, file) })
    .map((m) => m.message.split(' is fed')[0]!);
}

/** Writes `files` (path relative to `root` -> text), directories included. */
function write(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
}

/**
 * Dates `paths` back ten minutes, to a moment of their own for each `step`: configs
 * and listings changed within the last 2 s are not cached (coarse mtime clocks), and
 * these tests check the cached answers are revalidated.
 */
function dateBack(step: number, ...paths: string[]): void {
  const t = new Date(Date.now() - 600_000 + 10_000 * step);
  for (const p of paths) if (fs.existsSync(p)) utimesSync(p, t, t);
}

async function inTempDir(body: (root: string) => void | Promise<void>): Promise<void> {
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'tfjs-aliases-')));
  try {
    await body(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const GLOBAL_TF = "import * as tf from '@tensorflow/tfjs';\nexport { tf };\n";
/** A softmax output fed to softmaxCrossEntropy, `tf` imported from `source`. */
const train = (source: string) =>
  `import { tf } from '${source}';\n` +
  'const model = tf.sequential();\n' +
  "model.add(tf.layers.dense({ inputShape: [4], units: 3, activation: 'softmax' }));\n" +
  "model.compile({ optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy });\n";
const MODEL = (activation: string) =>
  "import * as tf from '@tensorflow/tfjs';\n" +
  `export const createModel = () => tf.sequential({ layers: [tf.layers.dense({ units: 3, activation: '${activation}', inputShape: [4] })] });\n`;
const TRAIN_FACTORY =
  "import * as tf from '@tensorflow/tfjs';\nimport { createModel } from '@/models/net';\n" +
  "const m = createModel();\nm.compile({ optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy });\n";

beforeEach(() => clearModuleCache());
afterEach(() => vi.restoreAllMocks());

describe('path aliases (fixture project, tsconfig.json with comments and trailing commas)', () => {
  it('follows `tf` re-exported by a local file and imported through `@/*`', async () => {
    expect(await lint('src/app/train-alias.ts')).toEqual([
      '6: The softmax output is fed to `tf.losses.softmaxCrossEntropy` (line 7)',
    ]);
  });

  it('stays silent on the correct twin (linear output), imported the same way', async () => {
    expect(await lint('src/app/train-alias-correct.ts')).toEqual([]);
  });

  it('stays silent when no alias maps the specifier (`tf` is unknown)', async () => {
    expect(await lint('src/app/train-unmapped.ts')).toEqual([]);
  });

  it('follows an exact alias, a second target when the first has no file, and baseUrl', async () => {
    // Reported on the loss in this file, naming the softmax in the module.
    expect(await lint('src/app/train-factory.ts')).toEqual([
      '8: The softmax output (../models/net.ts:5) is fed to `tf.losses.softmaxCrossEntropy`',
      '10: The softmax output (../fallback/model.ts:4) is fed to `tf.losses.softmaxCrossEntropy`',
    ]);
  });
});

describe('parseJsonc', () => {
  it('drops comments and trailing commas outside strings only', () => {
    const text =
      '\ufeff{\n  // "a": 1,\n  "paths": { "@/*": ["./src/*",], /* , } */ "b//c": ["x\\"/*"], },\n  "url": "http://x",\n}\n';
    expect(parseJsonc(text)).toEqual({ paths: { '@/*': ['./src/*'], 'b//c': ['x"/*'] }, url: 'http://x' });
  });

  it('is undefined for text that is not JSON even then', () => {
    expect(parseJsonc('{ "compilerOptions": ')).toBeUndefined();
    expect(parseJsonc('{ paths: {} }')).toBeUndefined();
  });
});

describe('path aliases (temporary projects)', () => {
  it('sees a changed tsconfig on the next lint (cached configs are revalidated)', async () => {
    await inTempDir((root) => {
      const config = path.join(root, 'tsconfig.json');
      const paths = (target: string) => `{ "compilerOptions": { "paths": { "@/*": ["${target}"] } } }\n`;
      write(root, { 'tsconfig.json': paths('./src/*'), 'src/globalTf.js': GLOBAL_TF, 'other/.keep': '' });
      const settle = (step: number) => dateBack(step, config, root, path.join(root, 'src'));
      settle(0);
      const lintTrain = () => lintIn(root, train('@/globalTf'), 'src/train.js');
      expect(lintTrain()).toEqual(['The softmax output']);
      expect(lintTrain()).toEqual(['The softmax output']);
      // The alias now leads where there is no such file: `tf` is unknown.
      writeFileSync(config, paths('./other/*'));
      settle(1);
      expect(lintTrain()).toEqual([]);
      writeFileSync(config, paths('./src/*'));
      settle(2);
      expect(lintTrain()).toEqual(['The softmax output']);
      // A nearer config appears, which maps `@/` elsewhere.
      writeFileSync(path.join(root, 'src', 'jsconfig.json'), paths('../other/*'));
      settle(3);
      expect(lintTrain()).toEqual([]);
      rmSync(path.join(root, 'src', 'jsconfig.json'));
      settle(4);
      expect(lintTrain()).toEqual(['The softmax output']);
      // Removed: nothing maps `@/`.
      rmSync(config);
      settle(5);
      expect(lintTrain()).toEqual([]);
    });
  });

  it('re-resolves the aliases of a cached module when the tsconfig changes', async () => {
    await inTempDir((root) => {
      const config = path.join(root, 'jsconfig.json');
      const paths = (target: string) => `{ "compilerOptions": { "paths": { "@/*": ["${target}"] } } }\n`;
      write(root, {
        'jsconfig.json': paths('./src/*'),
        'src/models/net.js': MODEL('softmax'),
        'src/factory.js': "export { createModel } from '@/models/net';\n",
        'lib/models/net.js': MODEL('linear'),
      });
      const settle = (step: number) => dateBack(step, config, root, path.join(root, 'src'));
      settle(0);
      const train = TRAIN_FACTORY.replace('@/models/net', './factory');
      expect(lintIn(root, train, 'src/train.js')).toEqual(['The softmax output (models/net.js:2)']);
      // factory.js is unchanged and cached; its `@/models/net` now names lib's linear model.
      writeFileSync(config, paths('./lib/*'));
      settle(1);
      expect(lintIn(root, train, 'src/train.js')).toEqual([]);
    });
  });

  it('uses the nearest config above the linted file, a jsconfig.json too', async () => {
    await inTempDir((root) => {
      write(root, {
        'tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }',
        'src/models/net.js': MODEL('softmax'),
        'web/jsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["app/*"] } } }',
        'web/app/models/net.js': MODEL('sigmoid'),
      });
      expect(lintIn(root, TRAIN_FACTORY, 'src/train.js')).toEqual(['The softmax output (models/net.js:2)']);
      expect(lintIn(root, TRAIN_FACTORY, 'web/train.js')).toEqual(['The sigmoid output (app/models/net.js:2)']);
    });
  });

  it('takes paths from a relative `extends` and from the references of a solution config (create-vue, Vite)', async () => {
    await inTempDir((root) => {
      write(root, {
        'tsconfig.json':
          '{ "files": [], "references": [{ "path": "./tsconfig.node.json" }, { "path": "./tsconfig.app.json" }] }',
        'tsconfig.node.json': '{ "compilerOptions": { "types": ["node"] } }',
        'tsconfig.app.json': '{ "extends": ["@vue/tsconfig/tsconfig.dom.json", "./tsconfig.paths"] }',
        'tsconfig.paths.json': '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }',
        'src/models/net.js': MODEL('softmax'),
      });
      expect(lintIn(root, TRAIN_FACTORY, 'src/train.js')).toEqual(['The softmax output (models/net.js:2)']);
    });
  });

  it('follows `extends` two levels deep, not three', async () => {
    await inTempDir((root) => {
      const chain = (depth: number) => {
        const files: Record<string, string> = { 'src/models/net.js': MODEL('softmax') };
        for (let i = 0; i < depth; i++) files[`c${i}.json`] = `{ "extends": "./c${i + 1}.json" }`;
        files[`c${depth}.json`] = '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }';
        files['tsconfig.json'] = '{ "extends": "./c0.json" }';
        return files;
      };
      write(root, chain(1));
      expect(lintIn(root, TRAIN_FACTORY, 'src/train.js')).toEqual(['The softmax output (models/net.js:2)']);
      clearModuleCache();
      rmSync(path.join(root, 'c1.json'));
      write(root, chain(2));
      expect(lintIn(root, TRAIN_FACTORY, 'src/train.js')).toEqual([]);
    });
  });

  it('never reads a package, through `extends`, an alias into node_modules or baseUrl, nor leaves the project', async () => {
    await inTempDir((root) => {
      const project = path.join(root, 'project');
      write(project, {
        'tsconfig.json':
          '{ "extends": "shared-config/tsconfig.json", "compilerOptions": { "baseUrl": ".", "paths": { "@lib/*": ["node_modules/lib/*"], "@up/*": ["../outside/*"] } } }',
        'node_modules/shared-config/tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }',
        'node_modules/lib/net.js': MODEL('softmax'),
        'node_modules/lodash/index.js': MODEL('softmax'),
        'src/models/net.js': MODEL('softmax'),
      });
      write(root, { 'outside/net.js': MODEL('softmax') });
      readLog.length = 0;
      for (const source of ['@/models/net', '@lib/net', '@up/net', 'lodash']) {
        const text = TRAIN_FACTORY.replace('@/models/net', source);
        expect(lintIn(project, text, 'src/train.js'), source).toEqual([]);
      }
      expect(readLog).toEqual([]);
    });
  });

  it('reads no config for a file without TF.js and without a model-method call', async () => {
    await inTempDir((root) => {
      write(root, { 'tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }' });
      const read = vi.spyOn(fs, 'readFileSync');
      const text =
        "import { format } from '@/util/format';\nimport _ from 'lodash';\nexport const f = (x) => format(_.map(x));\n";
      expect(lintIn(root, text, 'src/util.js')).toEqual([]);
      expect(read.mock.calls.filter(([file]) => String(file).endsWith('config.json'))).toEqual([]);
    });
  });

  it('follows an alias in a file that names no TF.js but trains an imported model', async () => {
    await inTempDir((root) => {
      write(root, {
        'tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }',
        'src/models/net.js': MODEL('softmax'),
        'src/loss.js': "import * as tf from '@tensorflow/tfjs';\nexport const LOSS = tf.losses.softmaxCrossEntropy;\n",
      });
      const text =
        "import { createModel } from '@/models/net';\nimport { LOSS } from '@/loss';\n" +
        "const m = createModel();\nm.compile({ optimizer: 'adam', loss: LOSS });\n";
      expect(lintIn(root, text, 'src/train.js')).toEqual(['The softmax output (models/net.js:2)']);
    });
  });
});
