/**
 * The `<script>` elements of an HTML page, and where a script that eslint-plugin-html
 * handed to ESLint sits in the page.
 *
 * eslint-plugin-html lints each inline script as its own text: the script's content
 * with the common indentation of its lines removed, its first line dropped when
 * empty, and CDATA markers removed. Its lines are the page's lines from the script's
 * first line on, so `line + lineDelta` is the page line; an offset maps back to the
 * page line by line (each linted line is its page line less a removed prefix).
 */

export type ScriptKind = 'classic' | 'module';

export interface PageScript {
  /** Offset of the content (after `<script ...>`) in the page. */
  readonly start: number;
  /** The raw content, up to `</script`. */
  readonly text: string;
  /** Page line (1-based) and column (0-based) where the content starts. */
  readonly line: number;
  readonly column: number;
  readonly kind: ScriptKind;
  /** The `src` attribute (the content is then not run). */
  readonly src?: string;
}

/** Classic scripts: no `type`, or a JavaScript MIME type (and `text/babel`, which eslint-plugin-html lints too). */
const CLASSIC_TYPE = /^(?:(?:application|text)\/(?:x-)?(?:javascript|ecmascript|babel|jsx)(?:1\.[0-5])?|)$/i;

/** Every `<script>` of a page that runs JavaScript, in document order (comments and other raw-text elements skipped). */
export function scanScripts(page: string): PageScript[] {
  const scripts: PageScript[] = [];
  const lower = page.toLowerCase();
  let line = 1;
  let lineAt = 0; // offset up to which newlines have been counted
  let lastNewline = -1;
  const advance = (to: number) => {
    for (let i = lower.indexOf('\n', lineAt); i !== -1 && i < to; i = lower.indexOf('\n', i + 1)) {
      line++;
      lastNewline = i;
    }
    lineAt = to;
  };
  let i = 0;
  while (i < page.length) {
    const lt = page.indexOf('<', i);
    if (lt === -1) break;
    if (lower.startsWith('<!--', lt)) {
      const end = lower.indexOf('-->', lt + 4);
      i = end === -1 ? page.length : end + 3;
      continue;
    }
    const tag = /^<(script|style|textarea|title|xmp)(?=[\s/>])/.exec(lower.slice(lt, lt + 10));
    if (!tag) {
      i = lt + 1;
      continue;
    }
    const name = tag[1]!;
    const open = openTag(page, lt + 1 + name.length);
    if (!open) break;
    const close = lower.indexOf(`</${name}`, open.end);
    const end = close === -1 ? page.length : close;
    if (name === 'script' && !open.selfClosing) {
      const type = (open.attrs.get('type') ?? '').trim();
      const kind: ScriptKind | undefined =
        type.toLowerCase() === 'module' ? 'module' : CLASSIC_TYPE.test(type) ? 'classic' : undefined;
      if (kind) {
        advance(open.end);
        const src = open.attrs.get('src');
        scripts.push({
          start: open.end,
          text: page.slice(open.end, end),
          line,
          column: open.end - lastNewline - 1,
          kind,
          ...(src !== undefined ? { src } : {}),
        });
      }
    }
    i = end;
  }
  return scripts;
}

