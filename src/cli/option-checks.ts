// Option values every command refuses alike, before it reads a file: one place, so that a
// command that gains an option gains its check. Called from program.ts's preAction hook,
// after --lang is read, so the refusal is said in the language asked.
import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { attempt } from '../attempt.js';
import { usageError } from './usage.js';

/**
 * An `--out` that names nothing (empty, or only spaces) is refused: `rollup --out ''` printed to
 * stdout as if no --out were given, and `report --out ' '` made a folder named by a space. So is
 * a folder given for a file, and a file name given for a folder.
 */
export function checkOptions(action: Command): void {
  const out: unknown = action.opts().out;
  if (typeof out !== 'string') return;
  const file = (action.options.find((o) => o.long === '--out')?.flags ?? '').includes('<file>');
  if (out.trim() === '') throw usageError('usage.outEmpty', { out, what: file ? 'file' : 'folder' });
  // `rollup --out nd/` was refused as "a file is in the way"; `report --out board.pdf` made a
  // folder of that name. Each is said for what it is (a folder of that name already there is one).
  if (file && namesFolder(out)) throw usageError('usage.outIsFolder', { out });
  if (!file && /\.(pdf|md|html?|json|ya?ml)$/i.test(out) && attempt(() => statSync(out).isDirectory()) !== true) throw usageError('usage.outIsFile', { out });
}

/** A path that can only be a folder: it ends with a slash, or with `.` or `..` as its last part. */
export const namesFolder = (path: string): boolean => /(?:^|[\\/])\.{1,2}$|[\\/]$/.test(path);
