// Usage errors, failed checks and warnings worded from the catalogue: the English is the
// message, and main.ts says the same entry in the language of the command's --lang.
import { CheckFailed, UsageError } from '../errors.js';
import { messages, type MessageKey, type Params } from '../i18n/catalogue.js';
import { speaking } from './speaking.js';
import { visible, visibleValues } from '../outside.js';

const en = (key: MessageKey, params: Params) => messages('en').t(key, visibleValues(params));

export const usageError = (key: MessageKey, params: Params = {}): UsageError => new UsageError(en(key, params), (m) => m.t(key, visibleValues(params)));

/**
 * A usage error worded here (English only), every value in it made visible: a file name, an
 * option's value or an id with a line break in it can never start a line of its own
 * (`usage\`${file} already exists\``). test/seam-types.test.ts keeps `new UsageError` with
 * values out of the commands.
 */
export function usage(text: TemplateStringsArray, ...values: unknown[]): UsageError {
  return new UsageError(text.reduce((out, part, i) => out + shown(values[i - 1]) + part));
}
const shown = (v: unknown): string => (typeof v === 'string' ? visible(v) : String(v));

/** One line per check that failed, each a catalogue entry. */
export const checkFailed = (lines: { key: MessageKey; params: Params }[]): CheckFailed =>
  new CheckFailed(lines.map((l) => en(l.key, l.params)).join('\n'), (m) => lines.map((l) => m.t(l.key, visibleValues(l.params))).join('\n'));

/** A warning's words in the language the command speaks (English before --lang is read). */
export const warningText = (key: MessageKey, params: Params = {}): string => (speaking() ?? messages('en')).t(key, visibleValues(params));
