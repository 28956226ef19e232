/**
 * Model methods that use the tensors they are given and leave them to the caller
 * (written by hand; the generated tensor-ops.ts lists what methods return).
 * - `fit`, `trainOnBatch`: TF.js 4.22 disposes none of `x` and `y` (probed: plain,
 *   with `validationSplit`, with `validationData`, with array inputs).
 * - `executeAsync` of a graph model: its executor keeps the input tensors
 *   (`keepIds` in tfjs-converter's graph_executor.js), as `execute` does.
 */
export const MODEL_READING_METHODS: ReadonlySet<string> = new Set(['fit', 'trainOnBatch', 'executeAsync']);

/**
 * Methods whose name alone marks a TF.js graph model (no other library in TF.js code
 * calls them with tensors): read as such also on a receiver the analysis cannot see.
 */
export const GRAPH_MODEL_METHODS: ReadonlySet<string> = new Set(['executeAsync']);
