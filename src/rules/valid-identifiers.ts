import {
  getAnalysis,
  type FileAnalysis,
  type NamePosition,
  type NameUse,
  type OutputFact,
  type RegisteredNames,
} from '../analysis/index.js';
import type { Node } from '../analysis/values.js';
import { isAcceptedName, levenshtein, lookupName, normalizeName } from '../analysis/name-lookup.js';
import {
  ACTIVATION_STRINGS_ACCEPTED_BY_ACCIDENT,
  isAlsoAcceptedActivation,
  type AlsoAcceptedActivation,
  type NameKind,
} from '../knowledge/names.js';
import { createRule } from '../util/create-rule.js';
import { replaceNode, stringLiteral, type Fix } from '../util/fixes.js';
import { reportGraded, type Edit } from '../util/report-graded.js';
import { reportAt } from '../util/report-place.js';

type MessageIds =
  | 'unknownName'
  | 'aliasName'
  | 'functionOnly'
  | 'logitsLossName'
  | 'layerClassActivation'
  | 'useName'
  | 'useFunction'
  | 'useLogitsLoss'
  | 'useProbabilityLoss';

type Suggestion = Edit<MessageIds>;

/** What TF.js says when it rejects a name of each kind (TF.js 4.22, verified by running it). */
const ERROR: Readonly<Record<NamePosition, (name: string) => string>> = {
  loss: (n) => `\`compile()\` throws "Unknown loss ${n}"`,
  metric: (n) => `\`compile()\` throws "Unknown metric ${n}"`,
  optimizer: (n) => `\`compile()\` throws "Unknown Optimizer ${n}"`,
  activation: (n) => `creating the layer throws "Unknown activation: ${n}"`,
};

/**
 * Layer class names that `activation` accepts by accident (see names.ts), what
 * happens, and the activation string to use instead when one computes the same
 * (a suggestion: an edit of a layer is never an autofix).
 * 'ELU' is absent: it is the elu activation and even saves as 'elu'.
 */
const LAYER_CLASS_ACTIVATION: Readonly<
  Record<Exclude<AlsoAcceptedActivation, 'ELU'>, { effect: string; replacement?: string }>
> = {
  Softmax: {
    effect:
      'the Softmax layer normalises over axis 1, not the last axis, so on outputs of rank 3 or more `predict()` and `fit()` throw "Softmax along a non-last dimension is not yet supported"',
    replacement: 'softmax',
  },
  ReLU: {
    effect: "it computes relu but is saved as 're_lu', and the saved model cannot be loaded again",
    replacement: 'relu',
  },
  PReLU: {
    effect: 'its alpha starts at 0 and is never trained (it computes relu), and the saved model cannot be loaded again',
    replacement: 'relu',
  },
  LeakyReLU: {
    effect: 'it computes a leaky relu with alpha 0.3, and the saved model cannot be loaded again',
  },
  ThresholdedReLU: {
    effect: '`fit()` throws "Cannot compute gradient: gradient function not found for Greater"',
  },
  Activation: {
    effect: 'it is an Activation layer without activation (linear), and the saved model cannot be loaded again',
    replacement: 'linear',
  },
};

const ACCIDENTAL: ReadonlySet<string> = new Set(ACTIVATION_STRINGS_ACCEPTED_BY_ACCIDENT);

/** Loss strings that name a logits loss that exists only as a `tf.losses` function. */
const LOGITS_LOSS: Readonly<
  Record<string, { fn: 'softmaxCrossEntropy' | 'sigmoidCrossEntropy'; activation: string; probabilityLoss: string }>
> = {
  softmaxcrossentropy: { fn: 'softmaxCrossEntropy', activation: 'softmax', probabilityLoss: 'categoricalCrossentropy' },
  sigmoidcrossentropy: { fn: 'sigmoidCrossEntropy', activation: 'sigmoid', probabilityLoss: 'binaryCrossentropy' },
};

