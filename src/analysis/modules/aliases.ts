/**
 * Path aliases of the project (`@/models/net`, `~/lib/model`): `compilerOptions.paths`
 * and `baseUrl` of the nearest tsconfig.json (else jsconfig.json) above a module,
 * inside the project root, mapped as TypeScript maps them: an exact key, else the
 * `*` pattern with the longest prefix; its targets in order, then `baseUrl` itself.
 *
 * - `extends` is followed to relative files inside the project, MAX_EXTENDS deep; a
 *   package's config (`@vue/tsconfig/...`) is not read: none sets project paths.
 * - A config without paths or baseUrl (a solution config: `"files": []`) takes them
 *   from the first of its relative `references` that has some (create-vue and Vite
 *   put `paths` in tsconfig.app.json).
 * - Read only when a module imports a specifier that is not relative and not TF.js;
 *   cached for the process, revalidated by the mtimes of the directories searched
 *   (a config added or removed) and the mtime and size of every config read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseJsonc } from './jsonc.js';
import { inside, type Lookups, MAX_CACHED, RACY_MS } from './resolve.js';

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];
/** How deep `extends` is followed: a config's base, and the base's base. */
export const MAX_EXTENDS = 2;
/** Largest config read (a tsconfig is a few hundred bytes). */
const MAX_CONFIG_BYTES = 256 * 1024;
/** Most `references` of a solution config looked at. */
const MAX_REFERENCES = 8;

/** One key of `paths`: `prefix*suffix`, or an exact name (`star` false). */
interface Pattern {
  readonly prefix: string;
  readonly suffix: string;
  readonly star: boolean;
  readonly targets: readonly string[];
}

export interface PathAliases {
  readonly patterns: readonly Pattern[];
  /** Where `paths` targets start: `baseUrl`, else the directory of the config that sets `paths`. */
  readonly pathsBase: string;
  /** Where any other non-relative specifier is looked for, when set. */
  readonly baseUrl: string | undefined;
}

/**
 * Where a non-relative specifier may be, in order: pairs of (directory, path) for
 * `resolveFile`. None when no alias maps it (a package name, resolved by nobody).
 */
export function aliasTargets(aliases: PathAliases, source: string): [string, string][] {
  const out: [string, string][] = [];
  let best: Pattern | undefined;
  for (const p of aliases.patterns) {
    if (!p.star) {
      if (p.prefix === source) {
        best = p;
        break;
      }
    } else if (
      source.length >= p.prefix.length + p.suffix.length &&
      source.startsWith(p.prefix) &&
      source.endsWith(p.suffix) &&
      (!best || (best.star && p.prefix.length > best.prefix.length))
    ) {
      best = p;
    }
  }
  if (best) {
    const star = source.slice(best.prefix.length, source.length - best.suffix.length);
    for (const t of best.targets) out.push([aliases.pathsBase, best.star ? t.replace('*', star) : t]);
  }
  if (aliases.baseUrl) out.push([aliases.baseUrl, source]);
  return out;
}

/** The aliases that apply to the modules of `dir` (undefined: none), once per linted file. */
export function aliasesFor(dir: string, root: string, seen: Lookups): PathAliases | undefined {
  let memo = perLint.get(seen);
  if (!memo) perLint.set(seen, (memo = new Map()));
  const key = `${root}\0${dir}`;
  if (memo.has(key)) return memo.get(key);
  const config = nearestConfig(dir, root, seen);
  const aliases = config ? aliasesOf(config, root, seen) : undefined;
  memo.set(key, aliases);
  return aliases;
}

const perLint = new WeakMap<Lookups, Map<string, PathAliases | undefined>>();

/** The nearest config of a directory, and the directories (with their mtimes) whose listings decided it. */
interface Nearest {
  readonly config: string | undefined;
  readonly dirs: readonly { readonly dir: string; readonly mtimeMs: number | undefined }[];
}
const nearest = new Map<string, Nearest>();

function nearestConfig(dir: string, root: string, seen: Lookups): string | undefined {
  const key = `${root}\0${dir}`;
  const hit = nearest.get(key);
  if (hit && hit.dirs.every((d) => seen.stat(d.dir)?.mtimeMs === d.mtimeMs)) return hit.config;
  const dirs: { dir: string; mtimeMs: number | undefined }[] = [];
  let config: string | undefined;
  for (let d = dir; d === root || inside(d, root); d = path.dirname(d)) {
    dirs.push({ dir: d, mtimeMs: seen.stat(d)?.mtimeMs });
    config = CONFIG_NAMES.map((n) => path.join(d, n)).find((f) => seen.stat(f)?.isFile());
    if (config || d === root) break;
  }
  // As for resolutions (resolve.ts): a listing changed in the last RACY_MS may change again unseen.
  if (!dirs.some((d) => d.mtimeMs !== undefined && d.mtimeMs > Date.now() - RACY_MS)) {
    if (nearest.size >= MAX_CACHED) nearest.clear();
    nearest.set(key, { config, dirs });
  }
  return config;
}

/** A config's aliases, and every file read or looked for to make them (mtime and size; undefined: absent). */
interface Loaded {
  readonly aliases: PathAliases | undefined;
  readonly files: readonly { readonly file: string; readonly mtimeMs?: number; readonly size?: number }[];
}
const loaded = new Map<string, Loaded>();

