import { mergeGuards } from '../analysis/guards.js';
import { getAnalysis, groupBy, type CompileSite, type FileAnalysis } from '../analysis/index.js';
import type { ModelFact } from '../analysis/values.js';
import type { LossInfo } from '../knowledge/losses.js';
import { createRule } from '../util/create-rule.js';
import { combine, linesOf, replaceLossLiteral, setOutputActivation } from '../util/fixes.js';
import { judge, known, type KnownPair } from '../util/judge-paths.js';
import { elsewhere, parenthesized, unique } from '../util/message-text.js';
import { judgeOutputs, type OutputBugs } from '../util/output-bugs.js';
import { branchFor } from '../util/report-branch.js';
import { modelEdit, reportGraded, trainingEdit } from '../util/report-graded.js';
import { byPlace, isUnique, lossNodeAt, type Placed } from '../util/report-place.js';

type MessageIds =
  | 'binaryLossOnSoftmax'
  | 'binaryLossOnSoftmaxAccuracy'
  | 'binaryLossOnOneHot'
  | 'binaryLossOnOneHotAccuracy'
  | 'useCategoricalLoss'
  | 'useSigmoid'
  | 'useSoftmaxAndCategoricalLoss';

/** A loss that scores every output unit as its own yes/no question, on probabilities. */
const isBinaryLoss = (loss: LossInfo): boolean => loss.classes === 'independent' && loss.input === 'probabilities';

/**
 * The loss TF.js compares by identity when it resolves `metrics: ['accuracy']`
 * (tfjs-layers training.ts: `this.lossFunctions[i] === losses.binaryCrossentropy`):
 * only the string reaches it; `tf.metrics.binaryCrossentropy` and wrappers are other
 * functions and get `categoricalAccuracy` on outputs wider than 1.
 */
const ACCURACY_SWITCHING_LOSS = 'binaryCrossentropy';

/** Softmax over more than two units: mutually exclusive classes (two units: BCE equals the categorical loss). */
const isSoftmaxBug = known(
  (p) =>
    p.output.activation === 'softmax' &&
    p.output.units !== undefined &&
    p.output.units > 2 &&
    isBinaryLoss(p.loss.info),
);

type Kind = 'softmax' | 'one-hot';
interface Context extends OutputBugs {
  readonly kind: Kind;
  /** Shared by the outputs of one compile call that go wrong the same way: they share a report. */
  readonly report: object;
}

