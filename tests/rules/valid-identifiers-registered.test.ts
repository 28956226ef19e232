/**
 * valid-identifiers and the classes a project registers with
 * `tf.serialization.registerClass(X)`: TF.js 4.22 looks activation strings up among
 * every registered class (by `X.className`), but not losses, metrics or optimizers
 * (docs/rules/valid-identifiers.md says what was run). Same-file cases under both
 * parsers (runRule), then registrations in other modules of a fixture project
 * (tests/fixtures/crossfile/registered), linted from disk.
 */
import tsParser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import { mkdtempSync, realpathSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { clearModuleCache } from '../../src/analysis/modules/cache.js';
import rule from '../../src/rules/valid-identifiers.js';
import { runRule } from '../helpers/rule-tester.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;
/** A custom activation layer with the given class-name member, like the page of issue 27. */
const layerClass = (member: string) =>
  `class MySigmoid extends tf.layers.Layer {
  ${member}
  call(inputs) { return tf.sigmoid(inputs); }
}\n`;
const REGISTER = `tf.serialization.registerClass(MySigmoid);\n`;
const dense = (activation: string) => `tf.layers.dense({units: 4, activation: '${activation}', inputShape: [3]});\n`;

runRule('valid-identifiers', rule, {
  valid: [
    // The case of issue 27: a static className field, registered, used as an activation
    // (TF.js 4.22 builds, predicts and fits with it).
    TF + layerClass(`static className = 'mysigmoid';`) + REGISTER + dense('mysigmoid'),
    // Used before the registration in the text: a layer made in a function called later.
    TF +
      `export function build() { return ${dense('mysigmoid').trim()} }\n` +
      layerClass(`static className = 'mysigmoid';`) +
      REGISTER,
    // A static getter; registerClass destructured from tf.serialization; recurrentActivation.
    TF +
      layerClass(`static get className() { return 'mysigmoid'; }`) +
      `const { registerClass } = tf.serialization;\nregisterClass(MySigmoid);\n` +
      `tf.layers.lstm({units: 4, recurrentActivation: 'mysigmoid'});`,
    // `X.className = ...` after the class (the style of code without static fields).
    TF +
      `class MySwish extends tf.serialization.Serializable { apply(x) { return tf.mul(x, tf.sigmoid(x)); } }\n` +
      `MySwish.className = 'mySwish';\ntf.serialization.registerClass(MySwish);\n` +
      `tf.layers.activation({activation: 'mySwish'});`,
    // Named imports: `serialization.registerClass`, a class expression in a const.
    `import { layers, serialization } from '@tensorflow/tfjs';
const Act = class extends serialization.Serializable { static className = 'myAct'; apply(x) { return x; } };
serialization.registerClass(Act);
layers.dense({units: 2, activation: 'myAct'});`,
    // A helper registering the classes it is given: each call site's class counts.
    TF +
      `class A extends tf.serialization.Serializable { static className = 'actA'; }
class B extends tf.serialization.Serializable { static className = 'actB'; }
function register(cls) { tf.serialization.registerClass(cls); }
register(A);
register(B);
tf.layers.dense({units: 2, activation: 'actA'});
tf.layers.dense({units: 2, activation: 'actB'});`,
    // The className inherited from a class of the project (TF.js reads X.className).
    TF +
      `class Base extends tf.serialization.Serializable { static className = 'baseAct'; }
class Derived extends Base {}
tf.serialization.registerClass(Derived);
tf.layers.dense({units: 2, activation: 'baseAct'});`,
    // A className that cannot be read: any name TF.js lacks may be the registered one.
    TF +
      `export function registerActivation(name, apply) {
  class Custom extends tf.serialization.Serializable { apply(x) { return apply(x); } }
  Custom.className = name;
  tf.serialization.registerClass(Custom);
}
tf.layers.dense({units: 2, activation: 'anythingAtAll'});`,
    // A class the analysis cannot see (a parameter nobody in the file passes).
    TF + `export const register = (cls) => tf.serialization.registerClass(cls);\n` + dense('mysigmoid'),
    // The page global `tf` of a script tag.
    layerClass(`static className = 'mysigmoid';`) + REGISTER + dense('mysigmoid'),
    // TypeScript: a readonly static field with a type annotation.
    {
      code:
        TF +
        `class MySigmoid extends tf.layers.Layer {
  static readonly className: string = 'mysigmoid';
  override call(inputs: tf.Tensor): tf.Tensor { return tf.sigmoid(inputs); }
}\n` +
        REGISTER +
        dense('mysigmoid'),
      tsOnly: true,
    },
  ],
  invalid: [
    {
      // The unregistered twin of issue 27: the class exists but is never registered.
      code: TF + layerClass(`static className = 'mysigmoid';`) + dense('mysigmoid'),
      errors: [
        {
          messageId: 'unknownName',
          line: 6,
          suggestions: [
            {
              messageId: 'useName',
              data: { replacement: 'sigmoid' },
              output: TF + layerClass(`static className = 'mysigmoid';`) + dense('sigmoid'),
            },
          ],
        },
      ],
    },
    {
      // Registered under 'mysigmoid': a misspelling of it is still unknown.
      code: TF + layerClass(`static className = 'mysigmoid';`) + REGISTER + dense('mysigmod'),
      errors: [{ messageId: 'unknownName', line: 7 }],
    },
    {
      // `registerClass(X, pkg, name)` files X under X.className only: 'otherName' stays unknown.
      code:
        TF +
        `class Named extends tf.serialization.Serializable { static className = 'namedByClass'; }
tf.serialization.registerClass(Named, 'Pkg', 'otherName');
tf.layers.dense({units: 2, activation: 'namedByClass'});
tf.layers.dense({units: 2, activation: 'otherName'});`,
      errors: [{ messageId: 'unknownName', line: 5 }],
    },
    {
      // Losses, metrics and optimizers are looked up in fixed maps: a registered class
      // name is no loss, metric or optimizer (compile throws "Unknown loss myLoss").
      code:
        TF +
        `class MyLoss extends tf.serialization.Serializable { static className = 'myLoss'; }
tf.serialization.registerClass(MyLoss);
const m = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [2]})]});
m.compile({optimizer: 'myLoss', loss: 'myLoss', metrics: ['myLoss']});`,
      errors: [
        { messageId: 'unknownName', line: 5, column: 23 },
        { messageId: 'unknownName', line: 5, column: 39 },
        { messageId: 'unknownName', line: 5, column: 59 },
      ],
    },
    {
      // An unreadable className silences unknown activations only: the loss is still
      // unknown, and 'Softmax' is still the misread Softmax layer class.
      code:
        TF +
        `export function registerActivation(name) {
  class Custom extends tf.serialization.Serializable {}
  Custom.className = name;
  tf.serialization.registerClass(Custom);
}
const m = tf.sequential({layers: [
  tf.layers.dense({units: 4, activation: 'swishish', inputShape: [3]}),
  tf.layers.dense({units: 2, activation: 'Softmax'}),
]});
m.compile({optimizer: 'adam', loss: 'swishishLoss'});`,
      output: null,
      errors: [
        {
          messageId: 'layerClassActivation',
          line: 9,
          // A layer's activation: a suggestion, never `--fix`.
          suggestions: [
            {
              messageId: 'useName',
              output:
                TF +
                `export function registerActivation(name) {
  class Custom extends tf.serialization.Serializable {}
  Custom.className = name;
  tf.serialization.registerClass(Custom);
}
const m = tf.sequential({layers: [
  tf.layers.dense({units: 4, activation: 'swishish', inputShape: [3]}),
  tf.layers.dense({units: 2, activation: 'softmax'}),
]});
m.compile({optimizer: 'adam', loss: 'swishishLoss'});`,
            },
          ],
        },
        { messageId: 'unknownName', line: 11 },
      ],
    },
    {
      // A function of the project that happens to be called registerClass registers nothing in TF.js.
      code:
        TF +
        layerClass(`static className = 'mysigmoid';`) +
        `const registry = [];\nfunction registerClass(cls) { registry.push(cls); }\nregisterClass(MySigmoid);\n` +
        dense('mysigmoid'),
      errors: [
        {
          messageId: 'unknownName',
          line: 9,
          suggestions: [
            {
              messageId: 'useName',
              data: { replacement: 'sigmoid' },
              output:
                TF +
                layerClass(`static className = 'mysigmoid';`) +
                `const registry = [];\nfunction registerClass(cls) { registry.push(cls); }\nregisterClass(MySigmoid);\n` +
                dense('sigmoid'),
            },
          ],
        },
      ],
    },
  ],
});

const project = path.join(import.meta.dirname, '..', 'fixtures', 'crossfile', 'registered');

type Parser = 'espree' | 'typescript';

/** The valid-identifiers reports of a file of the fixture project: line and the quoted name. */
async function lint(file: string, parser: Parser): Promise<{ line: number; name: string }[]> {
  const eslint = new ESLint({
    cwd: project,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
      ...(parser === 'typescript' ? [{ files: ['**/*.{js,cjs,ts}'], languageOptions: { parser: tsParser } }] : []),
      { plugins: { tfjs: plugin as never }, rules: { 'tfjs/valid-identifiers': 'error' } },
    ] as never,
  });
  const [result] = await eslint.lintFiles([file]);
  expect(result!.messages.filter((m) => m.fatal)).toEqual([]);
  return result!.messages.map((m) => ({ line: m.line, name: /'([^']*)'/.exec(m.message)?.[1] ?? m.message }));
}

beforeEach(() => clearModuleCache());

describe('valid-identifiers: classes registered in other modules', () => {
  describe.each<Parser>(['espree', 'typescript'])('%s', (parser) => {
    it('a side-effect import of the registering module makes its class name valid, not its misspelling', async () => {
      expect(await lint('side-effect.js', parser)).toEqual([{ line: 6, name: 'mysigmod' }]);
    });

    it('follows imports of imports: a class registered behind `export *` of an index module', async () => {
      expect(await lint('through-index.js', parser)).toEqual([]);
    });

    it('the twin that imports no registering module is still reported', async () => {
      expect(await lint('unregistered.js', parser)).toEqual([{ line: 4, name: 'mysigmoid' }]);
    });

    it('a class of another module registered here, its className read from a static getter there', async () => {
      expect(await lint('register-imported.js', parser)).toEqual([{ line: 6, name: 'myswish' }]);
    });

    it('an unreadable className in an imported module: unknown activations silent, the loss and Softmax not', async () => {
      expect(await lint('unreadable.js', parser)).toEqual([
        { line: 7, name: 'Softmax' },
        { line: 10, name: 'swishishLoss' },
      ]);
    });

    it('CommonJS: `require` of a module assigning `X.className` and registering X', async () => {
      expect(await lint('app.cjs', parser)).toEqual([]);
    });
  });

  it('sees an edit of a registering module behind an index module on the next lint', () => {
    const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'tfjs-registered-')));
    try {
      const layers = (name: string) =>
        `import * as tf from '@tensorflow/tfjs';\nexport class Act extends tf.serialization.Serializable { static className = '${name}'; }\ntf.serialization.registerClass(Act);\n`;
      writeFileSync(path.join(root, 'layers.js'), layers('mysigmoid'));
      writeFileSync(path.join(root, 'index.js'), "export * from './layers.js';\n");
      const app = `import * as tf from '@tensorflow/tfjs';\nimport './index.js';\n${dense('mysigmoid')}`;
      const config = [{ plugins: { tfjs: plugin as never }, rules: { 'tfjs/valid-identifiers': 'error' as const } }];
      const lintApp = () =>
        new Linter({ cwd: root })
          .verify(app, config as never, { filename: path.join(root, 'app.js') })
          .map((m) => m.line);
      expect(lintApp()).toEqual([]);
      // Renamed in place (later mtime): the next lint reads it again through the unchanged index.
      writeFileSync(path.join(root, 'layers.js'), layers('mysigmoix'));
      const later = new Date(Date.now() + 5000);
      utimesSync(path.join(root, 'layers.js'), later, later);
      expect(lintApp()).toEqual([3]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('TypeScript: a module registering through a destructured registerClass, imported as `.js`', async () => {
    expect(await lint('app-ts.ts', 'typescript')).toEqual([{ line: 6, name: 'mysigmoidd' }]);
  });
});
