// Build the CLI to dist/ with esbuild: bundled and split per command, so each command
// loads only what it needs and `--help` loads no more than commander.
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

// The PDF chunk's dependencies do work as they load that dutykit's renderer never uses:
// swap those modules for the stand-ins in scripts/shims (each says why), and drop the brotli
// decompressor fontkit keeps for WOFF2 fonts (half the chunk, and a 120 KB dictionary decoded
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

// The CLI's `yaml` and `zod` come from dist/vendor/ through src/cli/vendor.ts (whose VENDORED
// list this matches), which runs them with their code cache; each is built below as one
// CommonJS bundle.
const vendored = ['yaml', 'zod'];
const fromVendor = {
  name: 'from-vendor',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${vendored.join('|')})$`) }, (a) => ({ path: a.path, namespace: 'from-vendor' }));
    b.onLoad({ filter: /.*/, namespace: 'from-vendor' }, (a) => ({
      contents: `module.exports = require('./vendor.ts').vendor(${JSON.stringify(a.path)});`,
      resolveDir: fileURLToPath(new URL('../src/cli', import.meta.url)),
      loader: 'js',
    }));
  },
};

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
// CommonJS dependencies inside an ESM bundle need a `require`.
const esmRequire = "import { createRequire as __dutykitRequire } from 'node:module'; const require = __dutykitRequire(import.meta.url);";
const minify = process.env.DUTYKIT_BUILD_DEBUG !== '1';

// The CLI: one chunk per command, loaded when that command runs.
await build({
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Tells src/cli/pdf-renderer.ts to load the renderer bundle below rather than the source.
  define: { DUTYKIT_BUILT: 'true' },
  plugins: [fromVendor],
  banner: { js: esmRequire },
  chunkNames: '[name]-[hash]',
  minify,
  sourcemap: 'linked',
  logLevel: 'warning',
});

// The PDF renderer with pdfkit inside, as one CommonJS script, so that it can be run with
// V8's code cache (src/cli/code-cache.ts); the CLI loads it for `report --format pdf` only.
const pdfBundle = 'dist/pdf-renderer.cjs';
await build({
  entryPoints: ['src/report/pdf/index.ts'],
  outfile: pdfBundle,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // The font files are read from the installed package at run time.
  external: ['dejavu-fonts-ttf'],
  plugins: [pdfkitFonts, pdfShims],
  define: { 'import.meta.url': '__dutykitUrl' },
  // 'use strict' first: esbuild's own directive would come after the banner, and count for nothing.
  banner: { js: "'use strict'; const __dutykitUrl = require('node:url').pathToFileURL(__filename).href;" },
  minify,
  logLevel: 'warning',
});

// yaml and zod, each as one CommonJS script.
for (const name of vendored) {
  await build({
    stdin: { contents: `module.exports = require('${name}');`, resolveDir: '.', loader: 'js' },
    outfile: `dist/vendor/${name}.cjs`,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify,
    logLevel: 'warning',
  });
}

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
// The code-cache tool runs the CLI's own yaml and zod, so that their caches can be saved.
await buildTool('scripts/make-code-cache.ts', { plugins: [fromVendor], banner: { js: esmRequire } });
const tool = (name) => import(pathToFileURL(`dist/tools/${name}.mjs`).href);

// Compile the bundled frameworks to JSON with the same code that reads them.
const { compileFrameworks } = await tool('compile-frameworks');
compileFrameworks('benchmarks', 'dist/frameworks');

// Run yaml, zod and the PDF renderer on the examples and keep the code V8 compiled for them.
// The caches only save time: if they cannot be made, say so and build without them.
const { makeCodeCaches } = await tool('make-code-cache');
try {
  await makeCodeCaches(pdfBundle, 'examples', 'benchmarks');
} catch (e) {
  console.warn(`build: no code caches made (dutykit works without them, more slowly): ${e?.message ?? e}`);
}
