// What the built CLI, dist/cli.cjs, exports: the CLI itself for dist/launch.cjs to run, and
// for the build (scripts/make-code-cache.ts), the code caches of the bundles it loaded.
export { main } from './main.js';
export { saveLoadedCaches } from './code-cache.js';
