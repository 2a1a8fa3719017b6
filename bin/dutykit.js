#!/usr/bin/env node
// Thin launcher: the CLI is built to dist/ by `npm install` (prepare) or `npm run build`.
// CommonJS (see bin/package.json), as is all it runs: Node starts that faster than ES modules.
'use strict';
let launch;
try {
  launch = require.resolve('../dist/launch.cjs');
} catch {
  console.error('dutykit: not built yet; run `npm install` (or `npm run build`) in the dutykit folder.');
  process.exit(70);
}
require(launch);
