/**
 * Where a relative specifier leads: the file it names inside the project (ESLint's
 * cwd, symlinks resolved, never node_modules), cached and revalidated by the
 * modification times of the directories that decided it.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Most modules followed in one chain of imports (counting the linted file's imports as the first). */
export const MAX_HOPS = 4;

/** Most entries kept in a cache of this folder before it is emptied. */
export const MAX_CACHED = 2000;

const EXTENSIONS = ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx'];
/** TS sources imported with the extension of their output (`./model.js` for model.ts). */
const TS_FOR_JS: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
  '.jsx': ['.tsx'],
};

/**
 * What the file system said while one file is linted: each path is `stat`ed, each
 * specifier resolved and each module checked against its file (and its imports')
 * at most once per linted file, however many of its bindings, and of the modules it
 * reaches, ask. A new set begins with every linted file's analysis
 * (`createResolver`), so an edit, or a file added or removed, between two lints is
 * seen by the second; within one lint the file system is taken as it was first read.
 */
export class Lookups<M = unknown> {
  readonly stats = new Map<string, fs.Stats | undefined>();
  /** Resolutions by (root, dir, specifier), as `resolveFile` keys them. */
  readonly resolved = new Map<string, string | undefined>();
  /** Modules by cache key, already checked against their files in this lint. */
  readonly modules = new Map<string, M>();

  stat(file: string): fs.Stats | undefined {
    if (this.stats.has(file)) return this.stats.get(file);
    const stat = statOf(file);
    this.stats.set(file, stat);
    return stat;
  }
}

export function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/**
 * The project directory (ESLint's cwd) with symlinks resolved, cached per cwd for
 * the process: every linted file asked for it (a `realpath` is an `lstat` per path
 * component).
 */
const roots = new Map<string, string | undefined>();

export function projectRoot(cwd: string): string | undefined {
  if (roots.has(cwd)) return roots.get(cwd);
  const root = realpath(cwd);
  if (roots.size >= MAX_CACHED) roots.clear();
  roots.set(cwd, root);
  return root;
}

/**
 * The linted path with ESLint's cwd replaced by the project root when the cwd is a
 * symlink (an editor opened on a linked folder): imports resolve from the file's
 * directory and must stay inside the root, whose symlinks are resolved.
 */
export function throughRoot(file: string, cwd: string, root: string): string {
  if (cwd === root) return file;
  const rel = path.relative(cwd, file);
  return !rel || leaves(rel) ? file : path.join(root, rel);
}

/**
 * Does `target` (a resolved path, symlinks resolved) name `file` itself? Its
 * `realpath` (an `lstat` per path component) is taken only when the two `stat`s
 * (the target's is needed anyway to load it) say they are one file.
 */
export function isSelf(target: string, file: string, lookups: Lookups): boolean {
  if (target === file) return true;
  const a = lookups.stat(target);
  const b = lookups.stat(file);
  if (!a || !b || a.ino !== b.ino || a.dev !== b.dev || a.size !== b.size || a.mtimeMs !== b.mtimeMs) return false;
  return (realpath(file) ?? file) === target;
}

/**
 * A specifier resolved before: the file (undefined: none), and the directories
 * whose listings decided it with their modification times (undefined: absent). A
 * file added to or removed from one of them changes its mtime, and the specifier is
 * resolved again.
 */
interface Resolution {
  readonly file: string | undefined;
  readonly dirs: readonly { readonly dir: string; readonly mtimeMs: number | undefined }[];
}
const resolutions = new Map<string, Resolution>();
/** How recent a directory's mtime may be for a resolution in it to be cached (see resolveFile). */
export const RACY_MS = 2000;

/**
 * The file a relative specifier names, if it exists inside `root` and outside
 * node_modules. Cached per (root, dir, specifier) for the process and revalidated by
 * the mtimes of the two directories every candidate is in (base's directory, and
 * base itself for index files): two `stat`s instead of a `stat` per candidate (17
 * for a specifier that names nothing) and a `realpath`. A specifier that leaves the
 * project is not cached (nothing outside the project is ever looked at).
 *
 * With `seen` (the lookups of the file being linted), the `stat`s come from there
 * and the answer is kept there: a specifier is resolved once per linted file.
 */
