/**
 * The entry point of the per-file TF.js analysis: one `FileAnalysis` per Program
 * node, computed on the first request of any rule and shared by all of them (a cache
 * keyed by the AST root, as typescript-eslint does for its shared analyses). It
 * never reports: rules ask it for facts and judge them (see `judge`).
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { ModuleResolver } from './evaluator.js';
import { fileCache } from './file-caches.js';
import { FileAnalysis } from './file-analysis.js';
import { aliasTest, createResolver } from './modules/cache.js';
import { pageOf } from './page-tools.js';
import { shouldAnalyse } from './precheck.js';
import { emptyRecord, record, RECORDED_TYPES, type Recorded } from './recorded-nodes.js';
import { readSettings, type TfjsSettings } from './settings.js';
import type { Node } from './values.js';

export type { CompileSite, FitSite } from './sites.js';
export {
  FileAnalysis,
  type LayerFacts,
  type LayerOutputFact,
  type OutputLossPair,
  type TensorPossibility,
} from './file-analysis.js';
export { releaseAnalysis } from './file-caches.js';
export type { Guards, Possibility } from './guards.js';
export { EXIT_GUARD, pair, TIMING_GUARD } from './guards.js';
export { groupBy, judge, judgeFlagsOnPath, judgeOnPath } from './judge.js';
export type { InputLayerPossibility } from './layer-inputs.js';
export type { LossFact } from './losses.js';
export type { NamePosition, NameUse } from './name-uses.js';
export type { ActivationFact, OutputFact } from './outputs.js';
export { mentionsTfjs } from './precheck.js';
export type { MetricList } from './training.js';
export { makesTensor, tensorLeaks, type RepeatedContext, type TensorLeak } from './tensor-lifetimes.js';
export type {
  AccuracyMetric,
  LaterLayer,
  LaterUse,
  ModelCall,
  TrainingCalls,
  TrainingMethod,
  UseAfterHelper,
} from './training-calls.js';
export type * from './values.js';

const cache = fileCache<FileAnalysis | null>();

/**
 * The file's calls (and the other nodes of `recorded-nodes.ts`), recorded in order during
 * ESLint's own traversal (see `callRecorder`); `complete` once the traversal has
 * reached `Program:exit`.
 */
const recorded = fileCache<{ nodes: Recorded; complete: boolean }>();

type Listener = (node: never) => void;

/**
 * Listeners that record every call of a TF.js file during ESLint's traversal, so
 * that the analysis need not walk the AST a second time. Only the first rule
 * created for a file gets them (`createRule` merges them into every rule), and
 * none for a file that never mentions TF.js. Without them (a rule not made by
 * `createRule`, or the analysis asked for before `Program:exit`), the analysis
 * walks the AST itself, in the same order.
 */
export function callRecorder(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
): Record<string, Listener> {
  const sourceCode = context.sourceCode;
  const ast = sourceCode.ast;
  if (recorded.has(ast) || cache.has(ast)) return {};
  let settings: TfjsSettings;
  try {
    settings = readSettings(context.settings as Record<string, unknown>);
  } catch {
    return {}; // a bad configuration is reported by getAnalysis
  }
  if (!shouldAnalyse(sourceCode, settings, () => pageOf(context, settings), aliasTest(context))) return {};
  const entry = { nodes: emptyRecord(), complete: false };
  recorded.set(ast, entry);
  const listeners: Record<string, Listener> = {};
  const listener = ((node: Node) => record(entry.nodes, node)) as Listener;
  for (const type of RECORDED_TYPES) listeners[type] = listener;
  listeners['Program:exit'] = () => {
    entry.complete = true;
  };
  return listeners;
}

/** The shared analysis for the file being linted, or null when the file uses no TF.js. */
export function getAnalysis(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  resolveModule?: ModuleResolver,
): FileAnalysis | null {
  const sourceCode = context.sourceCode;
  const ast = sourceCode.ast;
  // Settings are validated on every call (cheap: cached per settings object) so a bad
  // configuration is reported by every rule, even on files without TF.js.
  const settings = readSettings(context.settings as Record<string, unknown>);
  if (cache.has(ast)) return cache.get(ast)!;
  const calls = recorded.get(ast);
  const page = () => pageOf(context, settings);
  const analysis = shouldAnalyse(sourceCode, settings, page, aliasTest(context))
    ? new FileAnalysis(
        sourceCode,
        settings,
        resolveModule ?? createResolver(context, settings),
        context.physicalFilename ?? context.filename,
        calls?.complete ? calls.nodes : undefined,
        // A script of an HTML page (eslint-plugin-html) or a Markdown code block: its page lines and the page's globals.
        page() ?? undefined,
      )
    : null;
  cache.set(ast, analysis);
  return analysis;
}
