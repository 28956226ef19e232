/**
 * A script of a page seen as part of its page: where it is (page lines for messages,
 * page offsets for fixes) and what the page's other scripts declare. Two kinds of
 * page: an HTML page linted through eslint-plugin-html, whose classic scripts the
 * browser runs in document order in one global scope (a model built in one
 * `<script>`, compiled in another), and a Markdown file whose code blocks
 * @eslint/markdown's processor lints one by one, read as one program in the order
 * a tutorial gives them (markdown-blocks.ts).
 *
 * The page is read from disk (the linted file's `physicalFilename`) once per page and
 * modification time; its other scripts are parsed with the linted script's parser,
 * once per page and parse setup, and only those whose text names a global asked for.
 * An HTML script whose text on disk differs by an edit (an editor's unsaved change, a
 * `--fix` pass) is placed by its lines only (html-scripts.ts); one not found on the
 * page, or a Markdown block whose text on disk differs, keeps its own lines and is
 * analysed alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { placeScript, scanScripts, scriptKey, type PageScript, type ScriptPlacement } from './html-scripts.js';
import { placeBlock, scanCodeBlocks, type CodeBlock } from './markdown-blocks.js';
import { UNKNOWN, type Node, type Value } from './values.js';

/** Files eslint-plugin-html reads as HTML by default (its `html-extensions` and `xml-extensions`). */
const PAGE_EXTENSION = /\.(?:html?|xhtml|xml|erb|handlebars|hbs|mustache|nunjucks|php|tag|riot|twig|we)$/i;

/** Is the linted file a script eslint-plugin-html extracted from a page (by its names; cheap)? */
export function isPageScript(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): boolean {
  const physical = context.physicalFilename ?? context.filename;
  // A processor's code block (`page.html/0.js`) is not a script eslint-plugin-html handed over.
  return !!physical && PAGE_EXTENSION.test(physical) && (!context.filename || context.filename === physical);
}
/** Files @eslint/markdown's processor (and eslint-plugin-markdown, eslint-plugin-mdx) lints code blocks of. */
const MARKDOWN_EXTENSION = /\.(?:md|markdown|mdx)$/i;

/**
 * The processor's name of the code block being linted (`README.md/2.js` gives `2.js`),
 * or undefined when the file is not a Markdown file's code block (by its names; cheap).
 */
export function markdownBlockName(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
): string | undefined {
  const physical = context.physicalFilename;
  const file = context.filename;
  if (!physical || !file || file.length <= physical.length + 1 || !MARKDOWN_EXTENSION.test(physical)) return undefined;
  const sep = file[physical.length];
  if ((sep !== '/' && sep !== '\\') || !file.startsWith(physical)) return undefined;
  return file.slice(physical.length + 1).replace(/\\/g, '/');
}

/** Largest page read. */
const MAX_PAGE_BYTES = 2 * 1024 * 1024;
const MAX_PAGES = 200;

/** What the page needs from the cross-file machinery (given by index.ts, which owns it). */
export interface PageTools {
  /** Parse a script as the linted script is parsed; null when it does not parse. */
  parse(text: string, file: string): Readonly<TSESLint.SourceCode> | null;
  /** Analyse another script of the page, its unresolved globals read through `resolveGlobal`. */
  analyse(
    sourceCode: Readonly<TSESLint.SourceCode>,
    file: string,
    resolveGlobal: (id: TSESTree.Identifier) => Value | undefined,
  ): ScriptAnalysis;
  /** A page's `<script src>` as a file of the project, or undefined (not local, outside, missing). */
  localFile(src: string, pageDir: string): string | undefined;
  /** Parser, its options and the settings: parses are shared per key. */
  readonly key: string;
}

/** The part of FileAnalysis a page reads (kept apart to avoid an import cycle). */
export interface ScriptAnalysis {
  readonly evaluator: { evaluate(node: Node): Value };
}

type PageFormat = 'html' | 'markdown';

interface PageEntry {
  readonly format: PageFormat;
  readonly mtimeMs: number;
  readonly size: number;
  readonly text: string;
  readonly scripts: readonly PageScript[];
  readonly keys: readonly string[];
  /** The page's other scripts, analysed, per parse key and script index. */
  readonly units: Map<string, Map<number, CachedUnit>>;
  /** Per identifier, the classic scripts whose text has it (made once per page, on the first global asked for). */
  names?: { readonly inline: Map<string, number[]>; readonly files: readonly number[] };
}

const pages = new Map<string, PageEntry>();

/** Forget every page read (tests). */
export function clearPageCache(): void {
  pages.clear();
}

