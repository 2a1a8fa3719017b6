// Build the CLI to dist/ with esbuild: bundled and split per command, so each command
// loads only what it needs and `--help` loads no more than commander.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

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
  plugins: [pdfkitFonts],
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
