// vitest.config.ts drops TF.js's Node.js banner from the test output; nothing else.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config, { TFJS_NODE_BANNER } from '../../vitest.config.js';

const keep = (log: string, type: 'stdout' | 'stderr' = 'stderr') => config.test?.onConsoleLog?.(log, type, undefined);

describe('test output filter', () => {
  it('drops the banner TF.js prints on its first tensor in Node.js', () => {
    // The banner as the installed CPU backend writes it (in concatenated pieces), so a
    // reworded banner fails here instead of showing up again.
    const backend = new URL(
      '../../node_modules/@tensorflow/tfjs-backend-cpu/dist/tf-backend-cpu.node.js',
      import.meta.url,
    );
    expect(readFileSync(backend, 'utf8').replace(/'\s*\+\s*'/g, '')).toContain(TFJS_NODE_BANNER);
    const banner = `\n============================\n${TFJS_NODE_BANNER} To speed things up dramatically, install our node backend.`;
    expect(keep(banner)).toBe(false);
  });

  it('keeps every other log and warning, TF.js ones included', () => {
    expect(keep('Warning: tf.layers.dense is deprecated')).not.toBe(false);
    expect(keep('Hi, looks like you are running TensorFlow.js in the browser.')).not.toBe(false);
    expect(keep('[reliability:generated] {"programs":2000}', 'stdout')).not.toBe(false);
  });
});
