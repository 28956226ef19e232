import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';

// Wire @typescript-eslint/rule-tester to vitest.
RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
// RuleTester needs a handle for cases marked `only: true` (none are): wiring, not a focused test.
RuleTester.itOnly = it.only;
