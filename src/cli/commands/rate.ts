// `dutykit rate <file>`: the RAG table with reasons.
import { buildReport } from '../../report/model.js';
import { renderRateTable } from '../../report/terminal.js';
import { openAssessment } from '../open.js';
import { out, outJson, painter, terminalWidth, useColour, type GlobalOptions } from '../output.js';
import { langsOption, oneLang, translated } from '../lang.js';
import { messages } from '../../i18n/catalogue.js';

export interface RateOptions extends GlobalOptions {
  lang?: string;
}

export async function runRate(file: string, opts: RateOptions): Promise<void> {
  const langs = langsOption(opts.lang);
  if (opts.json) oneLang(langs, '--json');
  const { framework, assessment, ratings } = openAssessment(file, messages(langs[0]!));
  const models = langs.map((lang) => buildReport(framework, assessment, ratings, { audience: 'board', lang, translation: translated(framework, lang) }));
  const model = models[0]!;
  if (opts.json) {
    const rows = model.benchmarks.map((b) => ({
      number: b.number,
      id: b.id,
      title: b.title,
      rating: b.rating,
      basis: b.ratingBasis,
      computed: b.computed,
      rule: ratings.find((r) => r.benchmark.id === b.id)!.rule,
      reason: b.reason,
      cited: ratings.find((r) => r.benchmark.id === b.id)!.cited,
      ...(b.unsettled && { unsettled: ratings.find((r) => r.benchmark.id === b.id)!.questions.filter((q) => q.resolved.source === 'unsettled').map((q) => q.question.id) }),
      answered: b.answered,
      questions: b.total,
    }));
    outJson({ file, authority: model.authority, period: model.period, date: model.date, counts: model.counts, benchmarks: rows });
    return;
  }
  const paint = await painter(useColour(opts), Object.fromEntries(framework.ratings.map((r) => [r.id, r.colour])));
  // Several languages: each table in turn, in the order asked.
  for (const m of models) out(renderRateTable(m, paint, terminalWidth()));
}
