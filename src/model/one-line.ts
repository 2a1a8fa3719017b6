// Names and references that identify someone: an organisation, a school's URN, a body's name.
// A line break in one forges lines in the terminal (`merge` prints the names it took), and as
// a key in the file (`positions:`) it is written as an explicit `? |-` key that the next edit
// nests wrongly. Refused where the file is read, with the same words everywhere.
import * as z from 'zod';

const CONTROL = /[\p{Cc}\u2028\u2029]/u;

export const ONE_LINE_MESSAGE = 'must be one line of text, without line breaks, tabs or other control characters';

export const isOneLine = (s: string): boolean => !CONTROL.test(s);

/** `schema`, refusing text with a line break or a control character in it. */
export function oneLine<T extends z.ZodType<string>>(schema: T) {
  return schema.refine(isOneLine, { message: ONE_LINE_MESSAGE });
}

/**
 * An organisation's name, which is also a key in the file (`positions:`). Plain objects cannot
 * hold the key `__proto__` (zod's record drops it, and with it that organisation's answers).
 */
export function organisationName<T extends z.ZodType<string>>(schema: T) {
  return oneLine(schema).refine((s) => s !== '__proto__', { message: '"__proto__" cannot be the name of an organisation' });
}
