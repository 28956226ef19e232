/**
 * The exports of a module as values: ES exports, re-exports (`export … from`,
 * `export *`), `module.exports` / `exports.x`, and TypeScript's `export =`. A
 * module is analysed by the same engine as the linted file (its own `FileAnalysis`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ModuleResolver } from '../evaluator.js';
import { FileAnalysis } from '../file-analysis.js';
import type { TfjsSettings } from '../settings.js';
import { UNKNOWN, type Node, type Value } from '../values.js';

/** Modules whose exports are being evaluated right now: an import back into one is a cycle. */
export const resolving: string[] = [];

/** Where each export of a module comes from. */
type ExportSource =
  | { readonly kind: 'node'; readonly node: Node }
  | { readonly kind: 'reexport'; readonly source: string; readonly imported: string };

/** Another file of the project, analysed by the same engine; its exports as values. */
export class ModuleAnalysis {
  readonly analysis: FileAnalysis;
  private readonly exports = new Map<string, ExportSource>();
  private readonly stars: string[] = [];
  private commonjs: Node | undefined;
  private readonly values = new Map<string, Value>();
  readonly namespace: Value;

  constructor(
    readonly file: string,
    sourceCode: Readonly<TSESLint.SourceCode>,
    settings: TfjsSettings,
    resolver: ModuleResolver,
  ) {
    this.analysis = new FileAnalysis(sourceCode, settings, resolver, file);
    this.collectExports(sourceCode.ast);
    this.namespace = {
      kind: 'module',
      exported: (name) => this.exported(name),
      // `require` gives the namespace: a call of it calls what `module.exports` is.
      whole: this.commonjs ? () => this.exported('default') : undefined,
      registrations: () => this.analysis.ownRegistrations(),
      imports: () => this.analysis.importedModules(),
    };
  }

  /** The value of an export (`default`, a name), unknown when the module has no such export. */
  exported(name: string): Value {
    const hit = this.values.get(name);
    if (hit) return hit;
    this.values.set(name, UNKNOWN); // cycle guard within this module
    resolving.push(this.file);
    let value: Value;
    try {
      value = this.compute(name);
    } finally {
      resolving.pop();
    }
    this.values.set(name, value);
    return value;
  }

  private compute(name: string): Value {
    const ev = this.analysis.evaluator;
    const src = this.exports.get(name);
    if (src?.kind === 'node') {
      const n = src.node;
      if (n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression') {
        return { kind: 'function', node: n, owner: ev };
      }
      if (n.type === 'ClassDeclaration' || n.type === 'ClassExpression') return { kind: 'class', node: n, owner: ev };
      return ev.evaluate(n);
    }
    if (src?.kind === 'reexport')
      return this.analysis.resolveModule?.(src.source, src.imported, this.analysis.sourceCode.ast) ?? UNKNOWN;
    if (this.commonjs) {
      const whole = ev.evaluate(this.commonjs);
      return name === 'default' ? whole : ev.getMember(whole, name);
    }
    for (const star of this.stars) {
      const v = this.analysis.resolveModule?.(star, name, this.analysis.sourceCode.ast) ?? UNKNOWN;
      if (v.kind !== 'unknown') return v;
    }
    return UNKNOWN;
  }

  private collectExports(program: TSESTree.Program): void {
    for (const stmt of program.body) {
      if (stmt.type === 'ExportNamedDeclaration') {
        const d = stmt.declaration;
        if (d && (d.type === 'FunctionDeclaration' || d.type === 'ClassDeclaration') && d.id) {
          this.exports.set(d.id.name, { kind: 'node', node: d });
        } else if (d?.type === 'VariableDeclaration') {
          for (const decl of d.declarations) {
            if (decl.id.type === 'Identifier') this.exports.set(decl.id.name, { kind: 'node', node: decl.id });
          }
        }
        for (const spec of stmt.specifiers) {
          if (spec.type !== 'ExportSpecifier') continue;
          const exported = spec.exported.type === 'Identifier' ? spec.exported.name : String(spec.exported.value);
          const local = spec.local.type === 'Identifier' ? spec.local.name : String(spec.local.value);
          if (stmt.source) this.exports.set(exported, { kind: 'reexport', source: stmt.source.value, imported: local });
          else if (spec.local.type === 'Identifier') this.exports.set(exported, { kind: 'node', node: spec.local });
        }
      } else if (stmt.type === 'ExportDefaultDeclaration') {
        this.exports.set('default', { kind: 'node', node: stmt.declaration });
      } else if (stmt.type === 'ExportAllDeclaration') {
        if (stmt.exported) {
          const exported = stmt.exported as { type: string; name?: string; value?: unknown };
          const name = exported.type === 'Identifier' ? String(exported.name) : String(exported.value);
          this.exports.set(name, { kind: 'reexport', source: stmt.source.value, imported: '*' });
        } else {
          this.stars.push(stmt.source.value);
        }
      } else if (stmt.type === 'TSExportAssignment') {
        // TypeScript's `export = value`: what `import m = require('./m')` gives.
        this.commonjs = stmt.expression;
      } else if (stmt.type === 'ExpressionStatement' && stmt.expression.type === 'AssignmentExpression') {
        const { left, right } = stmt.expression;
        if (left.type !== 'MemberExpression' || left.computed || left.property.type !== 'Identifier') continue;
        const obj = left.object;
        const isModuleExports = obj.type === 'Identifier' && obj.name === 'module' && left.property.name === 'exports';
        if (isModuleExports) {
          this.commonjs = right;
          continue;
        }
        const onExports =
          (obj.type === 'Identifier' && obj.name === 'exports') ||
          (obj.type === 'MemberExpression' &&
            !obj.computed &&
            obj.object.type === 'Identifier' &&
            obj.object.name === 'module' &&
            obj.property.type === 'Identifier' &&
            obj.property.name === 'exports');
        if (onExports) this.exports.set(left.property.name, { kind: 'node', node: right });
      }
    }
  }
}
