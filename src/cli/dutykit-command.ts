// How to name dutykit in a hint, the way the user ran it: every command's hints share one rule.
import { basename, relative } from 'node:path';
import { shellQuote } from './assess/text.js';

/**
 * dutykit as the user ran it, for every hint and the resume line (one rule): `dutykit` once
 * linked or installed, else `node <path to bin/dutykit.js>` from here.
 */
export function dutykitCommand(): string {
  const script = process.argv[1] ?? '';
  return basename(script) === 'dutykit.js' ? `node ${shellQuote(relative(process.cwd(), script) || script)}` : 'dutykit';
}