export default createRule<[], MessageIds>({
  name: 'valid-identifiers',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow loss, metric, optimizer and activation names that TF.js rejects or misreads',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      unknownName: "TF.js has no {{kind}} '{{name}}': {{error}}.",
      aliasName: "TF.js has no {{kind}} '{{name}}' ({{error}}); TF.js calls it '{{replacement}}'.",
      functionOnly: "TF.js has no {{kind}} '{{name}}' ({{error}}); {{advice}}.",
      logitsLossName:
        "TF.js has no loss '{{name}}' ({{error}}). The function `tf.losses.{{fn}}` takes logits; for {{activation}} probabilities use '{{probabilityLoss}}'.",
      layerClassActivation:
        "'{{name}}' is not an activation but a layer class, which TF.js also finds under that name: {{effect}}.",
      useName: "Use '{{replacement}}'.",
      useFunction: 'Pass the function `{{replacement}}`.',
      useLogitsLoss: 'Pass `{{replacement}}`, for a model that outputs logits.',
      useProbabilityLoss: "Use '{{replacement}}', for a model that outputs {{activation}} probabilities.",
    },
  },
  create(context) {
    return {
      'Program:exit'() {
        const analysis = getAnalysis(context);
        if (!analysis) return;
        const all = analysis.nameUses();
        // Nearly every name is right: group by literal only when one is not.
        if (all.every((u) => isAccepted(u.kind, u.name))) return;
        let registered: RegisteredNames | undefined;
        const isValid = (u: NameUse) =>
          isAccepted(u.kind, u.name) ||
          (u.kind === 'activation' && isRegistered(u.name, (registered ??= analysis.registrations())));
        const byLiteral = new Map<Node, NameUse[]>();
        for (const use of all) {
          const list = byLiteral.get(use.literal) ?? [];
          list.push(use);
          byLiteral.set(use.literal, list);
        }
        for (const [literal, uses] of byLiteral) {
          const bad = uses.find((u) => !isValid(u));
          if (!bad) continue;
          const kinds = [...new Set(uses.map((u) => u.kind))];
          const fits = (replacement: string) => kinds.every((k) => isAccepted(k, replacement));
          const editable = isPlainString(literal);
          // A receiver taken for a model by its config's shape may be a wrapper with names of its own: no autofix.
          const local = editable && uses.every((u) => u.local && !u.assumedModel);
          const edit = (replacement: string): Fix | null =>
            editable && fits(replacement)
              ? replaceNode(analysis.sourceCode, literal, stringLiteral(analysis.sourceCode, replacement, literal))
              : null;
          // A layer's activation is part of the model: never an autofix.
          const scope = kinds.includes('activation') ? 'model' : 'training';
          const report = (
            messageId: MessageIds,
            data: Record<string, string>,
            options: { autofix?: string; suggest?: Suggestion[] } = {},
          ) => {
            const name = options.autofix;
            const first = name === undefined ? null : edit(name);
            // A name from an imported module is reported where this file uses it.
            const at = reportAt(analysis, literal, ...uses.map((u) => u.compileSite?.via), ...uses.map((u) => u.call));
            if (!at) return;
            reportGraded(context, {
              node: at,
              messageId,
              data,
              unique: local,
              fix: first && { messageId: 'useName', data: { replacement: name ?? '' }, fix: first, scope },
              suggest: options.suggest,
            });
          };
          const nameSuggestions = (names: readonly string[]): Suggestion[] =>
            names.flatMap((replacement) => {
              const f = edit(replacement);
              return f ? [{ messageId: 'useName' as const, data: { replacement }, fix: f, scope }] : [];
            });

          const { kind, name } = bad;
          const error = ERROR[kind](name);
          if (kind === 'activation' && (isAlsoAcceptedActivation(name) || ACCIDENTAL.has(name))) {
            const entry = isAlsoAcceptedActivation(name) && name !== 'ELU' ? LAYER_CLASS_ACTIVATION[name] : undefined;
            const effect =
              entry?.effect ?? "it is applied to the layer's output although it is not an activation at all";
            const replacement = entry?.replacement;
            report(
              'layerClassActivation',
              { name, effect },
              { suggest: replacement === undefined ? [] : nameSuggestions([replacement]) },
            );
            continue;
          }
          const logits = kind === 'loss' ? LOGITS_LOSS[normalizeName(name)] : undefined;
          if (logits) {
            report(
              'logitsLossName',
              {
                name,
                error: ERROR.loss(name),
                fn: logits.fn,
                probabilityLoss: logits.probabilityLoss,
                activation: logits.activation,
              },
              {
                suggest: logitsLossSuggestions(
                  analysis,
                  uses.filter((u) => u.kind === 'loss'),
                  literal,
                  logits,
                  edit,
                ),
              },
            );
            continue;
          }
          const lookup = lookupName(kind as NameKind, name);
          const replacement = lookup.alias ?? lookup.suggestion.match;
          if (replacement !== undefined && replacement !== name) {
            report('aliasName', { kind, name, error, replacement }, { autofix: replacement });
            continue;
          }
          if (lookup.functionInstead !== undefined) {
            const fn = lookup.functionInstead;
            const suggest: Suggestion[] = [];
            let advice: string;
            if (kind === 'loss' || kind === 'metric') {
              advice = `it exists only as the function \`${fn}\`, which \`compile()\` accepts`;
              const f = functionEdit(analysis, literal, fn);
              if (f)
                suggest.push({
                  messageId: 'useFunction',
                  data: { replacement: f.text },
                  fix: f.fix,
                  scope: 'training',
                });
            } else if (kind === 'optimizer') {
              advice = `create it with \`${fn}(learningRate, momentum)\` and pass that`;
            } else {
              advice = `it exists only as a layer: make this layer linear and add a \`${fn}()\` layer after it`;
            }
            report('functionOnly', { kind, name, error, advice }, { suggest });
            continue;
          }
          report(
            'unknownName',
            { kind, name, error },
            { suggest: nameSuggestions(distinctNearMisses(name, lookup.suggestion.nearMisses)) },
          );
        }
      },
    };
  },
});

