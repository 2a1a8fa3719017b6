// `--lang`: which catalogue languages to write in, and each framework in that language.
import { InputError, UsageError } from '../errors.js';
import { DEFAULT_LANG, LANGS, parseLangs } from '../i18n/catalogue.js';
import type { Framework } from '../model/framework-schema.js';
import { loadTranslation } from '../model/load-translation.js';
import { localize, type Localized } from '../model/localize.js';

/** `--lang cy,en` → ['cy', 'en']; English when not given. */
export function langsOption(value: string | undefined): string[] {
  if (value === undefined) return [DEFAULT_LANG];
  const r = parseLangs(value);
  if ('unknown' in r) throw new UsageError(`--lang: unknown language "${r.unknown}"; expected ${LANGS.join(', ')} or a comma list of them (cy,en: Welsh first, then English)`);
  return r.langs;
}

/** Output that is one document (JSON) is in one language. */
export function oneLang(langs: string[], what: string): string {
  if (langs.length > 1) throw new UsageError(`--lang: ${what} is written in one language; give one of ${langs.join(', ')}`);
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