/** The attributes of a start tag whose name ends at `from`, and where the tag ends. */
function openTag(
  page: string,
  from: number,
): { attrs: Map<string, string>; end: number; selfClosing: boolean } | undefined {
  const attrs = new Map<string, string>();
  const attr = /\s*([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?|\s*(\/?)>|\s*\//y;
  attr.lastIndex = from;
  for (;;) {
    const m = attr.exec(page);
    if (!m) return undefined;
    if (m[0].endsWith('>') && m[1] === undefined) return { attrs, end: attr.lastIndex, selfClosing: m[5] === '/' };
    if (m[1] !== undefined && !attrs.has(m[1].toLowerCase())) attrs.set(m[1].toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
  }
}

/** Offsets where each line starts (after `\r\n`, `\r` or `\n`). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** A linted script's place in its page. */
export interface ScriptPlacement {
  readonly script: PageScript;
  readonly index: number;
  /** Page line = linted line + lineDelta. */
  readonly lineDelta: number;
  /**
   * False when the page on disk holds the script with other text (a `--fix` pass's
   * output, an editor's unsaved page): the lines are taken as the disk's, offsets
   * are not mapped.
   */
  readonly exact: boolean;
  /** The page offset of a linted offset; undefined where the two texts do not line up. */
  toPage(offset: number): number | undefined;
  /** What was removed before the linted line that holds `offset` (its indentation in the page). */
  prefixAt(offset: number): string | undefined;
}

/** A script's content as eslint-plugin-html's text compares: whitespace and CDATA markers do not count. */
export function scriptKey(text: string): string {
  return text.replace(/<!\[CDATA\[|\]\]>/g, '').replace(/\s+/g, '');
}

/**
 * Where the linted `text` is in the page: the first inline script whose content is
 * `text` up to indentation, else the one script whose content is most of it (the
 * same up to an edit: not `exact`); undefined when none is.
 */
export function placeScript(
  page: string,
  scripts: readonly PageScript[],
  keys: readonly string[],
  text: string,
): ScriptPlacement | undefined {
  const key = scriptKey(text);
  const index = scripts.findIndex((s, i) => s.src === undefined && keys[i] === key);
  if (index === -1) return nearest(scripts, keys, key);
  const script = scripts[index]!;
  const raw = script.text;
  const rawStarts = lineStarts(raw);
  const starts = lineStarts(text);
  // Only a first empty line is ever dropped.
  const skip = rawStarts.length - starts.length;
  if (skip !== 0 && skip !== 1) return undefined;
  const lineText = (t: string, s: readonly number[], k: number) =>
    t.slice(s[k], k + 1 < s.length ? s[k + 1] : t.length).replace(/[\r\n]+$/, '');
  // Per linted line, where it starts in the raw content (undefined: not a plain suffix).
  const lineStart: (number | undefined)[] = starts.map((_, k) => {
    const mine = lineText(text, starts, k);
    const theirs = lineText(raw, rawStarts, k + skip);
    // The last line loses the spaces before `</script>`.
    const trimmed = k === starts.length - 1 ? theirs.replace(/[ \t]+$/, '') : theirs;
    if (trimmed.endsWith(mine)) return rawStarts[k + skip]! + trimmed.length - mine.length;
    if (theirs.endsWith(mine)) return rawStarts[k + skip]! + theirs.length - mine.length;
    return undefined;
  });
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return {
    script,
    index,
    lineDelta: script.line - 1 + skip,
    exact: true,
    toPage(offset) {
      if (offset < 0 || offset > text.length) return undefined;
      const k = lineOf(offset);
      const at = lineStart[k];
      return at === undefined ? undefined : script.start + at + offset - starts[k]!;
    },
    prefixAt(offset) {
      const k = lineOf(Math.max(0, Math.min(offset, text.length)));
      const at = lineStart[k];
      if (at === undefined) return undefined;
      const removed = raw.slice(rawStarts[k + skip]!, at);
      // The first line of a script that starts on the tag's line: its indentation is the tag's.
      return /^[ \t]*$/.test(removed) ? removed : undefined;
    },
  };
}

/** Share of a script's text an edit may leave unchanged for the script to be recognised. */
const SAME = 0.8;

/**
 * The one inline script whose text is the linted text's but for one changed stretch
 * (common start and end cover SAME of both), placed by its lines only.
 */
function nearest(scripts: readonly PageScript[], keys: readonly string[], key: string): ScriptPlacement | undefined {
  let best: number | undefined;
  let bestScore = 0;
  let tie = false;
  scripts.forEach((s, i) => {
    if (s.src !== undefined) return;
    const other = keys[i]!;
    const longest = Math.max(other.length, key.length);
    if (longest === 0 || Math.min(other.length, key.length) < SAME * longest) return;
    const limit = Math.min(other.length, key.length);
    let start = 0;
    while (start < limit && other.charCodeAt(start) === key.charCodeAt(start)) start++;
    let end = 0;
    while (end < limit - start && other.charCodeAt(other.length - 1 - end) === key.charCodeAt(key.length - 1 - end))
      end++;
    const score = (start + end) / longest;
    if (score < SAME) return;
    if (score > bestScore) [best, bestScore, tie] = [i, score, false];
    else if (score === bestScore) tie = true;
  });
  if (best === undefined || tie) return undefined;
  const script = scripts[best]!;
  // eslint-plugin-html drops the first line when the content starts with a line break.
  const skip = /^[\r\n]/.test(script.text) ? 1 : 0;
  return {
    script,
    index: best,
    lineDelta: script.line - 1 + skip,
    exact: false,
    toPage: () => undefined,
    prefixAt: () => undefined,
  };
}
