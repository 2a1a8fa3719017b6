// Text helpers shared by the renderers.
import { createHash } from 'node:crypto';

/**
 * Kebab-case slug for file names: "Ynys Môn County Council" → "ynys-mon-county-council". Letters
 * of every script are kept ("مجلس مدينة" stays Arabic), so that councils named in different
 * scripts get different names; when something else had to go (an emoji, a long name cut
 * short) or nothing is left, a short digest of the whole name is added, so that two names
 * never share a file.
 */
// A terminal escape sequence (CSI `ESC [ … m`, OSC `ESC ] … BEL`) is one thing, not letters:
// without this "\x1b[31mEvil" would be named "31mevil".
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x9b[0-?]*[ -/]*[@-~]/g;

export function slug(s: string): string {
  const words = s
    .replace(ESCAPES, ' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const chars = Array.from(words);
  const kept = chars.slice(0, 60).join('').replace(/-+$/, '');
  const dropped = chars.length > 60 || /[^\p{L}\p{M}\p{N}\s.,'’&()/-]/u.test(s.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''));
  if (kept && !dropped) return kept;
  return `${kept || 'authority'}-${digest(s)}`;
}

/** Eight hex digits from the name: enough to tell a council's reports from another's. */
function digest(s: string): string {
  return createHash('sha256').update(s.normalize('NFC')).digest('hex').slice(0, 8);
}
