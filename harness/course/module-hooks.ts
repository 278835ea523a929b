/**
 * Node module hooks (registered with `module.register`, they run on Node's loader thread) that
 * let a course ship its exercises as TypeScript without a build step:
 * - `sockgrade/authoring` resolves to this sockgrade's own authoring API, wherever the course's
 *   folder is (so its checks share the engine's classes, `CheckFailure` included);
 * - a relative import written the TypeScript way (`./checks.js` for `checks.ts`) finds the `.ts`;
 * - a `.ts` file outside `node_modules` is compiled on load with TypeScript's `transpileModule`
 *   (no type checking: the course runs `tsc` for that). TypeScript is sockgrade's build
 *   dependency; without it, only `.js` exercises load. What is compiled is kept in a cache folder
 *   shared with the sockgrade processes this one starts, so each file is compiled once a run.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { InitializeHook, LoadHook, ResolveHook } from 'node:module';
import { fileURLToPath } from 'node:url';

/** What the registering thread passes to {@link initialize}. */
export interface HookData {
  /** URL of the built authoring entry point. */
  authoring: string;
  /** Folder of compiled TypeScript, by hash of the source. */
  cacheDir: string;
}

/** The public name of the authoring API. */
export const AUTHORING_SPECIFIER = 'sockgrade/authoring';

let authoringUrl = '';
let cacheDir = '';

export const initialize: InitializeHook<HookData> = (data) => {
  authoringUrl = data.authoring;
  cacheDir = data.cacheDir;
};

const isTs = (url: string): boolean => url.startsWith('file:') && url.endsWith('.ts') && !url.includes('/node_modules/');

export const resolve: ResolveHook = async (specifier, context, next) => {
  if (specifier === AUTHORING_SPECIFIER) return { url: authoringUrl, shortCircuit: true };
  const parent = context.parentURL;
  if (parent !== undefined && isTs(parent) && /^\.\.?\//.test(specifier) && specifier.endsWith('.js')) {
    const asJs = new URL(specifier, parent);
    const asTs = new URL(specifier.replace(/\.js$/, '.ts'), parent);
    if (!existsSync(asJs) && existsSync(asTs)) return { url: asTs.href, shortCircuit: true };
  }
  return next(specifier, context);
};

type TypeScript = typeof import('typescript');
let typescript: Promise<TypeScript> | undefined;

async function loadTypeScript(file: string): Promise<TypeScript> {
  typescript ??= import('typescript').then((m) => (m as { default?: TypeScript }).default ?? m);
  try {
    return await typescript;
  } catch {
    throw new Error(`${file} is TypeScript, and the typescript package is not installed next to sockgrade (npm ci installs it): install it, or compile the exercise to .js`);
  }
}

export const load: LoadHook = async (url, context, next) => {
  if (!isTs(url)) return next(url, context);
  const file = fileURLToPath(url);
  const text = await readFile(file, 'utf8');
  const cached = join(cacheDir, `${createHash('sha256').update(text).digest('hex')}.js`);
  const hit = await readFile(cached, 'utf8').catch(() => undefined);
  if (hit !== undefined) return { format: 'module', source: hit, shortCircuit: true };
  const ts = await loadTypeScript(file);
  const out = ts.transpileModule(text, {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: false, isolatedModules: true },
  });
  const first = out.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error);
  if (first) {
    const at = first.file && first.start !== undefined ? first.file.getLineAndCharacterOfPosition(first.start) : undefined;
    throw new SyntaxError(`${file}${at ? `:${at.line + 1}:${at.character + 1}` : ''}: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}`);
  }
  const partial = `${cached}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  await writeFile(partial, out.outputText)
    .then(() => rename(partial, cached))
    .catch(() => {});
  return { format: 'module', source: out.outputText, shortCircuit: true };
};
