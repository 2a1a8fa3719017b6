// Loading a self-contained CommonJS bundle from dist/ with V8's code cache: the bytecode V8
// compiled for it when the build ran it once, so a run skips parsing and compiling it again
// (the PDF renderer's cache alone took 0.6× `node -e 0` off a PDF report when it came in).
// Node 20 has no compile cache of its own for modules, so this does by hand what Node 22's
// `module.enableCompileCache()` does.
//
// The cache is only a shortcut. It is used only when it was made from exactly this bundle and
// reached the disk whole (a SHA-256 of the code and the cache heads the file: V8 itself only
// compares the code's length, and may not check the cache's own checksum), and V8 accepts it
// (same V8 version and flags: NODE_OPTIONS such as --max-old-space-size make V8 refuse
// every cache); otherwise the bundle is compiled as any script is, and the result is the same.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { NotBuilt } from '../errors.js';

const HASH_BYTES = 32;

export interface LoadedBundle<T> {
  exports: T;
  /** Whether the saved cache was handed to V8 and V8 took it. */
  cached: boolean;
  /** Save the code V8 has compiled so far as the bundle's cache, headed by its hash. */
  saveCache(): void;
}

export const cacheFile = (bundle: string): string => `${bundle}.v8-cache`;

const digest = (code: string, cache: Uint8Array): Buffer => createHash('sha256').update(code).update(cache).digest();

function readCache(bundle: string, code: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(cacheFile(bundle));
  } catch {
    return undefined;
  }
  const cache = bytes.subarray(HASH_BYTES);
  return bytes.length > HASH_BYTES && bytes.subarray(0, HASH_BYTES).equals(digest(code, cache)) ? cache : undefined;
}

const loaded: { file: string; bundle: LoadedBundle<unknown> }[] = [];

/** For the build: save the cache of each bundle loaded so far; the files saved. */
export function saveLoadedCaches(): string[] {
  for (const l of loaded) l.bundle.saveCache();
  return loaded.map((l) => l.file);
}

/** Run `bundle` (CommonJS, built for this) and return what it exports. */
export function loadBundle<T>(file: string): LoadedBundle<T> {
  const bundle = resolve(file);
  let code: string;
  try {
    code = readFileSync(bundle, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new NotBuilt(bundle);
    throw e;
  }
  const cachedData = readCache(bundle, code);
  // The wrapper Node puts round a CommonJS module, on a line of its own that lineOffset
  // takes back, so that a stack trace gives the bundle's own lines and columns.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {\n${code}\n})`, {
    filename: pathToFileURL(bundle).href,
    lineOffset: -1,
    cachedData,
  });
  const module = { exports: {} as T };
  const run = script.runInThisContext() as (e: T, r: NodeJS.Require, m: { exports: T }, f: string, d: string) => void;
  run.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  const result: LoadedBundle<T> = {
    exports: module.exports,
    cached: cachedData !== undefined && !script.cachedDataRejected,
    saveCache: () => {
      const cache = script.createCachedData();
      writeFileSync(cacheFile(bundle), Buffer.concat([digest(code, cache), cache]));
    },
  };
  loaded.push({ file: bundle, bundle: result });
  return result;
}
