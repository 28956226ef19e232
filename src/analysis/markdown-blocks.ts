/**
 * The JavaScript code blocks of a Markdown file, numbered as @eslint/markdown's
 * processor numbers them, and where a block it handed to ESLint sits in the file.
 *
 * The processor lints every fenced block that has a language as its own file,
 * `<N>.<ext>` (N counts those blocks, `<!-- eslint-skip -->` ones left out; a
 * `filename="..."` in the info string names it instead), which ESLint calls
 * `README.md/<N>_<name>` (`README.md/2_2.js`); its text is the block's
 * content after one `/* ... *\/` line per `<!-- eslint-... -->` comment before it.
 * Its lines are the file's from the block's first line on, less those comment lines.
 *
 * This is a line scanner, not a CommonMark parser: fences inside block quotes and
 * list items are found, HTML blocks and comments are skipped. Where it errs, the
 * linted block's text does not match the block found by its number, and the block
 * is analysed alone.
 */
import type { PageScript, ScriptPlacement } from './html-scripts.js';
import { scriptKey } from './html-scripts.js';

/** A JavaScript or TypeScript code block. */
export interface CodeBlock extends PageScript {
  /** The processor's name for the block (`2.js`); undefined for a block it skips. */
  readonly name: string | undefined;
  /** The block's place among the blocks the processor lints (the `2_` of ESLint's `2_2.js`). */
  readonly number: number | undefined;
  /** The block's file extension (for parsing it like the linted block). */
  readonly extension: string;
  /** The `/* eslint-... *\/` lines the processor puts before the block's text. */
  readonly comments: readonly string[];
}

/** Info strings of the blocks followed: the processor names them `.js`, `.jsx`, `.mjs`, `.cjs`, `.ts`, `.tsx`. */
const SCRIPT_LANGUAGE = /^(?:js|javascript|jsx|mjs|cjs|ts|typescript|tsx)$/;
/** The processor's extensions for language names (others are the language itself). */
const EXTENSION: Readonly<Record<string, string>> = { javascript: 'js', ecmascript: 'js', typescript: 'ts' };

