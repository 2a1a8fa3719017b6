// `--lang`: which catalogue languages to write in, and each framework in that language.
import { InputError } from '../errors.js';
import { DEFAULT_LANG, LANGS, messages, parseLangs } from '../i18n/catalogue.js';
import type { Framework } from '../model/framework-schema.js';
import { loadTranslation } from '../model/load-translation.js';
import { localize, type Localized } from '../model/localize.js';
import { speakIn } from './speaking.js';
import { usageError } from './usage.js';

/** `--lang cy,en` → ['cy', 'en']; English when not given. From here on errors are said in the first. */
export function langsOption(value: string | undefined): string[] {
  if (value === undefined) return [DEFAULT_LANG];
  const r = parseLangs(value);
  // Said in the language of another --lang on the line where one is known (main.ts, askedLang).
  if ('unknown' in r) throw usageError('usage.langUnknown', { lang: r.unknown, langs: LANGS.join(', ') });
  if ('empty' in r) throw usageError('usage.langEmpty', { list: value, whole: value.trim() === '' ? 'yes' : 'no', langs: LANGS.join(', ') });
  if ('twice' in r) throw usageError('usage.langTwice', { list: value, lang: r.twice });
  speakIn(messages(r.langs[0]));
  return r.langs;
}

/** Said before the command runs (program.ts), so that its usage errors follow --lang too; a bad list is the command's to refuse. */
export function speakFirst(value: string): void {
  const r = parseLangs(value);
  if ('langs' in r) speakIn(messages(r.langs[0]!));
}

/** Output that is one document (JSON) is in one language. */
export function oneLang(langs: string[], what: string): string {
  if (langs.length > 1) throw usageError('usage.oneLang', { what, langs: langs.join(', ') });
  return langs[0]!;
}

/** The framework's texts in `lang` (framework.<lang>.yaml), or undefined for English. A bad translation file is an input error. */
export function translated(fw: Framework, lang: string): Localized | undefined {
  if (lang === DEFAULT_LANG) return undefined;
  const tr = loadTranslation(fw, lang);
  if (tr.problems) throw new InputError(tr.problems);
  return localize(fw, tr.value);
}

/** Each framework's words in each language, read once however many returns use it. */
export function frameworkWords(): (fw: Framework, lang: string) => Framework {
  const cache = new Map<string, Framework>();
  return (fw, lang) => {
    const key = `${lang}\0${fw.dir}`;
    let w = cache.get(key);
    if (!w) cache.set(key, (w = translated(fw, lang)?.framework ?? fw));
    return w;
  };
}
