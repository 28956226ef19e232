import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';

// Wire @typescript-eslint/rule-tester to vitest.
RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
// RuleTester needs a handle for cases marked `only: true`: wiring, not a focused test.
// Such a case fails the run (`allowOnly: false` in vitest.config.ts).
RuleTester.itOnly = it.only;
