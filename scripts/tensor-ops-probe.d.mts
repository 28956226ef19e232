// Types for scripts/tensor-ops-probe.mjs (plain JavaScript), so TypeScript tests can import it.

import type * as tfType from '@tensorflow/tfjs';

export declare const tf: typeof tfType;

export type Kind = 'tensor' | 'tensors' | 'plain' | 'async-tensor' | 'async-tensors' | 'async-plain';

export declare function initTf(): Promise<{ version: string; backend: string }>;
export declare function opCandidates(): string[][];
export declare function memberCandidates(): { methods: string[]; fields: string[] };
export declare function classify(call: (args: unknown[]) => unknown): Promise<{ kind: Kind; form: number } | undefined>;
export declare function classifyOp(path: readonly string[]): Promise<{ kind: Kind; form: number } | undefined>;
export declare function classifyMethod(name: string): Promise<{ kind: Kind; form: number } | undefined>;
export declare const MODEL_METHOD_CANDIDATES: readonly string[];
export declare function classifyModelMethod(name: string): Promise<{ kind: Kind; form: number } | undefined>;
export declare function probeAll(): Promise<{
  ops: Record<string, Kind>;
  methods: Record<string, Kind>;
  fields: string[];
  modelMethods: Record<string, Kind>;
  optimizers: string[];
  optimizerFlagMethods: Record<string, number>;
  scopedOps: string[];
  scopedOptimizerMethods: string[];
}>;
export declare function optimizerFactories(): string[];
export declare const OPTIMIZER_FLAG_CANDIDATES: readonly (readonly [string, number])[];
export declare function optimizerFlagTensor(path: string, name: string, index: number): boolean;
type ScopedRun = (f: (...args: unknown[]) => unknown) => unknown;
export declare const SCOPED_OP_CANDIDATES: Record<string, () => { run: ScopedRun; dispose?: () => void }>;
export declare const SCOPED_OPTIMIZER_METHOD_CANDIDATES: Record<string, (optimizer: unknown) => ScopedRun>;
export declare function freesWhatItRuns(prepare: () => { run: ScopedRun; dispose?: () => void }): boolean;
