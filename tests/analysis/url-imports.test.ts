/**
 * TF.js imported by CDN URL (url-imports.ts): which URLs are a TF.js package's entry,
 * and that a file importing one is analysed like one importing the package (nothing
 * is fetched: the URLs below do not exist on this machine's network).
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { tfjsPackageOfUrl } from '../../src/analysis/url-imports.js';
import { analyze, compiledOutputs } from '../helpers/analyze.js';

describe('tfjsPackageOfUrl', () => {
  it.each([
    ['https://cdn.jsdelivr.net/npm/@tensorflow/tfjs@4.22.0/+esm', '@tensorflow/tfjs'],
    ['https://cdn.jsdelivr.net/npm/@tensorflow/tfjs/+esm', '@tensorflow/tfjs'],
    ['https://cdn.jsdelivr.net/npm/@tensorflow/tfjs@latest/dist/tf.fesm.min.js', '@tensorflow/tfjs'],
    ['https://fastly.jsdelivr.net/npm/@tensorflow/tfjs-core@4.22.0/+esm', '@tensorflow/tfjs-core'],
    ['https://esm.run/@tensorflow/tfjs', '@tensorflow/tfjs'],
    ['https://esm.sh/@tensorflow/tfjs@4.22.0', '@tensorflow/tfjs'],
    ['https://esm.sh/@tensorflow/tfjs@4.22.0?bundle', '@tensorflow/tfjs'],
    ['https://esm.sh/v135/@tensorflow/tfjs-layers@4.22.0/es2022/tfjs-layers.mjs', '@tensorflow/tfjs-layers'],
    ['https://unpkg.com/@tensorflow/tfjs?module', '@tensorflow/tfjs'],
    ['https://unpkg.com/@tensorflow/tfjs@%5E4.0.0/dist/index.js?module', '@tensorflow/tfjs'],
    ['https://cdn.skypack.dev/@tensorflow/tfjs', '@tensorflow/tfjs'],
    [
      'https://cdn.skypack.dev/pin/@tensorflow/tfjs@v4.22.0-AbCd1234/mode=imports,min/optimized/@tensorflow/tfjs.js',
      '@tensorflow/tfjs',
    ],
    ['https://ga.jspm.io/npm:@tensorflow/tfjs@4.22.0/dist/index.js', '@tensorflow/tfjs'],
    ['https://jspm.dev/npm:@tensorflow/tfjs-node@4.22.0', '@tensorflow/tfjs-node'],
    ['//cdn.jsdelivr.net/npm/@tensorflow/tfjs@4/+esm', '@tensorflow/tfjs'],
  ])('%s is %s', (url, pkg) => {
    expect(tfjsPackageOfUrl(url)).toBe(pkg);
  });

  it.each([
    // Other packages, on the same CDNs.
    'https://cdn.jsdelivr.net/npm/@tensorflow/tfjs-vis@1.5.1/+esm',
    'https://cdn.jsdelivr.net/npm/@tensorflow/tfjs-backend-wasm/+esm',
    'https://cdn.jsdelivr.net/npm/@tensorflow-models/mobilenet/+esm',
    'https://esm.sh/@tensorflow/tfjs-data@4.22.0',
    'https://unpkg.com/tfjs@1.0.0?module',
    // Files of a TF.js package that are not its ES module entry.
    'https://cdn.jsdelivr.net/npm/@tensorflow/tfjs@4.22.0/dist/tf.min.js',
    'https://unpkg.com/@tensorflow/tfjs-core@4.22.0/dist/ops/ops.js',
    // Another host, or the package name elsewhere in the URL.
    'https://example.com/npm/@tensorflow/tfjs@4.22.0/+esm',
    'https://cdn.jsdelivr.net/gh/someone/@tensorflow/tfjs/+esm',
    'https://cdn.jsdelivr.net/npm/my-lib/+esm?from=@tensorflow/tfjs',
    // Not URLs.
    '@tensorflow/tfjs',
    './@tensorflow/tfjs',
  ])('%s is not TF.js', (url) => {
    expect(tfjsPackageOfUrl(url)).toBeUndefined();
  });
});

const MODEL = `const model = tf.sequential();
model.add(tf.layers.dense({units: 3, inputShape: [4], activation: 'softmax'}));
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`;

describe('a file importing TF.js by URL', () => {
  it('is analysed like one importing the package (namespace and named imports)', () => {
    const ns = analyze(`import * as tf from 'https://cdn.jsdelivr.net/npm/@tensorflow/tfjs@4.22.0/+esm';\n${MODEL}`);
    expect(compiledOutputs(ns!)).toEqual([[['softmax/3 + categoricalCrossentropy']]]);
    const named = analyze(
      `import {sequential, layers} from 'https://esm.sh/@tensorflow/tfjs@4.22.0';\n` +
        `const model = sequential();\nmodel.add(layers.dense({units: 3, inputShape: [4], activation: 'softmax'}));\n` +
        `model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
    );
    expect(compiledOutputs(named!)).toEqual([[['softmax/3 + categoricalCrossentropy']]]);
  });

  it('is not analysed when the URL is another package', () => {
    // `tf` is bound by the import, so not the page global either.
    const a = analyze(`import * as tf from 'https://cdn.jsdelivr.net/npm/@tensorflow/tfjs-vis@1.5.1/+esm';\n${MODEL}`);
    expect(a === null || a.compileSites.length === 0).toBe(true);
  });

  it('is reported by the rules, and fixes write names the URL module has', () => {
    const linter = new Linter({ configType: 'flat' });
    const config = [
      {
        plugins: { tfjs: plugin as never },
        rules: { 'tfjs/valid-identifiers': 'error', 'tfjs/no-sigmoid-with-categorical-loss': 'error' },
      },
    ] as Linter.Config[];
    const layers = `import * as tfl from 'https://cdn.jsdelivr.net/npm/@tensorflow/tfjs-layers@4.22.0/+esm';
const m = tfl.sequential({layers: [tfl.layers.dense({units: 1, inputShape: [2]})]});
m.compile({optimizer: 'sgd', loss: 'huber', metrics: ['recall']});`;
    const messages = linter.verify(layers, config, 'page.mjs');
    // tfjs-layers has `metrics` but no `losses`: a suggestion for the metric only.
    expect(messages.map((m) => [m.ruleId, m.line, (m.suggestions ?? []).map((s) => s.desc)])).toEqual([
      ['tfjs/valid-identifiers', 3, []],
      ['tfjs/valid-identifiers', 3, [expect.stringContaining('tfl.metrics.recall')]],
    ]);
    const sigmoid = `import * as tf from 'https://unpkg.com/@tensorflow/tfjs@4.22.0?module';
const m = tf.sequential();
m.add(tf.layers.dense({units: 3, inputShape: [4], activation: 'sigmoid'}));
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`;
    expect(linter.verify(sigmoid, config, 'app.js').map((m) => [m.ruleId, m.line])).toEqual([
      ['tfjs/no-sigmoid-with-categorical-loss', 3],
    ]);
  });
});
