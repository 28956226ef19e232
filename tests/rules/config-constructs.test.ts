/**
 * Config objects built the way real code builds them (issue 21 §2): spread into a
 * layer or compile config (`{ inputShape, ...headArgs }`), and given their loss after
 * they are made (`args.loss = ...`, `this.compileArgs.loss = ...`). Each bug case is
 * reported under both parsers; its correct twin and the variants the analysis cannot
 * see through (an unknown spread, the object handed to unknown code, a computed key,
 * a write at a time the code does not fix) stay silent. Every rule runs
 * (`configs.all`); reports are checked by rule and line.
 */
import { describe, expect, it } from 'vitest';
import { checkFixes, lint, type ParserName } from '../reliability/harness.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;
const SOFTMAX = `tf.layers.dense({inputShape: [4], units: 3, activation: 'softmax'})`;

interface Case {
  name: string;
  code: string;
  /** `rule@line` of each report expected; none: every rule stays silent. */
  reports: string[];
}

const cases: Case[] = [
  // ---------------------------------------------------------------------------
  // Spreads: a known object's properties, later keys winning.
  {
    name: 'spread: the output activation comes from a spread config object',
    code:
      TF +
      `const headArgs = {units: 3, activation: 'softmax'};
const model = tf.sequential();
model.add(tf.layers.dense({inputShape: [4], ...headArgs}));
model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    // Reported where the activation is written (the message names the loss's line).
    reports: ['no-activation-before-logits-loss@2'],
  },
  {
    name: 'spread twin: a key written after the spread wins (linear output)',
    code:
      TF +
      `const headArgs = {units: 3, activation: 'softmax'};
const model = tf.sequential();
model.add(tf.layers.dense({inputShape: [4], ...headArgs, activation: 'linear'}));
model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    reports: [],
  },
  {
    name: 'spread: a key written before the spread loses to it',
    code:
      TF +
      `const headArgs = {units: 3, activation: 'softmax'};
const model = tf.sequential();
model.add(tf.layers.dense({inputShape: [4], activation: 'linear', ...headArgs}));
model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    reports: ['no-activation-before-logits-loss@2'],
  },
  {
    name: 'spread of an unknown object after the activation: it may override it, silent',
    code:
      TF +
      `export function build(extra) {
  const model = tf.sequential();
  model.add(tf.layers.dense({inputShape: [4], units: 3, activation: 'softmax', ...extra}));
  model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
  return model;
}`,
    reports: [],
  },
  {
    name: 'spread in the compile config: the loss comes from a base object',
    code:
      TF +
      `const base = {optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy};
const model = tf.sequential();
model.add(${SOFTMAX});
model.compile({...base, metrics: ['accuracy']});`,
    reports: ['no-activation-before-logits-loss@4'],
  },
  {
    name: 'spread twin: the compile config overrides the base loss with a probability loss',
    code:
      TF +
      `const base = {optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy};
const model = tf.sequential();
model.add(${SOFTMAX});
model.compile({...base, loss: 'categoricalCrossentropy'});`,
    reports: [],
  },

  // ---------------------------------------------------------------------------
  // A config object written after it is made.
  {
    name: 'mutation: the loss is set on the compile args after they are made (issue 21 repro)',
    code:
      TF +
      `const headArgs = {units: 3, activation: 'softmax'};
const trainArgs = {optimizer: 'adam', metrics: ['accuracy']};
trainArgs.loss = tf.losses.softmaxCrossEntropy;
const clf = tf.sequential();
clf.add(tf.layers.dense({inputShape: [4], ...headArgs}));
clf.compile(trainArgs);`,
    reports: ['no-activation-before-logits-loss@2'],
  },
  {
    name: 'mutation twin: the loss set later is a probability loss',
    code:
      TF +
      `const trainArgs = {optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy};
trainArgs.loss = 'categoricalCrossentropy';
const model = tf.sequential();
model.add(${SOFTMAX});
model.compile(trainArgs);`,
    reports: [],
  },
  {
    name: 'mutation in a function: the write before compile wins, in that function',
    code:
      TF +
      `export function train(xs, ys) {
  const args = {optimizer: 'adam', loss: 'categoricalCrossentropy'};
  args.loss = tf.losses.softmaxCrossEntropy;
  const model = tf.sequential();
  model.add(${SOFTMAX});
  model.compile(args);
  return model.fit(xs, ys);
}`,
    reports: ['no-activation-before-logits-loss@6'],
  },
  {
    name: 'mutation after compile in the function that makes the object: compile saw the old loss',
    code:
      TF +
      `export function train() {
  const args = {optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy};
  const model = tf.sequential();
  model.add(${SOFTMAX});
  model.compile(args);
  args.loss = 'categoricalCrossentropy';
  return model;
}`,
    reports: ['no-activation-before-logits-loss@5'],
  },
  {
    name: 'the object handed to an unknown function before compile: it may change the loss, silent',
    code:
      TF +
      `import {tweak} from './tweak';
const args = {optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy};
tweak(args);
const model = tf.sequential();
model.add(${SOFTMAX});
model.compile(args);`,
    reports: [],
  },
  {
    name: 'a write with a computed key before compile: any key may change, silent',
    code:
      TF +
      `export function train(key) {
  const args = {optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy};
  args[key] = 'categoricalCrossentropy';
  const model = tf.sequential();
  model.add(${SOFTMAX});
  model.compile(args);
  return model;
}`,
    reports: [],
  },
  {
    name: 'a write in another function, at a time the code does not fix: judged on every path, silent',
    code:
      TF +
      `const args = {optimizer: 'adam', loss: 'categoricalCrossentropy'};
export function useLogits() {
  args.loss = tf.losses.softmaxCrossEntropy;
}
export function train() {
  const model = tf.sequential();
  model.add(${SOFTMAX});
  model.compile(args);
  return model;
}`,
    reports: [],
  },
  {
    name: 'the same write on every path: reported',
    code:
      TF +
      `const args = {optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy};
export function useLogits() {
  args.loss = tf.losses.softmaxCrossEntropy;
}
export function train() {
  const model = tf.sequential();
  model.add(${SOFTMAX});
  model.compile(args);
  return model;
}`,
    reports: ['no-activation-before-logits-loss@8'],
  },

  // ---------------------------------------------------------------------------
  // `this.compileArgs` in a class.
  {
    name: 'class: the loss is set on this.compileArgs before compile in the same method',
    code:
      TF +
      `export class Classifier {
  constructor() {
    this.compileArgs = {optimizer: 'adam', metrics: ['accuracy']};
  }
  build() {
    this.compileArgs.loss = tf.losses.softmaxCrossEntropy;
    const model = tf.sequential();
    model.add(${SOFTMAX});
    model.compile(this.compileArgs);
    return model;
  }
}`,
    reports: ['no-activation-before-logits-loss@9'],
  },
  {
    name: 'class: a subclass constructor sets the loss after super()',
    code:
      TF +
      `class Base {
  constructor() {
    this.compileArgs = {optimizer: 'adam', loss: 'categoricalCrossentropy'};
  }
}
export class Classifier extends Base {
  constructor() {
    super();
    this.compileArgs.loss = tf.losses.softmaxCrossEntropy;
  }
  build() {
    const model = tf.sequential();
    model.add(${SOFTMAX});
    model.compile(this.compileArgs);
    return model;
  }
}`,
    reports: ['no-activation-before-logits-loss@14'],
  },
  {
    name: 'class twin: the constructor sets a probability loss',
    code:
      TF +
      `export class Classifier {
  constructor() {
    this.compileArgs = {optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy};
    this.compileArgs.loss = 'categoricalCrossentropy';
  }
  build() {
    const model = tf.sequential();
    model.add(${SOFTMAX});
    model.compile(this.compileArgs);
    return model;
  }
}`,
    reports: [],
  },
  {
    name: 'class: the loss set in another method, at a time the code does not fix: silent',
    code:
      TF +
      `export class Classifier {
  constructor() {
    this.compileArgs = {optimizer: 'adam', loss: 'categoricalCrossentropy'};
  }
  useLogits() {
    this.compileArgs.loss = tf.losses.softmaxCrossEntropy;
  }
  build() {
    const model = tf.sequential();
    model.add(${SOFTMAX});
    model.compile(this.compileArgs);
    return model;
  }
}`,
    reports: [],
  },
  {
    name: 'class: this.compileArgs handed to an unknown function: silent',
    code:
      TF +
      `import {configure} from './configure';
export class Classifier {
  constructor() {
    this.compileArgs = {optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy};
    configure(this.compileArgs);
  }
  build() {
    const model = tf.sequential();
    model.add(${SOFTMAX});
    model.compile(this.compileArgs);
    return model;
  }
}`,
    reports: [],
  },
  {
    name: 'class: the constructor compiles through a method before the write: silent (the compile saw the old loss)',
    code:
      TF +
      `export class Trainer {
  constructor() {
    this.args = {optimizer: 'adam', loss: 'categoricalCrossentropy'};
    this.model = tf.sequential();
    this.model.add(tf.layers.dense({units: 10, inputShape: [4], activation: 'softmax'}));
    this.compile();
    this.args.loss = 'binaryCrossentropy';
  }
  compile() {
    this.model.compile(this.args);
  }
}`,
    reports: [],
  },
  {
    name: 'class: a method called from an arrow in the constructor before the write: silent',
    code:
      TF +
      `export class Trainer {
  constructor(sizes) {
    this.args = {optimizer: 'adam', loss: 'categoricalCrossentropy'};
    sizes.forEach((n) => this.build(n));
    this.args.loss = tf.losses.softmaxCrossEntropy;
  }
  build(n) {
    const model = tf.sequential();
    model.add(tf.layers.dense({units: n, inputShape: [4], activation: 'softmax'}));
    model.compile(this.args);
    return model;
  }
}`,
    reports: [],
  },
  {
    name: 'class: this handed to unknown code before the write: silent (it may call the method)',
    code:
      TF +
      `import {register} from './registry';
export class Trainer {
  constructor() {
    this.args = {optimizer: 'adam', loss: 'categoricalCrossentropy'};
    register(this);
    this.args.loss = tf.losses.softmaxCrossEntropy;
  }
  build() {
    const model = tf.sequential();
    model.add(${SOFTMAX});
    model.compile(this.args);
    return model;
  }
}`,
    reports: [],
  },
  {
    name: 'class: the superclass constructor calls the method before the subclass writes: silent',
    code:
      TF +
      `class Base {
  constructor() {
    this.compileArgs = {optimizer: 'adam', loss: 'categoricalCrossentropy'};
    this.model = this.build();
  }
}
export class Classifier extends Base {
  constructor() {
    super();
    this.compileArgs.loss = tf.losses.softmaxCrossEntropy;
  }
  build() {
    const model = tf.sequential();
    model.add(${SOFTMAX});
    model.compile(this.compileArgs);
    return model;
  }
}`,
    reports: [],
  },
  {
    name: 'class: calls before the write that run no method of this (and a method called only after it): followed',
    code:
      TF +
      `export class Trainer {
  constructor() {
    this.init();
    this.args = {optimizer: 'adam', metrics: ['accuracy']};
    this.model = tf.sequential();
    this.model.add(${SOFTMAX});
    this.args.loss = tf.losses.softmaxCrossEntropy;
    this.compile();
  }
  init() {
    this.ready = false;
  }
  compile() {
    this.model.compile(this.args);
  }
}`,
    reports: ['no-activation-before-logits-loss@7'],
  },
];

const PARSERS: ParserName[] = ['espree', 'typescript'];

describe('config objects: spreads and writes after creation', () => {
  for (const c of cases) {
    for (const parser of PARSERS) {
      it(`${c.name} (${parser})`, () => {
        const messages = lint(c.code, { parser });
        expect(messages.filter((m) => m.fatal)).toEqual([]);
        const got = messages.map((m) => `${(m.ruleId ?? '').replace(/^tfjs\//, '')}@${m.line}`).sort();
        expect(got).toEqual([...c.reports].sort());
        if (c.reports.length > 0) expect(checkFixes(c.code, { parser }, messages).problems).toEqual([]);
      });
    }
  }
});
