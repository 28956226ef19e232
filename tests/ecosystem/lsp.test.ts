/**
 * What a VS Code user sees, through the language server the VS Code ESLint
 * extension runs (`vscode-eslint-language-server` from vscode-langservers-extracted),
 * spoken to over stdio as an editor does (slow: starts the server).
 *
 * A temporary project links this repository's ESLint and built plugin into its
 * node_modules and has an `eslint.config.js` with the recommended config. Every
 * JavaScript invalid case (❌ doc blocks, example files with findings) is opened as
 * a document; the server's diagnostics must be ESLint's messages (range, message,
 * rule, source "eslint"), its quick fixes must offer every suggestion and autofix,
 * and applying a suggestion must produce ESLint's own suggestion output.
 */
import { ESLint } from 'eslint';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invalidCases, root, type Case } from './helpers.js';

const SERVER = path.join(root, 'node_modules', 'vscode-langservers-extracted', 'bin', 'vscode-eslint-language-server');
const TIMEOUT = 30_000;

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface Diagnostic {
  range: Range;
  message: string;
  source?: string;
  code?: string;
  severity?: number;
  codeDescription?: { href: string };
}
interface TextEdit {
  range: Range;
  newText: string;
}
interface CodeAction {
  title: string;
  kind?: string;
  command?: { command: string; arguments?: unknown[] };
  diagnostics?: Diagnostic[];
  isPreferred?: boolean;
}

/** A minimal LSP client: Content-Length framed JSON-RPC over the server's stdio. */
class Client {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  /** Answers to the server's own requests, by method. */
  readonly handlers = new Map<string, (params: unknown) => unknown>();
  readonly log: string[] = [];

