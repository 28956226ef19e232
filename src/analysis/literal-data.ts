/**
 * Tensor data written as numbers in the code: which TF.js functions make a tensor
 * from data (`tf.tensor2d([[1, 2]])`), and what folded data is (numbers, 0/1 class
 * targets).
 */
import { possibilities } from './guards.js';
import type { Value } from './values.js';

/** TF.js functions that make a tensor from the data given (`tf.tensor2d([[1, 2]])`). */
export const TENSOR_MAKERS: ReadonlySet<string> = new Set([
  'tensor',
  'tensor1d',
  'tensor2d',
  'tensor3d',
  'tensor4d',
  'tensor5d',
  'tensor6d',
  'scalar',
]);

/** Numbers, or arrays of them nested as written: the data of a tensor literal. */
export function isNumericLiteralData(v: Value, depth = 0): boolean {
  if (v.kind === 'const') return typeof v.value === 'number';
  if (v.kind !== 'array' || !v.complete || depth > 6) return false;
  return v.elements.every((e) => e !== undefined && isNumericLiteralData(e, depth + 1));
}

/**
 * 0 or 1, or complete arrays of them nested as written (an empty array too); a
 * choice (`c ? 1 : 0`) when every option is.
 */
export function isBinaryData(v: Value, depth = 0): boolean {
  if (depth > 6) return false;
  if (v.kind === 'const') return v.value === 0 || v.value === 1;
  if (v.kind === 'choice') return possibilities(v).every((p) => isBinaryData(p.value, depth + 1));
  return v.kind === 'array' && v.complete && v.elements.every((e) => e !== undefined && isBinaryData(e, depth + 1));
}
