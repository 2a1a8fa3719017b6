// Option values every command refuses alike, before it reads a file: one place, so that a
// command that gains an option gains its check. Called from program.ts's preAction hook,
// after --lang is read, so the refusal is said in the language asked.
import type { Command } from 'commander';
import { usageError } from './usage.js';

/**
 * An `--out` that names nothing (empty, or only spaces) is refused: `rollup --out ''` printed to
 * stdout as if no --out were given, and `report --out ' '` made a folder named by a space.
 */
export function checkOptions(action: Command): void {
  const out: unknown = action.opts().out;
  if (typeof out !== 'string' || out.trim() !== '') return;
  const flags = action.options.find((o) => o.long === '--out')?.flags ?? '';
  throw usageError('usage.outEmpty', { out, what: flags.includes('<file>') ? 'file' : 'folder' });
}