/** Every page the reader opened, for tests that count reads. */
export const pageReadLog: string[] = [];
/** Every script of a page parsed here (`page.html#2`), for tests that count parses. */
export const scriptParseLog: string[] = [];

function readPage(file: string, format: PageFormat): PageEntry | undefined {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file, { throwIfNoEntry: false });
  } catch {
    stat = undefined;
  }
  if (!stat || !stat.isFile() || stat.size > MAX_PAGE_BYTES) return undefined;
  const hit = pages.get(file);
  if (hit && hit.format === format && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  if (pageReadLog.length >= 4096) pageReadLog.splice(0, 2048);
  pageReadLog.push(file);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const scripts = format === 'html' ? scanScripts(text) : scanCodeBlocks(text);
  const entry: PageEntry = {
    format,
    mtimeMs: stat.mtimeMs,
    size: stat.size,
    text,
    scripts,
    keys: format === 'html' ? scripts.map((s) => (s.src === undefined ? scriptKey(s.text) : '')) : [],
    units: new Map(),
  };
  if (pages.size >= MAX_PAGES) pages.delete(pages.keys().next().value!);
  pages.set(file, entry);
  return entry;
}

/** The page file a linted text comes from: a script eslint-plugin-html extracted, or a Markdown code block. */
function pageFileOf(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
): { file: string; format: 'html' } | { file: string; format: 'markdown'; block: string } | undefined {
  const resolve = (file: string) => path.resolve(context.cwd ?? process.cwd(), file);
  if (isPageScript(context)) return { file: resolve(context.physicalFilename ?? context.filename), format: 'html' };
  const block = markdownBlockName(context);
  return block === undefined ? undefined : { file: resolve(context.physicalFilename!), format: 'markdown', block };
}

/** A linted script in its page. */
export interface PageView {
  /** The page file. */
  readonly file: string;
  /** The page text as read (what fixes are placed in). */
  readonly text: string;
  readonly placement: ScriptPlacement;
  /** Does any script of the page mention TF.js (by the cheap text test given)? */
  mentions(test: (text: string) => boolean): boolean;
  /**
   * With `tools`: the value of a global the linted script reads but does not declare,
   * from the page's other classic scripts; undefined when none declares it.
   */
  readonly resolveGlobal?: (id: TSESTree.Identifier) => Value | undefined;
  /** Is `program` one of the page's other inline scripts (its lines are page lines)? */
  ownsProgram(program: TSESTree.Program): boolean;
}

const views = new WeakMap<TSESTree.Program, PageView | null>();

/**
 * The linted script's page, or null when the file is not a page's script, the page
 * cannot be read, or its text on disk does not hold the linted script.
 */
export function pageViewOf(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  tools?: () => PageTools | undefined,
): PageView | null {
  const ast = context.sourceCode.ast;
  const known = views.get(ast);
  // A view made without the tools (for fixes) is made again when they are given.
  if (known !== undefined && (known === null || known.resolveGlobal || !tools)) return known;
  let view: PageView | null = null;
  const source = pageFileOf(context);
  const page = source ? readPage(source.file, source.format) : undefined;
  const text = context.sourceCode.text;
  if (source && page) {
    const placement =
      source.format === 'markdown'
        ? placeBlock(page.scripts as readonly CodeBlock[], source.block, text)
        : text !== page.text
          ? placeScript(page.text, page.scripts, page.keys, text)
          : undefined;
    if (placement) view = makeView(source.file, page, placement, context.sourceCode, tools);
  }
  views.set(ast, view);
  return view;
}

function makeView(
  file: string,
  page: PageEntry,
  placement: ScriptPlacement,
  sourceCode: Readonly<TSESLint.SourceCode>,
  tools: (() => PageTools | undefined) | undefined,
): PageView {
  let scope: PageScope | null | undefined;
  let written: ReadonlySet<string> | undefined;
  // Per name, and whether the read is inside a function: the linted script reads a global many times.
  const answers = new Map<string, Value | undefined>();
  const resolveGlobal = (id: TSESTree.Identifier) => {
    const late = insideFunction(id);
    const key = `${late ? 'f' : 't'}${id.name}`;
    if (answers.has(key)) return answers.get(key);
    if (scope === undefined) {
      const t = tools?.();
      scope = t ? new PageScope(file, page, t) : null;
    }
    const value = scope?.resolve(id.name, late, placement.index, (written ??= writtenGlobals(sourceCode)));
    answers.set(key, value);
    return value;
  };
  return {
    file,
    text: page.text,
    placement,
    mentions: (test) => page.scripts.some((s) => test(s.src ?? s.text)),
    resolveGlobal: tools ? resolveGlobal : undefined,
    ownsProgram: (program) => pagePrograms.get(program) === file,
  };
}

