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
    b.onResolve({ filter: /^@noble\/ciphers\/aes$/ }, () => ({ path: shim('lazy-noble-aes.cjs') }));
    b.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, () => ({ path: 'brotli', namespace: 'no-woff2' }));
    b.onLoad({ filter: /.*/, namespace: 'no-woff2' }, () => ({
      contents: "module.exports = () => { throw new Error('dutykit embeds TrueType fonts only; WOFF2 is not supported'); };",
      loader: 'js',
    }));
  },
};

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The font files are read from the installed package at run time.
  external: ['dejavu-fonts-ttf'],
  plugins: [pdfkitFonts, pdfShims],
  // CommonJS dependencies inside an ESM bundle need a `require`.
  banner: { js: "import { createRequire as __dutykitRequire } from 'node:module'; const require = __dutykitRequire(import.meta.url);" },
  chunkNames: '[name]-[hash]',
  minify: process.env.DUTYKIT_BUILD_DEBUG !== '1',
  sourcemap: 'linked',
  logLevel: 'warning',
});

// Compile the bundled frameworks to JSON with the same code that reads them.
const tool = 'dist/tools/compile-frameworks.mjs';
await build({
  entryPoints: ['scripts/compile-frameworks.ts'],
  outfile: tool,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const { compileFrameworks } = await import(pathToFileURL(tool).href);
compileFrameworks('benchmarks', 'dist/frameworks');
