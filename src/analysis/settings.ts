/**
 * `settings.tfjs` — shared by every rule, validated once per settings object.
 *
 *     settings: { tfjs: { globals: ['tf'], modules: ['my-tf-reexport'], crossFile: true } }
 */

export interface TfjsSettings {
  /** Global names that hold TF.js when the file does not declare them (script-tag builds). */
  readonly globals: readonly string[];
  /** Module names whose exports are TF.js. */
  readonly modules: readonly string[];
  /** Follow relative imports and path aliases (tsconfig/jsconfig `paths`) into other files of the project. */
  readonly crossFile: boolean;
}

export const TFJS_MODULES: readonly string[] = [
  '@tensorflow/tfjs',
  '@tensorflow/tfjs-node',
  '@tensorflow/tfjs-node-gpu',
  '@tensorflow/tfjs-layers',
  '@tensorflow/tfjs-core',
];

const DEFAULTS: TfjsSettings = { globals: ['tf'], modules: TFJS_MODULES, crossFile: true };

const cache = new WeakMap<object, TfjsSettings>();

function stringArray(value: unknown, key: string): readonly string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.length > 0)) {
    throw new Error(
      `eslint-plugin-tfjs: settings.tfjs.${key} must be an array of non-empty strings, got ${JSON.stringify(value)}.`,
    );
  }
  return value as string[];
}

/** Read and validate `settings.tfjs`; throws a configuration error on bad input. */
export function readSettings(settings: Readonly<Record<string, unknown>> | undefined): TfjsSettings {
  const raw = settings?.tfjs;
  if (raw === undefined) return DEFAULTS;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new Error(
      `eslint-plugin-tfjs: settings.tfjs must be an object ({ globals?, modules?, crossFile? }), got ${JSON.stringify(raw)}.`,
    );
  }
  const hit = cache.get(raw);
  if (hit) return hit;
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (key !== 'globals' && key !== 'modules' && key !== 'crossFile') {
      throw new Error(`eslint-plugin-tfjs: unknown setting settings.tfjs.${key} (known: globals, modules, crossFile).`);
    }
  }
  if (obj.crossFile !== undefined && typeof obj.crossFile !== 'boolean') {
    throw new Error(
      `eslint-plugin-tfjs: settings.tfjs.crossFile must be a boolean, got ${JSON.stringify(obj.crossFile)}.`,
    );
  }
  const result: TfjsSettings = {
    globals: obj.globals === undefined ? DEFAULTS.globals : stringArray(obj.globals, 'globals'),
    modules: obj.modules === undefined ? DEFAULTS.modules : [...TFJS_MODULES, ...stringArray(obj.modules, 'modules')],
    crossFile: obj.crossFile === undefined ? DEFAULTS.crossFile : obj.crossFile,
  };
  cache.set(raw, result);
  return result;
}
