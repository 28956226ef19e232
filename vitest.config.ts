import { defineConfig } from 'vitest/config';

// TF.js's CPU backend greets every process that makes its first tensor in Node.js with
// advice to install @tensorflow/tfjs-node; the tests use the CPU backend on purpose.
// Only that exact banner is dropped: every other log and warning still shows.
export const TFJS_NODE_BANNER = 'Hi, looks like you are running TensorFlow.js in Node.js.';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // A focused test (`it.only`, or a RuleTester case with `only: true`) fails the run
    // everywhere, not only where the CI variable is set: the suite is always run whole.
    allowOnly: false,
    onConsoleLog: (log) => !log.includes(TFJS_NODE_BANNER),
  },
});
