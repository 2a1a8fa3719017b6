// What a sign-off signed: a digest of the assessment as it stood, kept with the sign-off
// (`signed: sha256:…`). Any later change to what it covers, by `assess` or by hand, makes the
// digest differ, and the sign-off is then out of date until it is given again.
import { createHash } from 'node:crypto';
import type { Assessment } from './assessment.js';

/** The digest of everything a sign-off covers: the whole assessment but its sign-offs. */
export function signedDigest(a: Assessment): string {
  const { sign_off: _, framework_version: __, ...covered } = a;
  return `sha256:${createHash('sha256').update(canonical(covered)).digest('hex').slice(0, 32)}`;
}

/** JSON with keys sorted and empty values dropped, so that layout, quotes and order do not count. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const keys = Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}
