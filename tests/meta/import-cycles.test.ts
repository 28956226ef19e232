/**
 * No import cycles in src/: every file can be read after the files it imports.
 * `import type` counts too: harmless at runtime, but a type cycle is the same
 * tangle for a reader.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const src = path.join(import.meta.dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(file);
    return e.name.endsWith('.ts') ? [file] : [];
  });
}

/** The files of src/ a file imports or re-exports from (relative specifiers; `.js` names its `.ts` source). */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((f) => f.fileName)
    .filter((s) => s.startsWith('.'))
    .map((s) => path.resolve(path.dirname(file), s.replace(/\.js$/, '.ts')));
}

/** Every cycle of the graph, each as the path that closes it (found by depth-first search). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    const at = stack.indexOf(file);
    if (at >= 0) {
      found.push([...stack.slice(at), file]);
      return;
    }
    if (done.has(file)) return;
    stack.push(file);
    for (const dep of graph.get(file) ?? []) visit(dep);
    stack.pop();
    done.add(file);
  };
  for (const file of graph.keys()) visit(file);
  return found;
}

describe('imports in src/', () => {
  const files = sourceFiles(src);
  const graph = new Map(files.map((f) => [f, importsOf(f)]));

  it('reads the imports of the analysis (the check sees real edges)', () => {
    const index = graph.get(path.join(src, 'analysis', 'index.ts')) ?? [];
    expect(index.length).toBeGreaterThan(0);
    for (const dep of index) expect(files).toContain(dep);
  });

  it('finds a cycle when there is one (the check can fail)', () => {
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
        ]),
      ),
    ).toEqual([['a', 'b', 'c', 'a']]);
    expect(
      cycles(
        new Map([
          ['a', ['b', 'c']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('has no cycle, type-only imports included', () => {
    const relative = cycles(graph).map((c) => c.map((f) => path.relative(src, f)).join(' -> '));
    expect(relative).toEqual([]);
  });
});
