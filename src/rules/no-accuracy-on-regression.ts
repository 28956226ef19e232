import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { contains } from '../analysis/ast.js';
import { mergeGuards } from '../analysis/guards.js';
import { getAnalysis, type OutputLossPair } from '../analysis/index.js';
import type { Node } from '../analysis/values.js';
import { resolvedAccuracy, UNBOUNDED_ACTIVATIONS } from '../knowledge/accuracy.js';
import { createRule } from '../util/create-rule.js';
import { removeArrayElement, replaceNode, stringLiteral, type Fix } from '../util/fixes.js';
import { judgeOnPaths, judgePairs, known } from '../util/judge-paths.js';
import { branchOfPairs } from '../util/report-branch.js';
import { reportAt } from '../util/report-place.js';

type MessageIds = 'accuracyOnRegression' | 'useMetric' | 'removeMetric';

const MEANING: Readonly<Record<string, string>> = {
  binaryAccuracy:
    '`binaryAccuracy`: predictions rounded at 0.5 must equal the targets, so it reads about 0 on continuous targets',
  categoricalAccuracy: '`categoricalAccuracy`: an argmax match, which says nothing about the regression error',
  unknown: '`binaryAccuracy` (1 unit) or `categoricalAccuracy` (argmax), neither a regression measure',
};

export default createRule<[], MessageIds>({
  name: 'no-accuracy-on-regression',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow accuracy metrics on a model output trained as a regression',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      accuracyOnRegression:
        "The metric {{metric}} on this regression output ({{loss}}, {{activation}} on {{line}}) is {{meaning}}. Use 'mae' or 'mse'.",
      useMetric: "Use '{{replacement}}'.",
      removeMetric: 'Remove {{metric}}.',
    },
  },
  create(context) {
    return {
      'Program:exit'() {
        const analysis = getAnalysis(context);
        if (!analysis || analysis.compileSites.length === 0) return;
        const sc = analysis.sourceCode;
        const calls = analysis.trainingCalls();
        const reported = new Set<Node>();
        for (const site of analysis.compileSites) {
          if (site.metrics.kind === 'const' && site.metrics.value === undefined) continue;
          for (const pairs of analysis.pairsOf(site)) {
            // The output and loss on a real path; then the metrics, a third fact, on the same path.
            const bugs = new Set<OutputLossPair>(judgePairs(pairs, isRegression));
            if (bugs.size === 0) continue;
            const names = new Set([...bugs].map((b) => b.output?.name));
            if (names.size !== 1) continue;
            const metricPaths = calls.accuracyMetricPaths(site.metrics, [...names][0]);
            const items = pairs.flatMap((p) =>
              metricPaths.flatMap((m) => {
                const guards = mergeGuards(p.guards, m.guards);
                return guards ? [{ pair: p, metrics: m.value, guards }] : [];
              }),
            );
            const judged = judgeOnPaths(
              items,
              (i) => bugs.has(i.pair) && i.metrics.length > 0,
              (i) => [i.pair, i.metrics],
            );
            const onPath = judged.map((i) => i.pair).filter(isRegression);
            const onPathSet = new Set<OutputLossPair>(onPath);
            const path = branchOfPairs(analysis, site, pairs, onPath, (p) => onPathSet.has(p));
            // Labels one-hot encoded on every fit, or 0/1: a classifier trained with MSE, where accuracy means something.
            // A 1-unit model trained by an importer may be one on 0/1 labels this file never sees.
            if (
              onPath.some(
                (b) =>
                  analysis.oneHotFitsOf(b.output.model) ||
                  analysis.hasBinaryLabelFit(b.output.model) ||
                  (b.output.units === 1 && analysis.trainedOutOfSight(b.output.model)),
              )
            )
              continue;
            const first = onPath[0];
            if (!first) continue;
            const output = first.output;
            const units = new Set(onPath.map((b) => b.output.units));
            const resolved = units.size === 1 ? resolvedAccuracy(output.units) : undefined;
            // A metric a correct path also has is not edited.
            const fine = new Set(items.filter((i) => !judged.includes(i)).flatMap((i) => i.metrics.map((m) => m.node)));
            const metrics = new Map(judged.flatMap((i) => i.metrics.map((m) => [m.node, m] as const)));
            for (const metric of metrics.values()) {
              const at = reportAt(analysis, metric.node, site.via, site.call.callee);
              if (!at || reported.has(at)) continue;
              reported.add(at);
              const quoted = metric.form === 'string' ? `'${metric.name}'` : `\`${metric.name}\``;
              const meaning =
                metric.form === 'function'
                  ? `a classification metric, ${MEANING[metric.name.slice('tf.metrics.'.length)]}`
                  : `TF.js's ${MEANING[resolved ?? 'unknown']}`;
              context.report({
                node: at,
                messageId: 'accuracyOnRegression',
                data: {
                  metric: quoted,
                  loss: first.loss.info.display,
                  activation: output.activation ?? 'linear',
                  line: analysis.where(output.activationNode) + (path ? `, ${path.text}` : ''),
                  meaning,
                },
                suggest:
                  at === metric.node && contains(site.call, metric.node) && !fine.has(metric.node)
                    ? suggestions(metric, quoted)
                    : [],
              });
            }
          }
        }

        function suggestions(
          metric: { node: Node; array?: TSESTree.ArrayExpression },
          quoted: string,
        ): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
          const out: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
          const inArray = !!metric.array && metric.array.elements.includes(metric.node as TSESTree.Expression);
          const present = new Set(
            inArray ? metric.array!.elements.map((e) => (e?.type === 'Literal' ? String(e.value) : undefined)) : [],
          );
          for (const replacement of ['mae', 'mse']) {
            if (present.has(replacement)) continue;
            const fix = replaceNode(sc, metric.node, stringLiteral(sc, replacement, metric.node));
            if (fix) out.push({ messageId: 'useMetric', data: { replacement }, fix });
          }
          if (inArray) {
            const fix: Fix | null = removeArrayElement(sc, metric.array!, metric.node);
            if (fix) out.push({ messageId: 'removeMetric', data: { metric: quoted }, fix });
          }
          return out;
        }
      },
    };
  },
});

/** A known output with an unbounded activation, trained with a regression loss. */
const isRegression = known(
  (p) =>
    p.output.activation !== undefined &&
    UNBOUNDED_ACTIVATIONS.has(p.output.activation) &&
    p.loss.info.regression !== undefined,
);
