/**
 * Fixes and suggestions of a script of an HTML page (eslint-plugin-html), placed in
 * the page.
 *
 * eslint-plugin-html maps an autofix's range from the script it linted to the page,
 * but not a suggestion's (8.2): an editor applies the suggestion to the page at
 * the script's offsets. And the script it linted has its indentation removed, so
 * text a fix writes on new lines, or keeps between two edits, would lose the
 * page's indentation. Here every fix of a page's script is made one edit whose
 * new lines carry the page's indentation and whose text between edits is the
 * page's; a suggestion's range is then given in page offsets (unless the loaded
 * eslint-plugin-html maps suggestions itself). A fix that cannot be placed is dropped.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { isPageScript, pageViewOf, type PageView } from '../analysis/html-page.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type FixFunction = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix | Iterable<TSESLint.RuleFix> | null;
type Descriptor = TSESLint.ReportDescriptor<string>;

/** The rule context a rule sees: for a script of an HTML page, one whose fixes land in the page. */
export function pageContext<C extends Context>(context: C): C {
  if (!isPageScript(context)) return context;
  const report = (descriptor: Descriptor) => {
    const view = descriptor.fix || descriptor.suggest?.length ? pageViewOf(context) : null;
    if (!view) return context.report(descriptor);
    const toPage = !pluginMapsSuggestions();
    return context.report({
      ...descriptor,
      fix: descriptor.fix ? placedOr(descriptor.fix, view) : descriptor.fix,
      // A suggestion that cannot be placed is dropped: applied at the script's offsets it would break the page.
      suggest: descriptor.suggest?.map((s) => ({ ...s, fix: toPage ? placed(s.fix, view, true) : s.fix })),
    } as Descriptor);
  };
  return Object.create(context, { report: { value: report } }) as C;
}

/** An autofix placed (`placed`), or as the rule gave it where it cannot be (eslint-plugin-html maps its range). */
function placedOr(fix: FixFunction, view: PageView): FixFunction {
  return (fixer) => {
    let given: TSESLint.RuleFix[] | null | undefined;
    const once: FixFunction = (f) => {
      if (given === undefined) {
        const out = fix(f);
        given = out ? (isIterable(out) ? [...out] : [out]) : null;
      }
      return given;
    };
    return placed(once, view, false)(fixer) ?? given ?? null;
  };
}

/**
 * The fix as one edit: its parts' texts with the page's indentation after each line
 * break, the page's text between them, and its range in the script's offsets (for
 * eslint-plugin-html to map) or, with `toPage`, in the page's.
 */
function placed(fix: FixFunction, view: PageView, toPage: boolean): FixFunction {
  return (fixer) => {
    const out = fix(fixer);
    if (!out) return null;
    const parts = (isIterable(out) ? [...out] : [out]).sort(
      (a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1],
    );
    if (parts.length === 0) return null;
    const { placement } = view;
    let text = '';
    let pageEnd: number | undefined;
    let pageStart: number | undefined;
    for (const part of parts) {
      const start = placement.toPage(part.range[0]);
      const end = placement.toPage(part.range[1]);
      const prefix = placement.prefixAt(part.range[0]);
      if (start === undefined || end === undefined || prefix === undefined) return null;
      if (pageEnd !== undefined) {
        if (start < pageEnd) return null; // overlapping parts: ESLint would refuse them too
        text += view.text.slice(pageEnd, start);
      }
      pageStart ??= start;
      text += part.text.replace(/\r\n|\r|\n/g, (eol) => eol + prefix);
      pageEnd = end;
    }
    const range: [number, number] = toPage
      ? [pageStart!, pageEnd!]
      : [parts[0]!.range[0], Math.max(...parts.map((p) => p.range[1]))];
    return { range, text };
  };
}

function isIterable(x: object): x is Iterable<TSESLint.RuleFix> {
  return typeof (x as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function';
}

let mapsSuggestions: boolean | undefined;

/** Does the loaded eslint-plugin-html map suggestion ranges itself (8.2 does not)? */
function pluginMapsSuggestions(): boolean {
  if (mapsSuggestions !== undefined) return mapsSuggestions;
  mapsSuggestions = false;
  try {
    const tail = path.join('eslint-plugin-html', 'src', 'remapMessages.js');
    const file = Object.keys(createRequire(import.meta.url).cache).find((k) => k.endsWith(tail));
    if (file) mapsSuggestions = /suggestions/.test(fs.readFileSync(file, 'utf8'));
  } catch {
    mapsSuggestions = false;
  }
  return mapsSuggestions;
}
