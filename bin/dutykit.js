#!/usr/bin/env node
// Thin launcher: the CLI is built to dist/ by `npm install` (prepare) or `npm run build`.
// CommonJS (see bin/package.json), as is all it runs: Node starts that faster than ES modules.
// The CLI bundle runs with a V8 code cache kept in the user's own cache folder and saved after
// a command's first run, so later runs need not compile it again (dist/code-cache.cjs, from
// src/cli/code-cache.ts, says why Node's own compile cache is not enough).
'use strict';
let cli, cache;
try {
  cli = require.resolve('../dist/cli.cjs');
  cache = require('../dist/code-cache.cjs');
} catch {
  console.error('dutykit: not built yet; run `npm install` (or `npm run build`) in the dutykit folder.');
  process.exit(70);
}
void cache
  .loadBundle(cli, process.argv[2])
  .exports.main(process.argv)
  .then(() => {
    // Only a run that went well makes a cache: an error's path is not the command's usual one.
    if (!process.exitCode) cache.saveCaches();
  });
