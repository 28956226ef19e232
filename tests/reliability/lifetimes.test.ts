/**
 * Generated tensor lifetimes, checked against TF.js itself: fast-check writes small
 * programs (a context that repeats or runs once × a chain of ops × what becomes of
 * the result), each is linted with every rule and then RUN on the CPU backend with
 * stand-ins for the browser's schedulers, and no-leaked-tensor must count exactly
 * the tensors that `tf.memory().numTensors` shows leaking per run — and nothing in
 * code that runs once. Tensors the program keeps on purpose (pushed, kept) are not
 * leaks; the test subtracts them from the measurement.
 *
 * LIFETIME_RUNS (default 150) changes the number of programs.
 */
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFixes, lint, type ParserName } from './harness.js';

const RUNS = Number(process.env.LIFETIME_RUNS ?? 150);
/** Runs of the repeated code per program. */
const REPEAT = 3;

type Context =
  | 'for'
  | 'while'
  | 'forEach'
  | 'raf'
  | 'setInterval'
  | 'click'
  | 'onEpochEnd'
  | 'helper'
  | 'once'
  | 'setTimeout'
  | 'load';
type Fate =
  'dropped' | 'toString' | 'dataSync' | 'dispose' | 'tfDispose' | 'push' | 'keep' | 'consume' | 'returned' | 'tidy';

interface Spec {
  context: Context;
  /** Methods chained after the first op. */
  chain: string[];
  fate: Fate;
}

const REPEATED: ReadonlySet<Context> = new Set([
  'for',
  'while',
  'forEach',
  'raf',
  'setInterval',
  'click',
  'onEpochEnd',
  'helper',
]);

const specArbitrary: fc.Arbitrary<Spec> = fc.record({
  context: fc.constantFrom<Context>(
    'for',
    'while',
    'forEach',
    'raf',
    'setInterval',
    'click',
    'onEpochEnd',
    'helper',
    'once',
    'setTimeout',
    'load',
  ),
  chain: fc.array(fc.constantFrom('add(1)', 'mul(2)', 'square()', 'toFloat()', 'expandDims(0)'), { maxLength: 3 }),
  fate: fc.constantFrom<Fate>(
    'dropped',
    'toString',
    'dataSync',
    'dispose',
    'tfDispose',
    'push',
    'keep',
    'consume',
    'returned',
    'tidy',
  ),
});

/** The statements of one run: make the chain, then do `fate` with it. */
function body(spec: Spec): string[] {
  const expr = ['tf.tensor1d([1, 2, 3])', ...spec.chain].join('.');
  switch (spec.fate) {
    case 'dropped':
      return [`${expr};`];
    case 'toString':
      return [`sink.push(${expr}.toString());`];
    case 'dataSync':
      return [`const t = ${expr};`, `sink.push(t.dataSync()[0]);`];
    case 'dispose':
      return [`const t = ${expr};`, `sink.push(t.dataSync()[0]);`, `t.dispose();`];
    case 'tfDispose':
      return [`const t = ${expr};`, `tf.dispose([t]);`];
    case 'push':
      return [`kept.push(${expr});`];
    case 'keep':
      return [`const t = tf.keep(${expr});`, `kept.push(t);`];
    case 'consume':
      return [`const t = ${expr};`, `consume(t);`];
    case 'returned':
      return [`const t = ${expr};`, `return t;`];
    case 'tidy':
      return [`sink.push(tf.tidy(() => ${expr}.dataSync()[0]));`];
  }
}

/** The program: TF.js, the stand-ins as globals, and the context around the body. */
function render(spec: Spec): string {
  const b = body(spec);
  const returns = spec.fate === 'returned';
  const ind = (lines: string[], n: number) => lines.map((l) => ' '.repeat(n) + l).join('\n');
  const head = `import * as tf from '@tensorflow/tfjs';\nconst kept = [];\nconst sink = [];\nfunction consume(x) {\n  kept.push(x);\n}\n`;
  // A returned tensor needs a function whose caller stores it: the callback of a map over an array.
  const inner = returns ? [`kept.push(...[0].map(() => {`, ind(b, 2), `}));`] : b;
  switch (spec.context) {
    case 'for':
      return `${head}for (let i = 0; i < ${REPEAT}; i++) {\n${ind(inner, 2)}\n}\n`;
    case 'while':
      return `${head}let i = 0;\nwhile (i < ${REPEAT}) {\n${ind(inner, 2)}\n  i++;\n}\n`;
    case 'forEach':
      return `${head}[${Array.from({ length: REPEAT }, (_, i) => i).join(', ')}].forEach((v) => {\n${ind(inner, 2)}\n});\n`;
    case 'raf':
      return `${head}function frame() {\n${ind(inner, 2)}\n  requestAnimationFrame(frame);\n}\nrequestAnimationFrame(frame);\n`;
    case 'setInterval':
      return `${head}setInterval(() => {\n${ind(inner, 2)}\n}, 10);\n`;
    case 'click':
      return `${head}window.addEventListener('click', () => {\n${ind(inner, 2)}\n});\n`;
    case 'onEpochEnd':
      return `${head}trainer.fit(1, 2, {\n  callbacks: {\n    onEpochEnd: () => {\n${ind(inner, 6)}\n    },\n  },\n});\n`;
    case 'helper':
      return `${head}function step() {\n${ind(inner, 2)}\n}\nfor (let i = 0; i < ${REPEAT}; i++) step();\n`;
    case 'once':
      return `${head}{\n${ind(inner, 2)}\n}\n`;
    case 'setTimeout':
      return `${head}setTimeout(() => {\n${ind(inner, 2)}\n}, 10);\n`;
    case 'load':
      return `${head}window.addEventListener('load', () => {\n${ind(inner, 2)}\n});\n`;
  }
}