export function resolveFile(dir: string, source: string, root: string, seen?: Lookups): string | undefined {
  const key = `${root}\0${dir}\0${source}`;
  if (seen?.resolved.has(key)) return seen.resolved.get(key);
  const file = resolveCached(key, dir, source, root, seen);
  seen?.resolved.set(key, file);
  return file;
}

function resolveCached(
  key: string,
  dir: string,
  source: string,
  root: string,
  seen: Lookups | undefined,
): string | undefined {
  const mtimeOf = (d: string) => (seen ? seen.stat(d) : statOf(d))?.mtimeMs;
  const hit = resolutions.get(key);
  if (hit && hit.dirs.every((d) => mtimeOf(d.dir) === d.mtimeMs)) return hit.file;
  const base = path.resolve(dir, source);
  const deciding = [path.dirname(base), base];
  // Checked before they are looked at (the candidates' own check comes later).
  if (!deciding.every((d) => d === root || inside(d, root))) {
    const found = resolveUncached(dir, source, root);
    return found === 'outside' ? undefined : found?.file;
  }
  const dirs = deciding.map((d) => ({ dir: d, mtimeMs: mtimeOf(d) }));
  const found = resolveUncached(dir, source, root);
  // A directory changed in the last RACY_MS may change again within the same mtime
  // tick (file systems stamp with a coarse clock): not cached until it is older.
  const racy = dirs.some((d) => d.mtimeMs !== undefined && d.mtimeMs > Date.now() - RACY_MS);
  if (found !== 'outside' && !racy) {
    if (resolutions.size >= MAX_CACHED) resolutions.clear();
    resolutions.set(key, { file: found?.file, dirs });
  }
  return found === 'outside' ? undefined : found?.file;
}

/** The file a specifier names, undefined when none, 'outside' when a candidate leaves the project. */
function resolveUncached(dir: string, source: string, root: string): { file: string } | 'outside' | undefined {
  const base = path.resolve(dir, source);
  const candidates: string[] = [base];
  const ext = path.extname(base);
  for (const ts of TS_FOR_JS[ext] ?? []) candidates.push(base.slice(0, -ext.length) + ts);
  for (const e of EXTENSIONS) candidates.push(base + e);
  for (const e of EXTENSIONS) candidates.push(path.join(base, `index${e}`));
  for (const c of candidates) {
    if (!inside(c, root)) return 'outside';
    let stat: fs.Stats;
    try {
      stat = fs.statSync(c);
    } catch {
      continue;
    }
    if (!stat.isFile()) continue;
    const real = realpath(c);
    if (!real || !inside(real, root)) return 'outside';
    return { file: real };
  }
  return undefined;
}

/** Does a relative path (from `path.relative`) leave its base? (`..lib/x.js` does not.) */
export function leaves(rel: string): boolean {
  return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
}

/** Is `file` inside `root` (not `root` itself) and outside every node_modules? */
export function inside(file: string, root: string): boolean {
  const rel = path.relative(root, file);
  if (!rel || leaves(rel)) return false;
  return !rel.split(path.sep).includes('node_modules');
}

export function realpath(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
}

/** Forget every resolution and project root (tests). */
export function clearResolutions(): void {
  resolutions.clear();
  roots.clear();
}

/**
 * A short, stable description of a node in another file: `model.js:12`. Modules
 * have their symlinks resolved; a file linted through a linked folder is described
 * from where that folder really is, when that is nearer.
 */
export function describeRemote(fromFile: string, file: string, line: number): string {
  const dir = path.dirname(fromFile);
  let rel = path.relative(dir, file);
  if (leaves(rel)) {
    const real = realpath(dir);
    const nearer = real && path.relative(real, file);
    if (nearer && nearer.length < rel.length) rel = nearer;
  }
  return `${rel.split(path.sep).join('/')}:${line}`;
}
