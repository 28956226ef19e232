import { defineConfig } from 'vitest/config';

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
  },
});
