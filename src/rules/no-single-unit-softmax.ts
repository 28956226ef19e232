import type { TSESTree } from '@typescript-eslint/utils';
import {
  getAnalysis,
  pair,
  type FileAnalysis,
  type Guards,
  type LayerFact,
  type LayerFacts,
  type OutputFact,
} from '../analysis/index.js';
import { createRule } from '../util/create-rule.js';
import { removeLayerCall, setLayerActivation } from '../util/fixes.js';
import { judgeOnPaths } from '../util/judge-paths.js';
import { unique } from '../util/message-text.js';
import { modelEdit, reportGraded } from '../util/report-graded.js';
import { singleUnitCategoricalBugs } from '../util/single-unit.js';

type MessageIds = 'singleUnitSoftmax' | 'singleUnitSoftmaxAfter' | 'useSigmoid' | 'useLinear';

/** One path: the softmax (its layer's facts) and the layer setting the width it is taken over. */
interface Case {
  readonly act: LayerFacts;
  readonly width: LayerFacts | null;
  readonly guards: Guards;
}

/** The two sides of a case, for judging "on a real path": the activation, and the width it is taken over. */
function sides(c: Case): readonly [unknown, unknown] {
  const w = c.width;
  return [
    `${c.act.activationNode.range[0]}:${c.act.activation}`,
    w ? `${w.layer.call.range[0]}:${w.unitsNode?.range[0]}:${w.units}` : c,
  ];
}

const isBug = (c: Case): c is Case & { readonly width: LayerFacts } =>
  c.act.activation === 'softmax' && c.act.overLastAxis === true && c.width?.units === 1;

export default createRule<[], MessageIds>({
  name: 'no-single-unit-softmax',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow softmax over a single unit, which always outputs 1',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      singleUnitSoftmax:
        'This softmax is taken over a single unit (`{{key}}: 1`), so it outputs exactly 1 for every input and its gradient is 0: the layer learns nothing through it. Use `sigmoid`, or one unit per class.',
      singleUnitSoftmaxAfter:
        'This softmax is taken over the single unit of the layer before it ({{where}}), so it outputs exactly 1 for every input and passes no gradient back. Use `sigmoid`, or one unit per class.',
      useSigmoid: "Use 'sigmoid', which outputs the one yes/no probability {{loss}} expects.",
      useLinear: 'Remove the softmax: {{loss}} fits a number, which a linear output can give.',
    },
  },
  create(context) {
    return {
      'Program:exit'() {
        const analysis = getAnalysis(context);
        if (!analysis) return;
        // A 1-unit output trained with a categorical loss on every path is one mistake,
        // reported at the loss by no-categorical-loss-single-unit (whose suggestion also
        // fixes the softmax); on some paths only, the softmax is still wrong on the others.
        // By call: a loop turn's output layer is its call's layer on the last turn.
        const deferred = new Set<TSESTree.CallExpression>();
        // Through merges too: an average of the 1-unit softmax with itself is the same output.
        const defer = (o: OutputFact): void => {
          deferred.add(o.layer.call);
          for (const input of o.mergedFrom ?? []) defer(input);
        };
        for (const bug of singleUnitCategoricalBugs(analysis))
          if (bug.everyPath) for (const p of bug.bugs) defer(p.output);
        for (const layer of analysis.layerCalls) {
          if (deferred.has(layer.call)) continue;
          const role = layer.info.role;
          const facts = analysis.layerFacts(layer);
          let cases: Case[];
          if (role === 'dense' || role === 'conv' || role === 'recurrent') {
            // Cheap test first: a layer with no softmax on any path has no bug case.
            if (!facts.some((f) => f.value.activation === 'softmax')) continue;
            cases = facts.map((f) => ({ act: f.value, width: f.value, guards: f.guards }));
          } else if (role === 'activation') {
            // Cheap test first: only softmax layers need their input looked up.
            if (!facts.some((f) => f.value.activation === 'softmax')) continue;
            cases = [];
            for (const {
              value: [act, input],
              guards,
            } of pair(facts, analysis.inputLayerOf(layer))) {
              if (!input) {
                cases.push({ act, width: null, guards });
                continue;
              }
              for (const w of pair([{ value: null, guards }], analysis.layerFacts(input)))
                cases.push({ act, width: w.value[1], guards: w.guards });
            }
          } else {
            continue;
          }
          const bugs = judgeOnPaths(cases, isBug, sides);
          const lead = bugs[0];
          if (!lead) continue;
          const act = lead.act;
          // Edits only when every path is a bug: another width or activation would read the same layer.
          const sameActivation = bugs.length === cases.length && bugs.every((b) => b.act === act) && facts.length === 1;
          const use = sameActivation ? lossUse(analysis, layer) : undefined;
          const sc = analysis.sourceCode;
          const key = (b: Case & { readonly width: LayerFacts }) => b.width.layer.info.unitsKey ?? 'units';
          const places = bugs.map((b) => {
            const node = b.width.unitsNode ?? b.width.layer.call;
            return { order: node.range[0], line: analysis.where(node), key: key(b) };
          });
          places.sort((x, y) => x.order - y.order);
          const where = unique(places.map((p) => `${p.line}, \`${p.key}: 1\``)).join('; ');
          reportGraded(context, {
            node: act.activationNode,
            ...(role === 'activation'
              ? { messageId: 'singleUnitSoftmaxAfter', data: { where } }
              : { messageId: 'singleUnitSoftmax', data: { key: key(lead) } }),
            unique: false,
            // The edit depends on what the output is trained for; on a hidden layer nothing is certain.
            suggest: [
              use?.kind === 'binary'
                ? modelEdit({ messageId: 'useSigmoid', fix: setLayerActivation(sc, act, 'sigmoid'), data: use.data })
                : null,
              use?.kind === 'regression'
                ? modelEdit({
                    messageId: 'useLinear',
                    fix:
                      role === 'activation' ? removeLayerCall(sc, layer.call) : setLayerActivation(sc, act, 'linear'),
                    data: use.data,
                  })
                : null,
            ],
          });
        }
      },
    };
  },
});

/**
 * What `layer` is trained for when it is the output of every model it is compiled
 * as the output of, each with one output and one kind of loss: `binary` (a loss
 * for independent probabilities: sigmoid is meant) or `regression` (a loss on raw
 * values, `'meanSquaredError'`: a linear output is meant). Undefined otherwise (a
 * hidden layer, an unknown or categorical loss).
 */
function lossUse(
  analysis: FileAnalysis,
  layer: LayerFact,
): { kind: 'binary' | 'regression'; data: { loss: string } } | undefined {
  const kinds = new Set<string>();
  const losses = new Set<string>();
  for (const site of analysis.compileSites) {
    const perOutput = analysis.pairsOf(site);
    for (const p of perOutput.flat()) {
      if (p.output?.layer !== layer) continue;
      const loss = p.loss?.info;
      if (perOutput.length !== 1 || !loss) return undefined;
      kinds.add(
        loss.input === 'probabilities' && loss.classes === 'independent'
          ? 'binary'
          : loss.regression === 'any'
            ? 'regression'
            : 'other',
      );
      losses.add(`\`${loss.display}\``);
    }
  }
  const [kind, ...more] = kinds;
  if (more.length > 0 || (kind !== 'binary' && kind !== 'regression')) return undefined;
  return { kind, data: { loss: [...losses].join(' or ') } };
}