/** Run the program, its callbacks `REPEAT` times; tensors left per run and those it keeps on purpose. */
function measure(code: string, spec: Spec): { perRun: number; keptPerRun: number } {
  const callbacks: (() => void)[] = [];
  const register = (cb: () => void) => callbacks.push(cb);
  const env = {
    tf,
    requestAnimationFrame: register,
    setInterval: register,
    setTimeout: register,
    window: { addEventListener: (_: string, cb: () => void) => register(cb) },
    trainer: {
      fit: (_x: unknown, _y: unknown, args: { callbacks: { onEpochEnd: () => void } }) =>
        register(args.callbacks.onEpochEnd),
    },
  };
  const source = code.replace(/^import .*$/m, '') + '\nreturn kept;';
  const run = new Function(...Object.keys(env), source) as (...args: unknown[]) => unknown[];
  const before = tf.memory().numTensors;
  const kept = run(...Object.values(env));
  // Loops ran REPEAT times in `run`; a callback is called REPEAT times (a frame re-registers itself).
  for (let r = 0; r < REPEAT && callbacks.length > 0; r++) {
    const cb = spec.context === 'raf' ? callbacks.shift()! : callbacks[0]!;
    cb();
  }
  const keptTensors = kept.filter((k) => k instanceof tf.Tensor) as tf.Tensor[];
  const growth = tf.memory().numTensors - before;
  tf.dispose(keptTensors);
  tf.disposeVariables();
  return { perRun: growth / REPEAT, keptPerRun: keptTensors.length / REPEAT };
}

/** The tensors per run the rule's reports count. */
function reportedPerRun(messages: { ruleId: string | null; message: string }[]): number {
  return messages
    .filter((m) => m.ruleId === 'tfjs/no-leaked-tensor')
    .reduce((sum, m) => sum + Number(/ makes? (?:up to )?(\d+) tensors? /.exec(m.message)?.[1] ?? NaN), 0);
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('generated tensor lifetimes, run', () => {
  it(`no-leaked-tensor counts what leaks per run on ${RUNS} programs, and nothing in code that runs once`, () => {
    const figures = { programs: 0, reported: 0, measuredLeaks: 0, silent: 0 };
    fc.assert(
      fc.property(specArbitrary, fc.constantFrom<ParserName>('espree', 'typescript'), (spec, parser) => {
        const code = render(spec);
        const messages = lint(code, { parser });
        const show = `\n--- program (${parser}) ---\n${code}--- messages ---\n${messages.map((m) => `${m.line}: ${m.ruleId}: ${m.message}`).join('\n')}`;
        expect(
          messages.filter((m) => m.fatal || !m.ruleId),
          show,
        ).toEqual([]);
        const reported = reportedPerRun(messages);
        figures.programs += 1;
        if (reported > 0) figures.reported += 1;
        else figures.silent += 1;
        if (REPEATED.has(spec.context)) {
          const { perRun, keptPerRun } = measure(code, spec);
          const leaked = perRun - keptPerRun;
          if (leaked > 0) figures.measuredLeaks += 1;
          expect(reported, `reported vs measured ${leaked} per run${show}`).toBe(leaked);
        } else {
          // Code that runs once leaks nothing worth a report, except inside the map callback
          // of a returned tensor (a callback per element): there its intermediates leak.
          expect(reported, `code that runs once${show}`).toBe(spec.fate === 'returned' ? spec.chain.length : 0);
        }
        expect(checkFixes(code, { parser }, messages).problems, show).toEqual([]);
      }),
      { numRuns: RUNS, seed: 20_261_206 },
    );
    console.log(`[reliability:lifetimes] ${JSON.stringify(figures)}`);
    // Not vacuous: leaks were measured and reported, and some programs were rightly silent.
    expect(figures.measuredLeaks).toBeGreaterThan(RUNS / 4);
    expect(figures.silent).toBeGreaterThan(RUNS / 10);
  }, 600_000);
});