/** Block quote markers and list item markers before a fence (`> - ```js`). */
const CONTAINER = /^(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])))*/;
const FENCE = /^([ \t]*)(`{3,}|~{3,})(.*)$/;
/** HTML blocks whose content is raw until their end tag. */
const RAW_HTML = /^<(script|pre|style|textarea)(?=[\s>]|$)/i;
/** Other HTML blocks (up to a blank line). */
const HTML_TAG = /^<\/?[A-Za-z][\w-]*(?=[\s/>]|$)/;

/** Every JavaScript/TypeScript block of a Markdown text (a BOM removed), in order. */
export function scanCodeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split(/\r\n|\r|\n/);
  const starts: number[] = [];
  for (let i = 0, at = 0; i < lines.length; i++) {
    starts.push(at);
    at +=
      lines[i]!.length +
      (markdown[at + lines[i]!.length] === '\r' && markdown[at + lines[i]!.length + 1] === '\n' ? 2 : 1);
  }
  const blocks: CodeBlock[] = [];
  let numbered = 0;
  // `<!-- eslint-... -->` comments since the last other content (what the processor prepends).
  let comments: string[] = [];
  let quotes = 0; // block quote depth of those comments
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const container = CONTAINER.exec(line)![0];
    const rest = line.slice(container.length);
    const depth = count(container, '>');
    const fence = FENCE.exec(rest);
    if (fence && !(fence[2]![0] === '`' && fence[3]!.includes('`'))) {
      const char = fence[2]![0]!;
      const length = fence[2]!.length;
      // The fence's column after the block quote markers (list markers count as indentation).
      const indent = /`|~/.exec(stripQuotes(line, depth) ?? '')?.index ?? 0;
      const dedent = new RegExp(`^[ \\t]{0,${indent}}`);
      const content: string[] = [];
      let j = i + 1;
      for (; j < lines.length; j++) {
        const inner = stripQuotes(lines[j]!, depth);
        if (inner === undefined) break; // the block quote ended
        const close = /^[ \t]*(`{3,}|~{3,})[ \t]*$/.exec(inner);
        if (close && close[1]![0] === char && close[1]!.length >= length) break;
        content.push(inner.replace(dedent, ''));
      }
      const closed = j < lines.length && stripQuotes(lines[j]!, depth) !== undefined;
      const info = fence[3]!.trim();
      const lang = info.split(/\s+/)[0] ?? '';
      if (lang) {
        const skipped =
          comments.some((c) => c.trim() === 'eslint-skip') && depth === quotes && !/[-+*\d]/.test(container);
        const own = depth === quotes && !/[-+*\d]/.test(container) ? comments : [];
        let name: string | undefined;
        let number: number | undefined;
        if (!skipped) {
          number = numbered;
          const meta = /filename=(["'])(.*?)\1/.exec(info.slice(lang.length));
          name = meta ? meta[2]!.replace(/\s+/g, '_') : `${numbered}.${EXTENSION[lang] ?? lang}`;
          numbered++;
        }
        if (SCRIPT_LANGUAGE.test(lang)) {
          blocks.push({
            start: i + 1 < lines.length ? starts[i + 1]! : markdown.length,
            text: content.join('\n'),
            line: i + 2,
            column: 0,
            kind: 'classic',
            name,
            number,
            extension: EXTENSION[lang] ?? lang,
            comments: skipped ? [] : own.map((c) => `/*${c}*/`),
          });
        }
        comments = [];
      }
      i = closed ? j : j - 1;
      continue;
    }
    if (!rest.trim()) continue; // a blank line (or an empty quote line) keeps the comments
    const html = rest.trimStart();
    if (html.startsWith('<!--')) {
      let j = i;
      let value = html;
      while (!value.includes('-->') && j + 1 < lines.length) value += `\n${lines[++j]!}`;
      const comment = /^<!--([\s\S]*)-->$/.exec(value.trimEnd());
      if (comment && /^(?:eslint\b|global\s)/.test(comment[1]!.trim())) {
        if (comments.length === 0 || quotes !== depth) comments = [];
        comments.push(comment[1]!);
        quotes = depth;
      } else comments = [];
      i = j;
      continue;
    }
    comments = [];
    const raw = RAW_HTML.exec(html);
    if (raw) {
      const end = new RegExp(`</${raw[1]}>`, 'i');
      while (i < lines.length && !end.test(lines[i]!)) i++;
    } else if (HTML_TAG.test(html)) {
      while (i + 1 < lines.length && lines[i + 1]!.trim()) i++;
    }
  }
  return blocks;
}

function count(text: string, char: string): number {
  let n = 0;
  for (const c of text) if (c === char) n++;
  return n;
}

/** A line without `depth` block quote markers; undefined when it does not have them. */
function stripQuotes(line: string, depth: number): string | undefined {
  let rest = line;
  for (let k = 0; k < depth; k++) {
    // A line without the marker, even a blank one, ends the block quote and its code.
    const m = /^[ \t]{0,3}>[ \t]?/.exec(rest);
    if (!m) return undefined;
    rest = rest.slice(m[0].length);
  }
  return rest;
}

/**
 * Where the linted block `name` (the linted file's name in the Markdown file:
 * `2_2.js`, or `2.js` for a processor called without ESLint's prefix) with text `text`
 * is: the block of that name, when its text on disk is the linted one (up to
 * whitespace); undefined when no block has the name or the texts differ (an editor's
 * unsaved change).
 */
export function placeBlock(blocks: readonly CodeBlock[], name: string, text: string): ScriptPlacement | undefined {
  const index = blocks.findIndex((b) => b.name !== undefined && (name === `${b.number}_${b.name}` || name === b.name));
  const block = blocks[index];
  if (!block) return undefined;
  const commentLines = block.comments.reduce((n, c) => n + c.split(/\r\n|\r|\n/).length, 0);
  const lines = text.split(/\r\n|\r|\n/);
  // The processor's text: the comments, the block's lines, and an empty last line.
  if (lines.length !== commentLines + block.text.split('\n').length + 1) return undefined;
  if (scriptKey(lines.slice(commentLines).join('\n')) !== scriptKey(block.text)) return undefined;
  if (scriptKey(lines.slice(0, commentLines).join('\n')) !== scriptKey(block.comments.join('\n'))) return undefined;
  return {
    script: block,
    index,
    lineDelta: block.line - 1 - commentLines,
    exact: true,
    // The processor maps the block's fixes to the file itself.
    toPage: () => undefined,
    prefixAt: () => undefined,
  };
}
