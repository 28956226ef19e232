/**
 * The linted script's page (html-page.ts: an HTML page, or a Markdown file's code
 * blocks), with the tools its other scripts are read with: parsed like the linted
 * script (modules/parse.ts), analysed by the same engine (a `FileAnalysis` each), a
 * local `<script src>` resolved as cross-file analysis resolves an import (inside the
 * project, outside node_modules).
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { FileAnalysis } from './file-analysis.js';
import { pageViewOf, type PageTools, type PageView } from './html-page.js';
import { keySuffix } from './modules/cache.js';
import { parseModule } from './modules/parse.js';
import { parseSetupOf } from './modules/parser-setup.js';
import { projectRoot, resolveFile } from './modules/resolve.js';
import type { TfjsSettings } from './settings.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The page the linted script is in (eslint-plugin-html, a Markdown code block), or null for any other file. */
export function pageOf(context: Context, settings: TfjsSettings): PageView | null {
  return pageViewOf(context, () => pageTools(context, settings));
}

function pageTools(context: Context, settings: TfjsSettings): PageTools | undefined {
  const setup = parseSetupOf(context);
  if (!setup) return undefined;
  const root = settings.crossFile ? projectRoot(context.cwd ?? process.cwd()) : undefined;
  return {
    key: keySuffix(setup, settings),
    parse: (text, file) => parseModule(text, file, setup),
    analyse: (sourceCode, file, resolveGlobal) =>
      new FileAnalysis(sourceCode, settings, undefined, file, undefined, { resolveGlobal }),
    localFile: (src, dir) => {
      // Only a path of the page's own site: no scheme, not from the site's root.
      const clean = src.trim().replace(/[?#].*$/, '');
      if (!root || !clean || /^(?:[a-z][a-z0-9+.-]*:|\/)/i.test(clean)) return undefined;
      return resolveFile(dir, /^\.\.?\//.test(clean) ? clean : `./${clean}`, root);
    },
  };
}