/** `name in Object.prototype` as a set lookup (an `in` miss walks V8's slow path; every name is tested). */
const OBJECT_PROTOTYPE_KEYS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

function isAccepted(kind: NamePosition, name: string): boolean {
  // Object.prototype keys pass TF.js' `in` lookups in compile and fail later, elsewhere: not judged.
  if (kind !== 'activation' && OBJECT_PROTOTYPE_KEYS.has(name)) return true;
  if (kind === 'activation' && name === 'ELU') return true;
  return isAcceptedName(kind as NameKind, name);
}

/**
 * Is an activation string the name of a class the project registers? TF.js looks
 * activations up among every registered class (losses, metrics and optimizers it does
 * not). A class whose name is unread may answer to any name TF.js lacks, but it does
 * not make a misread layer class name ('Softmax') good.
 */
function isRegistered(name: string, registered: RegisteredNames): boolean {
  if (registered.names.has(name)) return true;
  return registered.unreadable && !isAlsoAcceptedActivation(name) && !ACCIDENTAL.has(name);
}

/**
 * One near miss per name that TF.js accepts in several spellings ('adam' / 'Adam'):
 * the spelling closest to what was written, in the order given.
 */
function distinctNearMisses(written: string, names: readonly string[]): string[] {
  const best = new Map<string, string>();
  for (const n of names) {
    const key = normalizeName(n);
    const prev = best.get(key);
    if (prev === undefined || levenshtein(written, n) < levenshtein(written, prev)) best.set(key, n);
  }
  return [...new Set(names.map((n) => best.get(normalizeName(n))!))];
}

/** A literal whose text is exactly the string (no template expressions), so a fix may rewrite it. */
function isPlainString(node: Node): boolean {
  if (node.type === 'Literal') return typeof node.value === 'string';
  return node.type === 'TemplateLiteral' && node.expressions.length === 0;
}

/** `tf.losses.huberLoss` written through the TF.js namespace in scope at `literal`. */
function functionEdit(analysis: FileAnalysis, literal: Node, fn: string): { text: string; fix: Fix } | null {
  const [, member, name] = fn.split('.') as [string, 'losses' | 'metrics', string];
  const text = analysis.tfExpression([member, name], literal);
  if (text === undefined || !isPlainString(literal)) return null;
  const fix = replaceNode(analysis.sourceCode, literal, text);
  return fix ? { text, fix } : null;
}

/**
 * For 'softmaxCrossEntropy' / 'sigmoidCrossEntropy': the function (which takes
 * logits) when the output is linear on every path, the probability loss when it is
 * the matching activation on every path, both otherwise.
 */
function logitsLossSuggestions(
  analysis: FileAnalysis,
  uses: readonly NameUse[],
  literal: Node,
  logits: { fn: string; activation: string; probabilityLoss: string },
  edit: (replacement: string) => Fix | null,
): Suggestion[] {
  const outputs = uses.flatMap((u) => outputsOfUse(analysis, u));
  const known = outputs.length > 0 && outputs.every((o) => o !== null && o.activation !== undefined);
  const all = (a: string) => known && outputs.every((o) => o?.activation === a);
  const out: Suggestion[] = [];
  if (!all(logits.activation)) {
    const f = functionEdit(analysis, literal, `tf.losses.${logits.fn}`);
    if (f) out.push({ messageId: 'useLogitsLoss', data: { replacement: f.text }, fix: f.fix, scope: 'training' });
  }
  if (!all('linear')) {
    const f = edit(logits.probabilityLoss);
    if (f)
      out.push({
        messageId: 'useProbabilityLoss',
        data: { replacement: logits.probabilityLoss, activation: logits.activation },
        fix: f,
        scope: 'training',
      });
  }
  return out;
}

/** The outputs a loss use is for, on the paths consistent with it (null: unknown). */
function outputsOfUse(analysis: FileAnalysis, use: NameUse): (OutputFact | null)[] {
  const site = use.compileSite;
  if (!site || use.outputIndex === undefined) return [null];
  let indices: number[];
  if (use.outputIndex === 'all') {
    const count = analysis.outputCountAtSite(site);
    if (count === undefined) return [null];
    indices = Array.from({ length: count }, (_, i) => i);
  } else {
    indices = [use.outputIndex];
  }
  return indices.flatMap((i) => analysis.outputsAtSite(site, i, use.guards).map((p) => p.value));
}
