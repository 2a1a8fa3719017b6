#!/usr/bin/env node
// Thin launcher: the CLI is built to dist/ by `npm install` (prepare) or `npm run build`.
import('../dist/main.js').catch((e) => {
  if (e && e.code === 'ERR_MODULE_NOT_FOUND' && /dist[\\/]main\.js/.test(String(e.message))) {
    console.error('dutykit: not built yet; run `npm install` (or `npm run build`) in the dutykit folder.');
    process.exit(70);
  }
  throw e;
});
