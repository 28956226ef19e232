/**
 * TF.js imported by URL from a CDN, as browser code does without a bundler:
 *
 *     import * as tf from 'https://cdn.jsdelivr.net/npm/@tensorflow/tfjs@4.22.0/+esm';
 *
 * The URL is read as the package it serves (`@tensorflow/tfjs`), never fetched. Only
 * the CDNs below, only the packages' ES module entries (the package itself, `+esm`,
 * `dist/index.js`, the `*.fesm.js` bundles, esm.sh's and skypack's built files):
 * another package, or another file of a TF.js package, is not TF.js.
 */

/** TF.js packages a URL may serve (the scoped name without `@tensorflow/`). */
const PACKAGE = String.raw`@tensorflow/(tfjs(?:-core|-layers|-node|-node-gpu)?)`;
/** `@4.22.0`, `@^4`, `@latest`, skypack's pinned `@v4.22.0-AbC123`. */
const VERSION = String.raw`(?:@[^/?#]+)?`;

/** Per CDN host, what comes before the package in the path. */
const PREFIXES: Readonly<Record<string, string>> = {
  'cdn.jsdelivr.net': '/npm/',
  'fastly.jsdelivr.net': '/npm/',
  'gcore.jsdelivr.net': '/npm/',
  'esm.run': '/',
  'esm.sh': String.raw`/(?:v\d+/|stable/)?\*?`,
  'cdn.esm.sh': String.raw`/(?:v\d+/|stable/)?\*?`,
  'unpkg.com': '/',
  'cdn.skypack.dev': String.raw`/(?:pin/|-/)?`,
  'ga.jspm.io': '/npm:',
  'jspm.dev': '/(?:npm:)?',
};

const patterns = new Map<string, RegExp>(
  Object.entries(PREFIXES).map(([host, prefix]) => [host, new RegExp(`^${prefix}${PACKAGE}${VERSION}(?:/(.*))?$`)]),
);

/** Is `rest` (the path after the package and version) an ES module entry of package `name` (`tfjs-core`)? */
function isEntry(host: string, name: string, rest: string | undefined): boolean {
  if (rest === undefined || rest === '' || rest === '+esm') return true;
  const short = name.replace(/^tfjs/, 'tf'); // tfjs -> tf, tfjs-core -> tf-core
  if (rest === 'dist/index.js' || rest === `dist/${short}.fesm.js` || rest === `dist/${short}.fesm.min.js`) return true;
  // esm.sh's build of the package: `/v135/@tensorflow/tfjs@4.22.0/es2022/tfjs.mjs`.
  if (host.endsWith('esm.sh'))
    return new RegExp(`^[a-z0-9]+/${name}(?:\\.bundle)?(?:\\.development)?\\.mjs$`).test(rest);
  // skypack's optimized build: `/pin/@tensorflow/tfjs@v4.22.0-hash/mode=imports,min/optimized/@tensorflow/tfjs.js`.
  if (host === 'cdn.skypack.dev') return new RegExp(`^(?:[^/]+/)?optimized/@tensorflow/${name}\\.js$`).test(rest);
  return false;
}

const known = new Map<string, string | undefined>();

/**
 * The TF.js package (`@tensorflow/tfjs`, `@tensorflow/tfjs-core` ...) an `import`
 * URL serves, or undefined when it is not a URL of a TF.js package's entry.
 */
export function tfjsPackageOfUrl(source: string): string | undefined {
  if (!source.startsWith('https:') && !source.startsWith('http:') && !source.startsWith('//')) return undefined;
  if (known.has(source)) return known.get(source);
  let result: string | undefined;
  try {
    const url = new URL(source, 'https://example.invalid/');
    const pattern = patterns.get(url.hostname);
    const match = pattern?.exec(decodeURIComponent(url.pathname));
    if (match && isEntry(url.hostname, match[1]!, match[2])) result = `@tensorflow/${match[1]}`;
  } catch {
    result = undefined; // not a URL, or a bad escape
  }
  if (known.size >= 1000) known.clear();
  known.set(source, result);
  return result;
}

/** The module name a source stands for: the TF.js package of a CDN URL, else the source itself. */
export function moduleNameOf(source: string): string {
  return tfjsPackageOfUrl(source) ?? source;
}
