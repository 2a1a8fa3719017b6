// The loader's "not for this kind" warning names the kind by its id (`primary`), the word in the
// file. A reader knows the kind by its label ("Primary school", "Ysgol gynradd"), as reports and
// the roll-up's missing list name it: the warning is said again here with the framework's label
// in the language it is printed in.
import type { Problem } from '../errors.js';
import { DEFAULT_LANG, messages, type Messages } from '../i18n/catalogue.js';
import type { Framework } from '../model/framework-schema.js';
import { translated } from './lang.js';

/** `w` as it is printed in `m` (English when undefined); any other warning as it is. */
export function withKindLabel(w: Problem, fw: Framework, m?: Messages): Problem {
  if (w.says?.key !== 'warning.notForKind') return w;
  const kind = String(w.says.params.kind);
  const en = label(fw, kind);
  const said = m && m.lang !== DEFAULT_LANG ? label(words(fw, m.lang), kind) : en;
  return { ...w, message: messages(DEFAULT_LANG).t('warning.kindNotAsked', { kind: en }), says: { key: 'warning.kindNotAsked', params: { kind: said } } };
}

const label = (fw: Framework, kind: string) => fw.kinds?.find((k) => k.id === kind)?.label ?? kind;

const cache = new Map<string, Framework>();

/**
 * The framework's words in `lang`, read once however many returns warn (a roll-up reads
 * hundreds); a translation that does not load is the command's to report, so English meanwhile.
 */
function words(fw: Framework, lang: string): Framework {
  const key = `${lang}\0${fw.dir}`;
  let w = cache.get(key);
  if (!w) {
    try {
      w = translated(fw, lang)?.framework ?? fw;
    } catch {
      w = fw;
    }
    cache.set(key, w);
  }
  return w;
}