/** The page each analysed inline script belongs to (their lines are the page's). */
const pagePrograms = new WeakMap<TSESTree.Program, string>();

/** Names a script assigns to without declaring them (globals it writes). */
function writtenGlobals(sourceCode: Readonly<TSESLint.SourceCode>): ReadonlySet<string> {
  const names = new Set<string>();
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    for (const ref of scope.references) {
      if (ref.isWrite() && (!ref.resolved || ref.resolved.defs.length === 0)) names.add(ref.identifier.name);
    }
  }
  return names;
}

/** Is `node` inside a function (so it runs after the page's later scripts may have run)? */
function insideFunction(node: Node): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression')
      return true;
  }
  return false;
}

/**
 * Another classic script of the page, analysed: what it declares at its top level
 * (its imports too, for a Markdown block: a tutorial's blocks are one program).
 */
class ScriptUnit {
  private readonly values = new Map<string, Value>();
  readonly declared = new Map<string, Node>();

  constructor(
    readonly analysis: ScriptAnalysis,
    readonly sourceCode: Readonly<TSESLint.SourceCode>,
    imports: boolean,
  ) {
    for (const stmt of sourceCode.ast.body) {
      if (stmt.type === 'ImportDeclaration') {
        if (imports) for (const s of stmt.specifiers) this.declared.set(s.local.name, s.local);
      } else if (stmt.type === 'VariableDeclaration') {
        for (const d of stmt.declarations) if (d.id.type === 'Identifier') this.declared.set(d.id.name, d.id);
      } else if ((stmt.type === 'FunctionDeclaration' || stmt.type === 'ClassDeclaration') && stmt.id) {
        this.declared.set(stmt.id.name, stmt);
      }
    }
  }

  valueOf(name: string): Value {
    const hit = this.values.get(name);
    if (hit) return hit;
    this.values.set(name, UNKNOWN); // a cycle through the page's scripts reads unknown
    const node = this.declared.get(name)!;
    const owner = this.analysis.evaluator;
    const value: Value =
      node.type === 'FunctionDeclaration'
        ? { kind: 'function', node, owner }
        : node.type === 'ClassDeclaration'
          ? { kind: 'class', node, owner }
          : owner.evaluate(node);
    this.values.set(name, value);
    return value;
  }
}

/** Most scripts followed in one chain of globals (a script's global read from a script whose global ...). */
const MAX_HOPS = 4;
let depth = 0;

interface CachedUnit {
  readonly unit: ScriptUnit | null;
  /** For a `<script src>` file: its modification time and size when read. */
  readonly stat?: { readonly file: string; readonly mtimeMs: number; readonly size: number };
}

/** The classic scripts of one page, for one parse setup. */
class PageScope {
  private readonly units: Map<number, CachedUnit>;

  constructor(
    private readonly file: string,
    private readonly page: PageEntry,
    private readonly tools: PageTools,
  ) {
    let units = page.units.get(tools.key);
    if (!units) page.units.set(tools.key, (units = new Map()));
    this.units = units;
  }

  /**
   * The value of global `name` read by script `from` (which writes `written`), inside
   * a function when `late`: the top-level declaration of the last classic script
   * before it that declares the name or, for a late read, of a later one. Unknown when
   * two scripts declare it, or the reader or another script assigns it or changes its
   * layers; undefined when no script declares it. Only scripts whose text declares the
   * name are parsed; the others are read as text.
   */
  resolve(name: string, late: boolean, from: number, written: ReadonlySet<string>): Value | undefined {
    const scripts = this.page.scripts;
    const others = this.scriptsNaming(name).filter((i) => i !== from);
    const n = escape(name);
    const declares = new RegExp(
      `\\b(?:var|let|const|function|class)\\s*\\*?\\s*${n}(?![\\w$])${this.page.format === 'markdown' ? '|\\bimport\\b' : ''}`,
    );
    let chosen: { index: number; unit: ScriptUnit } | undefined;
    let later: { index: number; unit: ScriptUnit } | undefined;
    let declaring = 0;
    for (const i of others) {
      const s = scripts[i]!;
      if (s.kind !== 'classic' || (s.src === undefined && !declares.test(s.text))) continue;
      const unit = this.unit(i);
      if (!unit?.declared.has(name)) continue;
      declaring++;
      if (i < from) chosen = { index: i, unit };
      else later ??= { index: i, unit };
    }
    const pick = chosen ?? (late ? later : undefined);
    if (!pick) return undefined;
    if (declaring > 1 || written.has(name) || depth >= MAX_HOPS) return UNKNOWN;
    // Another script that assigns the name (not a declaration of its own), or adds
    // or removes layers through it: not followed, the value is unknown.
    const changes = new RegExp(
      `(?<!\\b(?:var|let|const)\\s+)(?<![\\w$.])${n}\\s*(?:(?:[-+*/%&|^]|\\*\\*|<<|>>>?|&&|\\|\\||\\?\\?)?=(?![=>])|\\+\\+|--|\\.\\s*(?:add|pop|layers)\\b)|(?:\\+\\+|--)\\s*${n}(?![\\w$])`,
    );
    for (const i of others) {
      if (i === pick.index) continue;
      const s = scripts[i]!;
      const text = s.src === undefined ? s.text : this.unit(i)?.sourceCode.text;
      // (A `src` file that is not read, a CDN library, is not the page's code.)
      if (text !== undefined && changes.test(text)) return UNKNOWN;
    }
    depth++;
    try {
      return pick.unit.valueOf(name);
    } finally {
      depth--;
    }
  }

