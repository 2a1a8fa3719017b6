// What the built CLI, dist/cli.cjs, exports: the CLI itself for dist/launch.cjs to run, and
// for the build (scripts/make-code-cache.ts), the code caches of the bundles the CLI loaded
// (the PDF renderer). The CLI's own cache is saved by whoever loaded the CLI: each script
// carries its own copy of code-cache.ts, which knows only the bundles it loaded itself.
export { main } from './main.js';
export { saveLoadedCaches } from './code-cache.js';
