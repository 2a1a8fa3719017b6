// The only place the clock is read. SOURCE_DATE_EPOCH pins it for reproducible output.
import { usage } from './usage.js';
import { toIso } from '../model/dates.js';

/** 9999-12-31 23:59:59 UTC: the last second whose date is written YYYY-MM-DD, as every date here is. */
const LATEST = 253_402_300_799;

export function now(): Date {
  const pinned = process.env.SOURCE_DATE_EPOCH;
  if (pinned !== undefined && pinned !== '') {
    const shown = pinned.length > 24 ? `${pinned.slice(0, 24)}…` : pinned;
    if (!/^\d+$/.test(pinned)) throw usage`SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${shown}"`;
    // Past the year 9999 a date has no YYYY-MM-DD form (and past 275760 no Date at all).
    if (Number(pinned) > LATEST) throw usage`SOURCE_DATE_EPOCH is ${shown} seconds since 1970, after the year 9999; give at most ${LATEST} (9999-12-31)`;
    return new Date(Number(pinned) * 1000);
  }
  return new Date();
}

export function today(): string {
  return toIso(now());
}

/**
 * Checked before any command runs: a command that reads the clock midway (`assess`, between
 * questions) must not stop there, and every command says the same about a bad value.
 */
export function checkClock(): void {
  now();
}
