// Build the CLI to dist/ with esbuild: bundled and split per command, so each command
// loads only what it needs and `--help` loads no more than commander.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // pdfkit finds its font data through package paths a bundle cannot see; it stays a package.
  external: ['pdfkit', 'dejavu-fonts-ttf'],
  // CommonJS dependencies inside an ESM bundle need a `require`.
  banner: { js: "import { createRequire as __dutykitRequire } from 'node:module'; const require = __dutykitRequire(import.meta.url);" },
  chunkNames: '[name]-[hash]',
  minify: true,
  sourcemap: 'linked',
  logLevel: 'warning',
});
