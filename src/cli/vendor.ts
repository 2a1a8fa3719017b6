// The built CLI's copies of yaml and zod: each a CommonJS bundle in dist/vendor/, run with
// its code cache (code-cache.ts), which saves compiling them on every run. scripts/build.mjs
// sends the CLI's `import ... from 'yaml'` and `'zod'` here; run from source, nothing is.
import { join } from 'node:path';
import { loadBundle, type LoadedBundle } from './code-cache.js';
import { ROOT } from './paths.js';

export const VENDORED = ['yaml', 'zod'] as const;
export type Vendored = (typeof VENDORED)[number];

export const vendorBundle = (name: Vendored): string => join(ROOT, 'dist', 'vendor', `${name}.cjs`);

const loaded = new Map<Vendored, LoadedBundle<unknown>>();

export function vendor(name: Vendored): unknown {
  let bundle = loaded.get(name);
  if (!bundle) loaded.set(name, (bundle = loadBundle(vendorBundle(name))));
  return bundle.exports;
}

/** For the build: save the code cache of each package loaded so far. */
export function saveVendorCaches(): Vendored[] {
  for (const bundle of loaded.values()) bundle.saveCache();
  return [...loaded.keys()];
}