export default createRule<[], MessageIds>({
  name: 'no-binary-crossentropy-multiclass',
  meta: {
    type: 'problem',
    docs: {
      description:
        "Disallow `'binaryCrossentropy'` on mutually exclusive classes (a softmax over more than two units, or one-hot labels)",
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      binaryLossOnSoftmax:
        "The loss {{loss}} scores each of the {{units}} softmax outputs{{where}} as an independent yes/no label, but softmax classes are mutually exclusive: it averages binary losses instead of the categorical one. Use `'categoricalCrossentropy'`.",
      binaryLossOnSoftmaxAccuracy:
        "The loss {{loss}} scores each of the {{units}} softmax outputs{{where}} as an independent yes/no label and turns `'accuracy'` into element-wise `binaryAccuracy`: predicting no class already scores {{floor}}. Use `'categoricalCrossentropy'`.",
      binaryLossOnOneHot:
        "The labels given to `fit` ({{fit}}) are one-hot, but the {{units}}-unit sigmoid output{{where}} with {{loss}} trains independent yes/no classifiers: the classes do not compete. Use softmax with `'categoricalCrossentropy'`.",
      binaryLossOnOneHotAccuracy:
        "The labels given to `fit` ({{fit}}) are one-hot, but the {{units}}-unit sigmoid output{{where}} with {{loss}} trains independent yes/no classifiers, and `'accuracy'` becomes `binaryAccuracy`: predicting no class scores {{floor}}.",
      useCategoricalLoss: "Use `'categoricalCrossentropy'`, the loss for one class per example.",
      useSigmoid: "Use `'sigmoid'` instead if the classes are independent (an example can have several).",
      useSoftmaxAndCategoricalLoss: "Use `'softmax'` with `'categoricalCrossentropy'`, for one class per example.",
    },
  },
  create(context) {
    return {
      'Program:exit'() {
        const analysis = getAnalysis(context);
        if (!analysis) return;
        const oneHotCache = new Map<ModelFact, ReturnType<FileAnalysis['oneHotFitsOf']>>();
        const oneHotFits = (model: ModelFact) => {
          if (!oneHotCache.has(model)) oneHotCache.set(model, analysis.oneHotFitsOf(model));
          return oneHotCache.get(model) ?? null;
        };
        const isOneHotBug = known(
          (p) =>
            p.output.activation === 'sigmoid' &&
            p.output.units !== undefined &&
            p.output.units > 1 &&
            isBinaryLoss(p.loss.info) &&
            oneHotFits(p.output.model) !== null,
        );

        const placed: Placed<KnownPair, Context>[] = [];
        const reports = new Map<CompileSite, Record<Kind, object>>();
        // Each output one kind: a softmax bug if it has one, else a one-hot bug.
        for (const output of judgeOutputs(analysis, isSoftmaxBug, isOneHotBug)) {
          const { site, index, bugs } = output;
          const kind: Kind = output.isBug === isSoftmaxBug ? 'softmax' : 'one-hot';
          let report = reports.get(site);
          if (!report) reports.set(site, (report = { softmax: {}, 'one-hot': {} }));
          const extra = {
            site,
            kind,
            bugs: bugs.length,
            outputs: output.outputs,
            shared: output.shared,
            report: report[kind],
            path: output.branchOf(bugs),
          };
          for (const [node, group] of groupBy(bugs, (b) => lossNodeAt(site, index, b)))
            placed.push({ at: node, node, group, extra });
        }
        // Several outputs that one loss gets wrong the same way: one report at the loss, naming each.
        for (const place of byPlace(placed, (p) => p.extra.report)) {
          const { at, group } = place;
          const { output } = place.lead;
          const sameLiteral = group.every(
            (b) => b.output.layer === output.layer && b.output.activationLiteral === output.activationLiteral,
          );
          const shared = place.first.extra.shared;
          // Not a loss a correct path also uses (the combined edit below is a model edit).
          const lossFix = shared.loss ? null : replaceLossLiteral(analysis, group, 'categoricalCrossentropy');
          const unitsList = unique(group.map((b) => b.output.units ?? 0)).sort((a, b) => a - b);
          const accuracy =
            group.every((b) => b.loss.via === 'direct' && b.loss.info.key === ACCURACY_SWITCHING_LOSS) &&
            group.every(
              (b) =>
                judge(
                  // The metrics on this pair's path (chosen by its conditions, or certain).
                  analysis.metricsOf(b.site, b.output.name).filter((m) => mergeGuards(m.guards, b.guards)),
                  (m) => m.value.names.some(isAccuracy),
                ).length > 0,
            );
          const data = {
            loss:
              unique(group.map((b) => `\`${b.loss.info.display}\``)).join(' or ') +
              parenthesized(branchFor(place.first.extra, 'loss')),
            units: unitsList.join(' or '),
            where: elsewhere(
              analysis,
              at,
              group.map((b) => b.output.activationNode),
              branchFor(place.first.extra, 'output'),
            ),
            ...(accuracy ? { floor: unitsList.map((k) => ((k - 1) / k).toFixed(3)).join(' or ') } : {}),
          };
          if (place.first.extra.kind === 'softmax') {
            const toSigmoid = sameLiteral ? setOutputActivation(analysis, output, 'sigmoid') : null;
            reportGraded(context, {
              node: at,
              messageId: accuracy ? 'binaryLossOnSoftmaxAccuracy' : 'binaryLossOnSoftmax',
              data,
              unique: isUnique(place),
              shared,
              fix: trainingEdit({ messageId: 'useCategoricalLoss', fix: lossFix }),
              suggest: [modelEdit({ messageId: 'useSigmoid', fix: toSigmoid?.own ? toSigmoid.fix : null })],
            });
          } else {
            const toSoftmax = sameLiteral ? setOutputActivation(analysis, output, 'softmax') : null;
            const fits = unique(group.flatMap((b) => (oneHotFits(b.output.model) ?? []).map((f) => f.site.call)));
            reportGraded(context, {
              node: at,
              messageId: accuracy ? 'binaryLossOnOneHotAccuracy' : 'binaryLossOnOneHot',
              data: { ...data, fit: linesOf(fits, analysis) },
              unique: false,
              shared,
              suggest: [
                modelEdit({
                  messageId: 'useSoftmaxAndCategoricalLoss',
                  fix: toSoftmax?.own ? combine(toSoftmax.fix, lossFix) : null,
                }),
              ],
            });
          }
        }
      },
    };
  },
});

const isAccuracy = (metric: string): boolean => metric === 'accuracy' || metric === 'acc';
