// Build the CLI to dist/ with esbuild as CommonJS scripts (Node starts those faster than ES
// modules). Each command sets up only its own modules, so `--help` runs no more than
// commander; pdfkit is a script of its own, read only by `report --format pdf`. The build
// fails unless the built CLI renders the example as Markdown and PDF.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkBuilt } from './check-built.mjs';
import { compileMessages } from './compile-messages.mjs';

// pdfkit loads its standard-font metrics at run time through its own `#standard-fonts/*`
// import map, which a bundle cannot see; point those at the package's public export instead.
const pdfkitFonts = {
  name: 'pdfkit-standard-fonts',
  setup(b) {
    b.onLoad({ filter: /pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll("require$1('#standard-fonts/", "require$1('pdfkit/standard-fonts/"),
      loader: 'js',
    }));
  },
};

// The PDF bundle's dependencies unpack Unicode tables as they load, for shaping and line
// breaking dutykit's renderer does not use (~50 ms a PDF): swap those modules for the
// stand-ins in scripts/shims (each says why). test/pdf-shims.test.ts fails when the packages
// change under them, and the check at the end fails the build if the PDF no longer renders.
const shim = (name) => fileURLToPath(new URL(`./shims/${name}`, import.meta.url));
const pdfShims = {
  name: 'pdf-shims',
  setup(b) {
    b.onResolve({ filter: /^unicode-trie$/ }, () => ({ path: shim('lazy-unicode-trie.cjs') }));
    // The stand-in imports the real package: only other importers are sent to it.
    b.onResolve({ filter: /^unicode-properties$/ }, (a) => (a.importer === shim('unicode-properties.mjs') ? undefined : { path: shim('unicode-properties.mjs') }));
  },
};

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
// The message catalogue, compiled to functions first: the bundles below import it.
writeFileSync(new URL('../src/i18n/compiled.ts', import.meta.url), compileMessages(fileURLToPath(new URL('../src/i18n/messages', import.meta.url))));
const minify = process.env.DUTYKIT_BUILD_DEBUG !== '1';
// Modules that read `import.meta.url` get the script's own address; 'use strict' comes first,
// since esbuild's own directive would come after the banner and count for nothing.
const cjs = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  define: { 'import.meta.url': '__dutykitUrl' },
  banner: { js: "'use strict'; const __dutykitUrl = require('node:url').pathToFileURL(__filename).href;" },
  minify,
  logLevel: 'warning',
};
/** esbuild, failing on a warning too: a warning here has meant a bundle that breaks at run time. */
const strict = async (options) => {
  const r = await build(options);
  if (r.warnings.length) throw new Error(`build: ${r.warnings.length} esbuild warning(s), above; the build stops here`);
};

// The CLI, with yaml, zod, commander and the prompts inside, as one script: each command's
// modules are still set up only when that command runs (esbuild turns the `import()` of a
// command into a call), and zod is cut to what dutykit uses.
await strict({
  ...cjs,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.cjs',
  // Tells src/cli/pdf-renderer.ts to load the renderer bundle below rather than the source.
  define: { ...cjs.define, DUTYKIT_BUILT: 'true' },
  sourcemap: 'linked',
});
// The code-cache loader bin/dutykit.js runs the bundles with (and the CLI runs the PDF
// renderer with): small, Node's own modules only.
await strict({ ...cjs, entryPoints: ['src/cli/code-cache.ts'], outfile: 'dist/code-cache.cjs' });
// The PDF renderer with pdfkit inside, as one CommonJS script; the CLI loads it for
// `report --format pdf` only.
await strict({
  ...cjs,
  entryPoints: ['src/report/pdf/index.ts'],
  outfile: 'dist/pdf-renderer.cjs',
  // The font files are read from the installed package at run time.
  external: ['dejavu-fonts-ttf'],
  plugins: [pdfkitFonts, pdfShims],
});

// Compile the bundled frameworks to JSON with the same code that reads them, built first as a
// tool the build runs.
await build({
  entryPoints: ['scripts/compile-frameworks.ts'],
  outdir: 'dist/tools',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const { compileFrameworks } = await import(pathToFileURL('dist/tools/compile-frameworks.mjs').href);
compileFrameworks('benchmarks', 'dist/frameworks');

// The product must work: the built CLI renders the example, or the build fails.
const failed = checkBuilt('.');
if (failed) {
  console.error(`build: the built CLI does not work: ${failed}`);
  process.exit(1);
}
