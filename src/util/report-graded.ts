/**
 * How a report's edits are graded (`reportGraded`): `fix` is an autofix only when
 * the report is unique (one path, one output, nothing else reported there) and it
 * is a `trainingEdit` (the loss, metrics, names, options of compile/fit): `--fix`
 * never changes the model. Otherwise it is the first suggestion.
 *
 * A rule is judgement + message + fix choice (`known`: judge-paths.ts; `placeOutputBugs`:
 * output-bugs.ts; `byPlace`, `isUnique`: report-place.ts; the fixes: fixes.ts):
 *
 *     const isBug = known((p) => p.output.activation === 'softmax' && p.output.units === 1);
 *     for (const place of byPlace(placeOutputBugs(analysis, isBug), (p) => p.extra.site)) {
 *       const loss = place.group[0].loss;            // non-null: `known` narrowed it
 *       reportGraded(context, {
 *         node: place.at, messageId: 'x', data, unique: isUnique(place),
 *         fix: trainingEdit({ messageId: 'useY', fix: replaceLossLiteral(analysis, place.group, 'y') }),
 *         suggest: [modelEdit({ messageId: 'useZ', fix: setLayerActivation(sc, output, 'sigmoid') })],
 *       });
 *     }
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { Node } from '../analysis/values.js';
import type { Fix } from './fixes.js';
import type { Shared } from './shared-edits.js';

/** One edit a report offers, and what it touches. */
export interface Edit<M extends string> {
  readonly messageId: M;
  readonly data?: Record<string, string>;
  readonly fix: Fix;
  /** `training`: the loss, metrics, names, options of compile/fit. `model`: a layer (activation, units). */
  readonly scope: 'training' | 'model';
}

interface EditSpec<M extends string> {
  readonly messageId: M;
  readonly fix: Fix | null | undefined | false;
  readonly data?: Record<string, string>;
}

/** An edit of the training configuration (may be an autofix), or null without a fix. */
export function trainingEdit<M extends string>(spec: EditSpec<M>): Edit<M> | null {
  return spec.fix ? { messageId: spec.messageId, data: spec.data, fix: spec.fix, scope: 'training' } : null;
}

/** An edit of the model: never an autofix (it changes what `predict()` returns). Null without a fix. */
export function modelEdit<M extends string>(spec: EditSpec<M>): Edit<M> | null {
  return spec.fix ? { messageId: spec.messageId, data: spec.data, fix: spec.fix, scope: 'model' } : null;
}

/**
 * Report with graded edits: `fix` is applied by `--fix` when the report is
 * `unique` (the edit is the only one possible and local) and it touches only the
 * training configuration (`trainingEdit`); otherwise it is the first suggestion.
 * `suggest`: the other edits, offered as suggestions.
 */
export function reportGraded<M extends string>(
  context: Readonly<TSESLint.RuleContext<M, readonly unknown[]>>,
  report: {
    node: Node;
    messageId: M;
    data?: Record<string, string>;
    unique: boolean;
    fix?: Edit<M> | null;
    suggest?: readonly (Edit<M> | null)[];
    /** A report on some paths only: edits of what correct paths share are not offered. */
    shared?: Shared;
  },
): void {
  const { shared } = report;
  const preferred = allowed(report.fix, shared);
  // `--fix` never changes the model: an edit of a layer is only ever suggested.
  const auto = report.unique && preferred?.scope === 'training' ? preferred : null;
  // Plain loops and literals: this runs for every report of every rule.
  const suggest: { messageId: M; fix: Fix; data?: Record<string, string> }[] = [];
  if (preferred && preferred !== auto) suggest.push(suggestion(preferred));
  for (const wanted of report.suggest ?? []) {
    const e = allowed(wanted, shared);
    if (e && e !== auto) suggest.push(suggestion(e));
  }
  const { node, messageId, data } = report;
  context.report(
    data
      ? { node, messageId, data, fix: auto?.fix ?? null, suggest }
      : { node, messageId, fix: auto?.fix ?? null, suggest },
  );
}

/** The edit unless it changes what correct paths share: the loss is edited by training edits, the output by model edits. */
function allowed<M extends string>(e: Edit<M> | null | undefined, shared: Shared | undefined): Edit<M> | null {
  return e && !(e.scope === 'training' ? shared?.loss : shared?.output) ? e : null;
}

/** An edit as ESLint takes a suggestion (ESLint copies its keys into the problem it reports). */
function suggestion<M extends string>({ messageId, data, fix }: Edit<M>) {
  return data ? { messageId, fix, data } : { messageId, fix };
}
