// Names and references that identify someone: an organisation, a school's URN, a body's name.
// A line break in one forges lines in the terminal (`merge` prints the names it took), and as
// a key in the file (`positions:`) it is written as an explicit `? |-` key that the next edit
// nests wrongly. Refused where the file is read, with the same words everywhere.
import * as z from 'zod';
import { english, said, type Said } from './said.js';

/** A refinement's message: the catalogue entry's English, and the entry for the language asked. */
export const saying = (s: Said) => ({ message: english(s), params: { says: s } });

const CONTROL = /[\p{Cc}\u2028\u2029]/u;

export const isOneLine = (s: string): boolean => !CONTROL.test(s);

/** `schema`, refusing text with a line break or a control character in it. */
export function oneLine<T extends z.ZodType<string>>(schema: T) {
  return schema.refine(isOneLine, saying(said('problem.oneLine')));
}

// Characters that show as nothing: zero-width spaces and joiners, soft hyphens, direction marks.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * One organisation however it is written: Unicode compatibility forms (NFKC: NFD from a Mac
 * editor, fullwidth letters), characters that show as nothing, spacing and case (full case
 * folding, so that "Straße" is "STRASSE"). `merge`, `diff` and the file's own check all
 * compare names by this key, so that no two spellings of one body count as two voices.
 */
export const organisationKey = (name: string): string =>
  name.normalize('NFKC').replace(INVISIBLE, '').trim().replace(/\s+/g, ' ').toUpperCase().toLowerCase();

// Letters of other scripts drawn as Latin ones ("Grееn" with Cyrillic е reads as Green).
// Mapped before case is folded: a capital and its small letter may read as different Latin
// letters (Greek Ν reads N, ν reads v). Apostrophes of every shape are one ("Wedi’i", "Wedi'i").
const LOOKALIKE: Record<string, string> = Object.fromEntries(
  [
    ['АВЕКМНОРСТХІЈЅ', 'ABEKMHOPCTXIJS'],
    ['аеорсухіјѕԁһӏԛԝ', 'aeopcyxijsdhlqw'],
    ['ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ', 'ABEZHIKMNOPTYX'],
    ['αεικνορτυχ', 'aeikvoptux'],
    ['ոօսհ', 'nouh'],
    ['’‘ʼ`´', "'''''"],
  ].flatMap(([from, to]) => [...from!].map((c, i) => [c, to![i]!])),
);

/**
 * A word as a reader sees it: however it is encoded (NFKC), with nothing that shows as nothing,
 * in any case, with spaces, hyphens, dashes and underscores not telling words apart, and
 * Cyrillic and Greek letters drawn as Latin ones read as those. Two labels with one reading
 * are one label to the board ("Gre\u200ben" and "Green").
 */
export const readAlike = (word: string): string =>
  organisationKey([...word.normalize('NFKC')].map((c) => LOOKALIKE[c] ?? c).join('')).replace(/[\s_\p{Pd}]+/gu, '');

/**
 * An organisation's name, which is also a key in the file (`positions:`). Plain objects cannot
 * hold the key `__proto__` (zod's record drops it, and with it that organisation's answers).
 */
export function organisationName<T extends z.ZodType<string>>(schema: T) {
  return oneLine(schema)
    .refine((s) => s !== '__proto__', saying(said('problem.protoName')))
    .refine((s) => organisationKey(s) !== '', saying(said('problem.invisibleName')));
}

/** Positions keyed by organisation may not name one body twice ("Wessex Police" and "WESSEX POLICE"). */
export function oneVoiceEach(positions: Record<string, unknown> | null | undefined, ctx: z.RefinementCtx): void {
  const seen = new Map<string, string>();
  for (const name of Object.keys(positions ?? {})) {
    const first = seen.get(organisationKey(name));
    if (first === undefined) seen.set(organisationKey(name), name);
    else ctx.addIssue({ code: 'custom', path: [name], ...saying(said('problem.oneOrganisation', { first, name })) });
  }
}
