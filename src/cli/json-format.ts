// The one rule for `--json` across commands: it means JSON on stdout.
import { usageError } from './usage.js';

/**
 * The format to print, for a command that has both `--format` and `--json`: `--json` is
 * `--format json`, and `--json` with any other `--format` is a usage error rather than one
 * silently winning (`diff` once let `--json` win, `report --stdout` let `--format` win).
 */
export function printedFormat<F extends string>(json: boolean | undefined, format: F | undefined, fallback: F): F | 'json' {
  if (!json) return format ?? fallback;
  if (format !== undefined && format !== 'json') {
    throw usageError('usage.jsonFormat', { format });
  }
  return 'json';
}
