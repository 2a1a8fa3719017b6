// The one message catalogue: every word dutykit itself puts in a report or on the terminal.
// The messages are data (src/i18n/messages/<lang>.json, ICU MessageFormat), compiled to
// functions at build time (scripts/compile-messages.mjs), so a language costs no parsing at
// run time. Pure: the CLI chooses the language and passes it in.
import { catalogues, dateFormats, type MessageKey } from './compiled.js';

export type { MessageKey };
export type Params = Record<string, string | number>;

export interface Messages {
  lang: string;
  /** BCP 47 tag for dates, the PDF's /Lang and HTML's lang attribute. */
  locale: string;
  t(key: MessageKey, params?: Params): string;
  /** 2025-03-12 → "12 March 2025", "12 Mawrth 2025": the language's long date, from Node's ICU (read at build time). */
  date(iso: string): string;
}

export const DEFAULT_LANG = 'en';

/** Languages with a catalogue, English first. */
export const LANGS: readonly string[] = Object.keys(catalogues);

const cache = new Map<string, Messages>();

export function messages(lang: string = DEFAULT_LANG): Messages {
  let m = cache.get(lang);
  if (m) return m;
  const own = catalogues[lang];
  if (!own) throw new Error(`no message catalogue for language "${lang}"; have ${LANGS.join(', ')}`);
  const en = catalogues[DEFAULT_LANG]!;
  const locale = own['meta.locale']!();
  const dates = dateFormats[lang]!;
  m = {
    lang,
    locale,
    // A key missing from a language falls back to English; test/i18n.test.ts keeps that from shipping.
    t: (key, params) => (own[key] ?? en[key]!)(params),
    date(iso) {
      const [y, mo, d] = iso.split('-').map(Number) as [number, number, number];
      const field: Record<string, string> = { '{day}': String(d), '{month}': dates.months[mo - 1]!, '{year}': String(y) };
      return dates.parts.map((p) => field[p] ?? p).join('');
    },
  };
  cache.set(lang, m);
  return m;
}

/**
 * `--lang cy,en` → ['cy', 'en'], or why not: the first value that is not a language, an empty
 * entry (`cy,`, `,en`, ``), or a language named twice (`cy,cy`). Tags are read as BCP 47 reads
 * them, whatever their case (`CY` is `cy`), and spaces around the commas are ignored.
 */
export function parseLangs(list: string): { langs: string[] } | { unknown: string } | { empty: true } | { twice: string } {
  const asked = entries(list);
  // Quoted as typed (`cy-GB`, not `cy-gb`): the user looks for what they wrote.
  const unknown = asked.findIndex((l) => l !== '' && !LANGS.includes(l));
  if (unknown >= 0) return { unknown: list.split(',')[unknown]!.trim() };
  if (asked.includes('')) return { empty: true };
  const twice = asked.find((l, i) => asked.indexOf(l) !== i);
  if (twice !== undefined) return { twice };
  return { langs: asked };
}

/** The first language dutykit has in a `--lang` list, read as parseLangs reads it, even when the list names others too. */
export const firstLang = (list: string): string | undefined => entries(list).find((l) => LANGS.includes(l));

const entries = (list: string): string[] => list.split(',').map((l) => l.trim().toLowerCase());
