// Where `report --format pdf` gets its renderer. Built, it is dist/pdf-renderer.cjs, a
// bundle of src/report/pdf with pdfkit inside, read only by this command; run from source
// (the tests), it is the module itself.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { NotBuilt } from '../errors.js';
import { ROOT } from './paths.js';

type Renderer = typeof import('../report/pdf/index.js');

/** Defined (as true) by scripts/build.mjs in the built CLI; not defined when running from source. */
declare const DUTYKIT_BUILT: true | undefined;

export const PDF_BUNDLE = join(ROOT, 'dist', 'pdf-renderer.cjs');

/** The loader bin/dutykit.js ran the CLI with (the same module, so one list of caches to save). */
const CODE_CACHE = join(ROOT, 'dist', 'code-cache.cjs');

function loadBuilt(): Renderer {
  if (!existsSync(PDF_BUNDLE)) throw new NotBuilt(PDF_BUNDLE);
  const load = createRequire(PDF_BUNDLE);
  if (!existsSync(CODE_CACHE)) return load(PDF_BUNDLE) as Renderer;
  const { loadBundle } = load(CODE_CACHE) as typeof import('./code-cache.js');
  return loadBundle<Renderer>(PDF_BUNDLE, 'report').exports;
}

let renderer: Promise<Renderer> | undefined;

export function pdfRenderer(): Promise<Renderer> {
  // One expression, so that the build folds it and leaves the source import out of dist/.
  renderer ??= typeof DUTYKIT_BUILT === 'undefined' ? import('../report/pdf/index.js') : Promise.resolve().then(loadBuilt);
  return renderer;
}
