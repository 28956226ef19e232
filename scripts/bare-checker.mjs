// A bare checker, for `npm run bench:ab -- scripts/bare-checker.mjs`: what the least
// a design can do on corpus (a) costs next to the plugin (docs/performance.md,
// eighth pass). Not a rule anyone should use: it finds 1 of the corpus's 200 bugs.
//
// One rule, shaped as the plugin is (a plugin object with `configs.all`, so the A/B
// driver loads it as a build): it records every call during ESLint's traversal and
// at `Program:exit` does, without values, guards or caches of its own, the reads any
// design must do for every call:
// - the name at the root of each member call is resolved through ESLint's scopes
//   (`getScope` and a walk up the scope chain) to a TF.js import or require;
// - the config of a TF.js call is read where it is an object literal of literals;
// - `m.add(layer)` on a name records the last layer, and `m.compile({loss})` on that
//   name pairs the last layer with the loss.
// It reports a sigmoid or 1-unit last layer trained with a categorical loss, and a
// 1-unit softmax layer. Everything the analysis adds to this (conditions, helpers
// and their parameters, returned models, `sequential({layers})`, functional models,
// other files, losses called in training loops, fixes) is what it leaves out.
const TF_MODULES = new Set([
  '@tensorflow/tfjs',
  '@tensorflow/tfjs-node',
  '@tensorflow/tfjs-node-gpu',
  '@tensorflow/tfjs-layers',
]);
const CATEGORICAL = new Set(['categoricalCrossentropy', 'sparseCategoricalCrossentropy']);

function lookup(scope, name) {
  for (let s = scope; s; s = s.upper) {
    const v = s.set.get(name);
    if (v) return v;
  }
  return undefined;
}

function literalProperty(object, key) {
  if (!object || object.type !== 'ObjectExpression') return undefined;
  for (const p of object.properties) {
    if (p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && p.key.name === key) {
      return p.value.type === 'Literal' ? p.value.value : undefined;
    }
  }
  return undefined;
}

function isTfBinding(variable) {
  const def = variable?.defs[0];
  if (!def) return false;
  if (def.type === 'ImportBinding') return TF_MODULES.has(def.parent.source.value);
  const init = def.type === 'Variable' ? def.node.init : undefined;
  return (
    init?.type === 'CallExpression' &&
    init.callee.type === 'Identifier' &&
    init.callee.name === 'require' &&
    TF_MODULES.has(init.arguments[0]?.value)
  );
}

const rule = {
  meta: {
    type: 'problem',
    schema: [],
    messages: { bug: 'A {{what}} output trained with a categorical loss, or a 1-unit softmax.' },
  },
  create(context) {
    const calls = [];
    const { sourceCode } = context;
    const variableOf = (id) => lookup(sourceCode.getScope(id), id.name);
    const layerOf = (call) => {
      if (call?.type !== 'CallExpression') return undefined;
      let root = call.callee;
      while (root.type === 'MemberExpression') root = root.object;
      if (root.type !== 'Identifier' || !isTfBinding(variableOf(root))) return undefined;
      const config = call.arguments[0];
      return { activation: literalProperty(config, 'activation') ?? 'linear', units: literalProperty(config, 'units') };
    };
    return {
      CallExpression(node) {
        calls.push(node);
      },
      'Program:exit'() {
        const lastLayer = new Map();
        for (const call of calls) {
          const callee = call.callee;
          if (callee.type !== 'MemberExpression' || callee.computed) continue;
          const method = callee.property.name;
          const object = callee.object;
          if (method === 'add' && object.type === 'Identifier') {
            const model = variableOf(object);
            if (model) lastLayer.set(model, call.arguments[0]);
          } else if (method === 'compile' && object.type === 'Identifier') {
            const model = variableOf(object);
            const layer = model && layerOf(lastLayer.get(model));
            const loss = literalProperty(call.arguments[0], 'loss');
            if (layer && CATEGORICAL.has(loss) && (layer.activation === 'sigmoid' || layer.units === 1)) {
              context.report({ node: call, messageId: 'bug', data: { what: layer.activation } });
            }
          } else {
            const layer = layerOf(call);
            if (layer?.activation === 'softmax' && layer.units === 1)
              context.report({ node: call, messageId: 'bug', data: { what: 'softmax' } });
          }
        }
      },
    };
  },
};

export default { rules: { 'bare-checker': rule }, configs: { all: { rules: { 'tfjs/bare-checker': 'error' } } } };