function aliasesOf(config: string, root: string, seen: Lookups): PathAliases | undefined {
  const key = `${root}\0${config}`;
  const hit = loaded.get(key);
  if (
    hit?.files.every((f) => {
      const stat = seen.stat(f.file);
      return stat?.mtimeMs === f.mtimeMs && stat?.size === f.size;
    })
  )
    return hit.aliases;
  const reader = new ConfigReader(root, seen);
  let options = reader.options(config, 0);
  if (!options.paths && options.baseUrl === undefined) options = reader.fromReferences(config);
  const aliases = toAliases(options);
  const files = reader.files;
  if (!files.some((f) => f.mtimeMs !== undefined && f.mtimeMs > Date.now() - RACY_MS)) {
    if (loaded.size >= MAX_CACHED) loaded.clear();
    loaded.set(key, { aliases, files });
  }
  return aliases;
}

/** What the path options of a config (and its bases) say, paths resolved. */
interface Options {
  baseUrl?: string;
  paths?: { readonly map: Readonly<Record<string, unknown>>; readonly dir: string };
}

class ConfigReader {
  readonly files: { file: string; mtimeMs?: number; size?: number }[] = [];
  private readonly parsed = new Map<string, Record<string, unknown> | undefined>();

  constructor(
    private readonly root: string,
    private readonly seen: Lookups,
  ) {}

  /** Is `file` a file? (Recorded: one added later changes the answer.) */
  private isFile(file: string): boolean {
    const stat = this.seen.stat(file);
    this.files.push({ file, mtimeMs: stat?.mtimeMs, size: stat?.size });
    return !!stat?.isFile();
  }

  private read(file: string): Record<string, unknown> | undefined {
    if (this.parsed.has(file)) return this.parsed.get(file);
    const json = this.parse(file);
    this.parsed.set(file, json);
    return json;
  }

  private parse(file: string): Record<string, unknown> | undefined {
    if (!this.isFile(file) || this.seen.stat(file)!.size > MAX_CONFIG_BYTES) return undefined;
    let json: unknown;
    try {
      json = parseJsonc(fs.readFileSync(file, 'utf8'));
    } catch {
      return undefined;
    }
    return isRecord(json) ? json : undefined;
  }

  /** The path options of `file`, over those of the configs it extends (later ones win, the file last). */
  options(file: string, depth: number): Options {
    const json = this.read(file);
    if (!json) return {};
    const dir = path.dirname(file);
    let options: Options = {};
    if (depth < MAX_EXTENDS) {
      const bases = Array.isArray(json.extends) ? json.extends : [json.extends];
      for (const base of bases) {
        const target = this.extended(dir, base);
        if (target) options = { ...options, ...this.options(target, depth + 1) };
      }
    }
    const own = json.compilerOptions;
    if (isRecord(own)) {
      if (typeof own.baseUrl === 'string') options.baseUrl = path.resolve(dir, own.baseUrl);
      if (isRecord(own.paths)) options.paths = { map: own.paths, dir };
    }
    return options;
  }

  /** A solution config's path options: those of its first relative reference that has some. */
  fromReferences(file: string): Options {
    const refs = this.read(file)?.references;
    if (!Array.isArray(refs)) return {};
    for (const ref of refs.slice(0, MAX_REFERENCES)) {
      const p: unknown = isRecord(ref) ? ref.path : undefined;
      if (!isRelative(p)) continue;
      let target = path.resolve(path.dirname(file), p);
      if (!inside(target, this.root)) continue;
      if (!this.isFile(target)) target = path.join(target, 'tsconfig.json');
      if (target === file || !inside(target, this.root)) continue;
      const options = this.options(target, 0);
      if (options.paths || options.baseUrl !== undefined) return options;
    }
    return {};
  }

  /** The file `extends` names, when it is relative and inside the project (`.json` may be left out). */
  private extended(dir: string, base: unknown): string | undefined {
    if (!isRelative(base)) return undefined;
    const target = path.resolve(dir, base);
    if (!inside(target, this.root)) return undefined;
    if (this.isFile(target)) return target;
    return target.endsWith('.json') ? undefined : `${target}.json`;
  }
}

function toAliases(options: Options): PathAliases | undefined {
  const patterns: Pattern[] = [];
  for (const [key, value] of Object.entries(options.paths?.map ?? {})) {
    if (!Array.isArray(value)) continue;
    const targets = value.filter((t): t is string => typeof t === 'string' && t.split('*').length <= 2);
    const parts = key.split('*');
    if (targets.length === 0 || parts.length > 2) continue;
    patterns.push({ prefix: parts[0]!, suffix: parts[1] ?? '', star: parts.length === 2, targets });
  }
  if (patterns.length === 0 && options.baseUrl === undefined) return undefined;
  return {
    patterns,
    pathsBase: options.baseUrl ?? options.paths?.dir ?? '',
    baseUrl: options.baseUrl,
  };
}

function isRelative(p: unknown): p is string {
  return typeof p === 'string' && (p.startsWith('./') || p.startsWith('../') || p === '.' || p === '..');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Forget every config found and read (tests). */
export function clearAliases(): void {
  nearest.clear();
  loaded.clear();
}
