#!/usr/bin/env node
// Thin launcher: the CLI is built to dist/ by `npm install` (prepare) or `npm run build`.
// CommonJS (see bin/package.json), as is all it runs: Node starts that faster than ES modules.
// Node 22.1 and later keep the code they compile in their own cache (in the system's temp
// folder, or NODE_COMPILE_CACHE), so a second run need not compile dutykit again; Node 20
// has no such cache and compiles it each time.
'use strict';
let cli;
try {
  cli = require.resolve('../dist/cli.cjs');
} catch {
  console.error('dutykit: not built yet; run `npm install` (or `npm run build`) in the dutykit folder.');
  process.exit(70);
}
require('node:module').enableCompileCache?.();
void require(cli).main(process.argv);
