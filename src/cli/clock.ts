// The only place the clock is read. SOURCE_DATE_EPOCH pins it for reproducible output.
import { UsageError } from '../errors.js';
import { toIso } from '../model/dates.js';

export function now(): Date {
  const pinned = process.env.SOURCE_DATE_EPOCH;
  if (pinned !== undefined && pinned !== '') {
    if (!/^\d+$/.test(pinned)) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${pinned}"`);
    return new Date(Number(pinned) * 1000);
  }
  return new Date();
}

export function today(): string {
  return toIso(now());
}