  constructor(private readonly proc: ChildProcessWithoutNullStreams) {
    proc.stdout.on('data', (chunk: Buffer) => this.read(chunk));
    proc.stderr.on('data', (chunk: Buffer) => this.log.push(chunk.toString()));
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())![1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString());
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(message);
    }
  }

  private dispatch(message: {
    id?: number;
    method?: string;
    params?: unknown;
    result?: unknown;
    error?: { message: string };
  }): void {
    if (message.method !== undefined && message.id !== undefined) {
      // A request from the server: answer it.
      const handler = this.handlers.get(message.method);
      this.send({ jsonrpc: '2.0', id: message.id, result: handler ? handler(message.params) : null });
    } else if (message.method !== undefined) {
      if (message.method === 'window/logMessage') this.log.push((message.params as { message: string }).message);
    } else if (message.id !== undefined) {
      const p = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) p?.reject(new Error(message.error.message));
      else p?.resolve(message.result);
    }
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify(message));
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${method} timed out; server log:\n${this.log.join('\n')}`)),
        TIMEOUT,
      );
      this.pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }
}

let dir: string;
let server: ChildProcessWithoutNullStreams;
let client: Client;
let applied: {
  label?: string;
  edit: { documentChanges?: { edits: TextEdit[] }[]; changes?: Record<string, TextEdit[]> };
}[] = [];
const cases: Case[] = invalidCases().filter((c) => /\.m?js$/.test(c.filename));

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'eslint-plugin-tfjs-lsp-'));
  mkdirSync(path.join(dir, 'node_modules'));
  // The project's ESLint is this repository's; the plugin is this repository (its
  // package.json exports point at dist/).
  symlinkSync(path.join(root, 'node_modules', 'eslint'), path.join(dir, 'node_modules', 'eslint'), 'dir');
  symlinkSync(root, path.join(dir, 'node_modules', 'eslint-plugin-tfjs'), 'dir');
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'lsp-project', private: true, type: 'module' }));
  writeFileSync(
    path.join(dir, 'eslint.config.js'),
    "import tfjs from 'eslint-plugin-tfjs';\n\nexport default [tfjs.configs.all];\n",
  );

  server = spawn(process.execPath, [SERVER, '--stdio'], { cwd: dir, stdio: 'pipe' });
  client = new Client(server);
  const folder = { uri: pathToFileURL(dir).href, name: 'lsp-project' };
  // The settings the VS Code extension sends (its defaults), per document.
  const settings = {
    validate: 'on',
    packageManager: 'npm',
    useESLintClass: false,
    useFlatConfig: true,
    experimental: {},
    codeAction: {
      disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
      showDocumentation: { enable: true },
    },
    codeActionOnSave: { enable: false, mode: 'all' },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workingDirectory: { mode: 'location' },
    workspaceFolder: folder,
  };
  client.handlers.set('workspace/configuration', (params) =>
    (params as { items: unknown[] }).items.map(() => settings),
  );
  client.handlers.set('workspace/workspaceFolders', () => [folder]);
  client.handlers.set('workspace/applyEdit', (params) => {
    applied.push(params as (typeof applied)[number]);
    return { applied: true };
  });

  await client.request('initialize', {
    processId: process.pid,
    rootUri: folder.uri,
    workspaceFolders: [folder],
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, applyEdit: true },
      textDocument: {
        diagnostic: { dynamicRegistration: false },
        publishDiagnostics: {},
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
        },
      },
    },
  });
  client.notify('initialized', {});
}, 60_000);

afterAll(async () => {
  if (client) {
    await Promise.race([
      client.request('shutdown', null).catch(() => undefined),
      new Promise((r) => setTimeout(r, 3000)),
    ]);
    client.notify('exit', null);
  }
  if (server && server.exitCode === null) server.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const toRange = (m: { line: number; column: number; endLine?: number; endColumn?: number }): Range => ({
  start: { line: m.line - 1, character: m.column - 1 },
  end: { line: (m.endLine ?? m.line) - 1, character: (m.endColumn ?? m.column) - 1 },
});

function applyEdits(text: string, edits: TextEdit[]): string {
  const offset = (p: Position) =>
    text
      .split('\n')
      .slice(0, p.line)
      .reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

describe('the VS Code ESLint language server', () => {
  it('has JavaScript invalid cases to open', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  describe.each(cases.map((c, i) => [c.where, c, i] as const))('%s', (_where, c, i) => {
    let uri: string;
    let expected: ESLint.LintResult;
    let diagnostics: Diagnostic[];

    beforeAll(async () => {
      const filePath = path.join(dir, `case-${i}.js`);
      writeFileSync(filePath, c.code);
      uri = pathToFileURL(filePath).href;
      [expected] = await new ESLint({ cwd: dir }).lintText(c.code, { filePath });
      client.notify('textDocument/didOpen', {
        textDocument: { uri, languageId: 'javascript', version: 1, text: c.code },
      });
      const report = await client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', {
        textDocument: { uri },
      });
      diagnostics = report.items;
    }, 60_000);

    it('shows one diagnostic per ESLint message: same range (the squiggle), message, rule and source', () => {
      expect(expected!.messages.length).toBeGreaterThan(0);
      const actual = diagnostics.map((d) => ({
        range: d.range,
        message: d.message,
        code: d.code,
        source: d.source,
        severity: d.severity,
      }));
      const want = expected!.messages.map((m) => ({
        range: toRange(m),
        message: m.message,
        code: m.ruleId!,
        source: 'eslint',
        severity: m.severity === 2 ? 1 : 2,
      }));
      expect(actual).toEqual(want);
      for (const d of diagnostics) expect(d.codeDescription?.href).toMatch(/\/docs\/rules\/[\w-]+\.md$/);
    });

    it('offers every suggestion and autofix as a quick fix, and applies a suggestion as ESLint does', async () => {
      for (const [k, m] of expected!.messages.entries()) {
        const d = diagnostics[k]!;
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri },
          range: d.range,
          context: { diagnostics: [d], only: ['quickfix'] },
        });
        const titles = actions.map((a) => a.title);
        if (m.fix) expect(titles).toContain(`Fix this ${m.ruleId} problem`);
        if (m.fix) expect(titles).toContain('Fix all auto-fixable problems');
        expect(titles).toContain(`Show documentation for ${m.ruleId}`);
        for (const s of m.suggestions ?? []) expect(titles).toContain(`${s.desc} (${m.ruleId})`);
        expect(titles).toContain(`Disable ${m.ruleId} for this line`);

        // Choosing the first suggestion: the server asks the editor to apply ESLint's edit.
        const suggestion = m.suggestions?.[0];
        if (!suggestion) continue;
        const action = actions.find((a) => a.title === `${suggestion.desc} (${m.ruleId})`)!;
        applied = [];
        await client.request('workspace/executeCommand', {
          command: action.command!.command,
          arguments: action.command!.arguments,
        });
        expect(applied).toHaveLength(1);
        const edits = applied[0]!.edit.documentChanges?.[0]?.edits ?? Object.values(applied[0]!.edit.changes ?? {})[0]!;
        const wanted =
          c.code.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + c.code.slice(suggestion.fix.range[1]);
        expect(applyEdits(c.code, edits)).toBe(wanted);
      }
    }, 60_000);
  });
});
