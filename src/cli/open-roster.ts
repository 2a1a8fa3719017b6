// `--roster`: a module of its own, so that only the commands that take a roster load its schema.
import { InputError } from '../errors.js';
import { loadRoster, type Roster } from '../model/roster.js';
import { BUNDLED_FRAMEWORKS } from './paths.js';

/** The roster in `file`, checked. */
export function openRoster(file: string): Roster {
  const r = loadRoster(file, BUNDLED_FRAMEWORKS);
  if (!r.value) throw new InputError(r.problems);
  return r.value;
}
