// Types for scripts/evidence-leaks.mjs (plain JavaScript), so TypeScript tests can import it.

export type Driver = 'frames' | 'loop' | 'epochs';

export interface ExampleRun {
  driver: Driver;
  /** Runs of the repeated code observed. */
  runs: number;
  first: number;
  last: number;
  growth: number;
  perRun: number;
}

export interface LeakEvidence {
  version: string;
  backend: string;
  rows: { driver: Driver; buggy: ExampleRun; fixed: ExampleRun }[];
}

export declare const LEAK_DOC: string;
export declare const LEAK_START: string;
export declare const LEAK_END: string;
export declare const FRAMES: number;
export declare function docExamples(markdown: string): { invalid: string[]; valid: string[] };
export declare function driverOf(code: string): Driver;
export declare function runExample(code: string): Promise<ExampleRun>;
export declare function measureLeaks(markdown?: string): Promise<LeakEvidence>;
export declare function renderLeakEvidence(evidence: LeakEvidence): string;
export declare function withLeakEvidence(markdown: string, block: string): string;
export declare function updateLeakEvidence(): Promise<void>;
