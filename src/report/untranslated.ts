// "Not yet translated": the framework's texts a report shows in English for want of a
// translation, one line per benchmark, so nothing is silently half-translated.
import type { Messages } from '../i18n/catalogue.js';
import type { Framework } from '../model/framework-schema.js';
import type { Untranslated } from '../model/localize.js';

function part(u: Untranslated, { t }: Messages): string {
  switch (u.field) {
    case 'rating':
    case 'answer':
    case 'phrase':
    case 'rule':
    case 'kind':
      return t(`untranslated.${u.field}`, { id: u.id ?? '' });
    default:
      return t(`untranslated.${u.field}`);
  }
}

/** Lines in the report's language: "The framework: licence, attribution", "8. Venue Hire: statement; 4 of 6 questions". */
export function untranslatedLines(fw: Framework, list: Untranslated[], l: Messages): string[] {
  const lines: string[] = [];
  const own = list.filter((u) => !u.benchmark);
  if (own.length) lines.push(l.t('untranslated.framework', { parts: own.map((u) => part(u, l)).join(', ') }));
  for (const b of fw.benchmarks) {
    const mine = list.filter((u) => u.benchmark === b.id);
    if (!mine.length) continue;
    const parts = mine.filter((u) => !u.question).map((u) => part(u, l));
    // Titles are printed in every report; texts only in the JSON: counted apart, so a reader sees which.
    for (const [field, key] of [['title', 'untranslated.questionTitles'], ['text', 'untranslated.questionTexts']] as const) {
      const count = mine.filter((u) => u.question && u.field === field).length;
      if (count) parts.push(l.t(key, { count, total: b.questions.length }));
    }
    lines.push(`${b.number}. ${b.title}: ${parts.join(', ')}`);
  }
  return lines;
}