  /** The scripts whose text has `name` as a word, and the classic `<script src>` files, in page order. */
  private scriptsNaming(name: string): readonly number[] {
    const page = this.page;
    if (!page.names) {
      const names = new Map<string, number[]>();
      const files: number[] = [];
      page.scripts.forEach((s, i) => {
        if (s.src !== undefined) {
          if (s.kind === 'classic') files.push(i);
          return;
        }
        for (const [word] of s.text.matchAll(/[A-Za-z_$][\w$]*/g)) {
          const list = names.get(word);
          if (!list) names.set(word, [i]);
          else if (list[list.length - 1] !== i) list.push(i);
        }
      });
      if (files.length > 0) {
        for (const list of names.values()) {
          list.push(...files);
          list.sort((a, b) => a - b);
        }
      }
      page.names = { inline: names, files };
    }
    return page.names.inline.get(name) ?? page.names.files;
  }

  private unit(index: number): ScriptUnit | null {
    const hit = this.units.get(index);
    if (hit && (!hit.stat || fresh(hit.stat))) return hit.unit;
    this.units.set(index, { unit: null }); // while it is made
    const script = this.page.scripts[index]!;
    let cached: CachedUnit;
    try {
      cached = this.make(script, index);
    } catch {
      cached = { unit: null };
    }
    this.units.set(index, cached);
    return cached.unit;
  }

  private make(script: PageScript, index: number): CachedUnit {
    let file = this.file;
    let text: string;
    let stat: CachedUnit['stat'];
    if (script.src !== undefined) {
      // A local `<script src>`: its own file and lines.
      const local = this.tools.localFile(script.src, path.dirname(this.file));
      const s = local ? fs.statSync(local, { throwIfNoEntry: false }) : undefined;
      if (!local || !s || s.size > MAX_PAGE_BYTES) return { unit: null };
      file = local;
      stat = { file: local, mtimeMs: s.mtimeMs, size: s.size };
      text = fs.readFileSync(local, 'utf8').replace(/^\uFEFF/, '');
    } else {
      // Padded to its place, so that its lines are the page's.
      const content =
        this.page.format === 'html'
          ? script.text.replace(/<!\[CDATA\[|\]\]>/g, (m) => ' '.repeat(m.length))
          : script.text;
      text = '\n'.repeat(script.line - 1) + ' '.repeat(script.column) + content;
      // A code block is parsed as the processor names it (`.ts`, `.jsx` ...).
      if (this.page.format === 'markdown') {
        const block = script as CodeBlock;
        file = path.join(this.file, block.name ?? `${index}.${block.extension}`);
      }
    }
    if (scriptParseLog.length >= 4096) scriptParseLog.splice(0, 2048);
    scriptParseLog.push(`${this.file}#${index}`);
    const sourceCode = this.tools.parse(text, file);
    if (!sourceCode) return { unit: null, stat };
    if (script.src === undefined) pagePrograms.set(sourceCode.ast, this.file);
    let written: ReadonlySet<string> | undefined;
    const analysis = this.tools.analyse(sourceCode, file, (id) =>
      this.resolve(id.name, insideFunction(id), index, (written ??= writtenGlobals(sourceCode))),
    );
    return { unit: new ScriptUnit(analysis, sourceCode, this.page.format === 'markdown'), stat };
  }
}

function escape(name: string): string {
  return name.replace(/\$/g, '\\$');
}

function fresh(stat: NonNullable<CachedUnit['stat']>): boolean {
  try {
    const now = fs.statSync(stat.file, { throwIfNoEntry: false });
    return !!now && now.mtimeMs === stat.mtimeMs && now.size === stat.size;
  } catch {
    return false;
  }
}
