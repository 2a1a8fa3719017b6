// Build the CLI to dist/ with esbuild: CommonJS scripts run with V8's code cache. Each command
// sets up only its own modules, so `--help` runs no more than commander; pdfkit is a script of
// its own, read only by `report --format pdf`.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

// The PDF bundle's dependencies do work as they load that dutykit's renderer never uses:
// swap those modules for the stand-ins in scripts/shims (each says why), and drop the brotli
// decompressor fontkit keeps for WOFF2 fonts (half the bundle, and a 120 KB dictionary decoded
// at load): dutykit embeds only its own TrueType fonts.
const shim = (name) => fileURLToPath(new URL(`./shims/${name}`, import.meta.url));
const pdfShims = {
  name: 'pdf-shims',
  setup(b) {
    b.onResolve({ filter: /^unicode-trie$/ }, () => ({ path: shim('lazy-unicode-trie.cjs') }));
    // The stand-in imports the real package: only other importers are sent to it.
    b.onResolve({ filter: /^unicode-properties$/ }, (a) => (a.importer === shim('unicode-properties.mjs') ? undefined : { path: shim('unicode-properties.mjs') }));
    b.onResolve({ filter: /^@noble\/ciphers\/aes$/ }, () => ({ path: shim('lazy-noble-aes.cjs') }));
    b.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, () => ({ path: 'brotli', namespace: 'no-woff2' }));
    b.onLoad({ filter: /.*/, namespace: 'no-woff2' }, () => ({
      contents: "module.exports = () => { throw new Error('dutykit embeds TrueType fonts only; WOFF2 is not supported'); };",
      loader: 'js',
    }));
  },
};

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const minify = process.env.DUTYKIT_BUILD_DEBUG !== '1';
// The CLI's scripts are CommonJS, run with V8's code cache (src/cli/code-cache.ts). Modules
// that read `import.meta.url` get the script's own address; 'use strict' comes first, since
// esbuild's own directive would come after the banner and count for nothing.
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

// The CLI, with yaml, zod, commander and the prompts inside, as one script: each command's
// modules are still set up only when that command runs (esbuild turns the `import()` of a
// command into a call), and zod is cut to what dutykit uses.
await build({
  ...cjs,
  entryPoints: ['src/cli/bundle.ts'],
  outfile: 'dist/cli.cjs',
  // Tells src/cli/pdf-renderer.ts to load the renderer bundle below rather than the source.
  define: { ...cjs.define, DUTYKIT_BUILT: 'true' },
  sourcemap: 'linked',
});
// What bin/dutykit.js runs: loads dist/cli.cjs with its code cache.
await build({ ...cjs, entryPoints: ['src/cli/launch.ts'], outfile: 'dist/launch.cjs' });

// The PDF renderer with pdfkit inside, as one CommonJS script, so that it can be run with
// V8's code cache (src/cli/code-cache.ts); the CLI loads it for `report --format pdf` only.
const pdfBundle = 'dist/pdf-renderer.cjs';
await build({
  ...cjs,
  entryPoints: ['src/report/pdf/index.ts'],
  outfile: pdfBundle,
  // The font files are read from the installed package at run time.
  external: ['dejavu-fonts-ttf'],
  plugins: [pdfkitFonts, pdfShims],
});

// Tools the build runs, made from the same code the CLI runs.
const buildTool = (entry, extra = {}) =>
  build({
    entryPoints: [entry],
    outdir: 'dist/tools',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    ...extra,
  });
await buildTool('scripts/compile-frameworks.ts');
await buildTool('scripts/make-code-cache.ts');
const tool = (name) => import(pathToFileURL(`dist/tools/${name}.mjs`).href);

// Compile the bundled frameworks to JSON with the same code that reads them.
const { compileFrameworks } = await tool('compile-frameworks');
compileFrameworks('benchmarks', 'dist/frameworks');

// Run the built CLI's commands on the examples and keep the code V8 compiled for it and for
// the PDF renderer. The caches only save time: if they cannot be made, say so and build without.
const { makeCodeCaches } = await tool('make-code-cache');
let failed;
try {
  failed = await makeCodeCaches('examples', 'benchmarks');
} catch (e) {
  failed = [e?.message ?? String(e)];
}
for (const f of failed) console.warn(`build: code cache incomplete (dutykit works without it, more slowly): ${f}`);
