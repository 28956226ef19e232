import { getAnalysis, pair, type FileAnalysis, type LayerFact, type LayerFacts } from '../analysis/index.js';
import { createRule } from '../util/create-rule.js';
import { setLayerActivation } from '../util/fixes.js';
import { judge, modelEdit, reportGraded, unique } from '../util/report.js';
import { singleUnitCategoricalBugs } from '../util/single-unit.js';

type MessageIds = 'singleUnitSoftmax' | 'singleUnitSoftmaxAfter' | 'useSigmoid';

/** One path: the softmax (its layer's facts) and the layer setting the width it is taken over. */
interface Case {
  readonly act: LayerFacts;
  readonly width: LayerFacts | null;
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
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      singleUnitSoftmax:
        'This softmax is taken over a single unit (`{{key}}: 1`), so it outputs exactly 1 for every input and its gradient is 0: the layer learns nothing through it. Use `sigmoid`, or one unit per class.',
      singleUnitSoftmaxAfter:
        'This softmax is taken over the single unit of the layer before it ({{where}}), so it outputs exactly 1 for every input and passes no gradient back. Use `sigmoid`, or one unit per class.',
      useSigmoid: "Use 'sigmoid', which outputs one independent probability.",
    },
  },
  create(context) {
    return {
      'Program:exit'() {
        const analysis = getAnalysis(context);
        if (!analysis) return;
        // A 1-unit output trained with a categorical loss is one mistake, reported at
        // the loss by no-categorical-loss-single-unit (whose suggestion also fixes the softmax).
        const deferred = new Set<LayerFact>();
        for (const bug of singleUnitCategoricalBugs(analysis)) for (const p of bug.pairs) deferred.add(p.output.layer);
        for (const layer of analysis.layerCalls) {
          if (deferred.has(layer)) continue;
          const role = layer.info.role;
          const facts = analysis.layerFacts(layer);
          let cases: Case[];
          if (role === 'dense' || role === 'conv' || role === 'recurrent') {
            cases = facts.map((f) => ({ act: f.value, width: f.value }));
          } else if (role === 'activation') {
            // Cheap test first: only softmax layers need their input looked up.
            if (!facts.some((f) => f.value.activation === 'softmax')) continue;
            cases = [];
            for (const {
              value: [act, input],
              guards,
            } of pair(facts, analysis.inputLayerOf(layer))) {
              if (!input) {
                cases.push({ act, width: null });
                continue;
              }
              for (const w of pair([{ value: null, guards }], analysis.layerFacts(input)))
                cases.push({ act, width: w.value[1] });
            }
          } else {
            continue;
          }
          const bugs = judge(cases, isBug);
          const lead = bugs[0];
          if (!lead) continue;
          const act = lead.act;
          const sameActivation = bugs.every((b) => b.act === act) && facts.length === 1;
          const fix = sameActivation ? setLayerActivation(analysis.sourceCode, act, 'sigmoid') : null;
          const key = (b: Case & { readonly width: LayerFacts }) => b.width.layer.info.unitsKey ?? 'units';
          const places = bugs.map((b) => {
            const node = b.width.unitsNode ?? b.width.layer.call;
            return { order: node.range[0], line: analysis.where(node), key: key(b) };
          });
          places.sort((x, y) => x.order - y.order);
          const where = unique(places.map((p) => `${p.line}, \`${p.key}: 1\``)).join('; ');
          const binary = isBinaryOutput(analysis, layer);
          reportGraded(context, {
            node: act.activationNode,
            ...(role === 'activation'
              ? { messageId: 'singleUnitSoftmaxAfter', data: { where } }
              : { messageId: 'singleUnitSoftmax', data: { key: key(lead) } }),
            unique: true,
            fix: modelEdit({ messageId: 'useSigmoid', fix: binary ? fix : null }),
            suggest: [modelEdit({ messageId: 'useSigmoid', fix: binary ? null : fix })],
          });
        }
      },
    };
  },
});

/**
 * Is `layer` the output of every model it is compiled as the output of, each with
 * one output and a loss for independent probabilities (`'binaryCrossentropy'`)? Then
 * sigmoid is what the code means, and the only change is the activation.
 */
function isBinaryOutput(analysis: FileAnalysis, layer: LayerFact): boolean {
  let seen = false;
  for (const site of analysis.compileSites) {
    const perOutput = analysis.pairsOf(site);
    for (const pairs of perOutput) {
      for (const p of pairs) {
        if (p.output?.layer !== layer) continue;
        seen = true;
        const loss = p.loss?.info;
        if (perOutput.length !== 1 || !loss || loss.input !== 'probabilities' || loss.classes !== 'independent')
          return false;
      }
    }
  }
  return seen;
}
