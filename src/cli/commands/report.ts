// `dutykit report <file>`: the dated report files, or one on stdout.
import { join } from 'node:path';
import { usageError, warningText } from '../usage.js';
import { writeFilesAtomic } from '../../model/atomic-set.js';
import { buildReport, type Audience, type ReportModel } from '../../report/model.js';
import { renderMarkdown } from '../../report/markdown.js';
import { slug } from '../../report/text.js';
import { openAssessment } from '../open.js';
import { printedFormat } from '../json-format.js';
import { exact, jsonText, message, term, type Term } from '../../outside.js';
import { err, out, outBytes, outJson, type GlobalOptions } from '../output.js';
import { langsOption, translated } from '../lang.js';
import { DEFAULT_LANG, messages } from '../../i18n/catalogue.js';

export interface ReportOptions extends GlobalOptions {
  format?: string;
  out: string;
  stdout?: boolean;
  previous?: string;
  audience: Audience;
  lang?: string;
}

const FORMATS = ['md', 'json', 'pdf', 'html'] as const;
type Format = (typeof FORMATS)[number];

function formats(list: string): Format[] {
  const asked = list.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  for (const f of asked) {
    if (!(FORMATS as readonly string[]).includes(f)) throw usageError('usage.reportFormat', { format: f });
  }
  if (!asked.length) throw usageError('usage.reportNoFormat');
  return [...new Set(asked)] as Format[];
}

/** One report, or a bilingual one: each language in full, in the order asked (Welsh first for cy,en). */
async function render(models: ReportModel[], f: Format): Promise<Term | Uint8Array> {
  if (f === 'md') return models.map((m) => renderMarkdown(m)).reduce((all, next) => term`${all}\n${next}`);
  if (f === 'json') return term`${jsonText(models.length === 1 ? models[0] : { schema: 'dutykit/reports@1', languages: models.map((m) => m.lang), reports: models })}\n`;
  // Several languages make one page, a part per language, Welsh first for cy,en.
  if (f === 'html') return (await import('../../report/html.js')).renderHtml(models);
  // pdfkit is most of the cost of a PDF: only the pdf format loads it.
  const [{ renderPdf }, { now }] = await Promise.all([import('../pdf-renderer.js').then((r) => r.pdfRenderer()), import('../clock.js')]);
  return renderPdf(models, { created: now() });
}

/** English keeps the plain name; other languages add theirs, so that both can sit in one folder. */
export function reportFileName(m: ReportModel, f: Format, langs: string[] = [m.lang]): string {
  const who = m.audience === 'public' ? '-public' : '';
  const from = m.contributor ? `-contribution-${slug(m.contributor.organisation)}` : '';
  const lang = langs.length === 1 && langs[0] === DEFAULT_LANG ? '' : `-${langs.join('-')}`;
  return `${m.date}-${slug(m.authority)}-prevent-self-assessment${from}${who}${lang}.${f}`;
}

export async function runReport(file: string, opts: ReportOptions): Promise<void> {
  // --json means JSON on stdout: with --stdout that is the report itself, else the list of files written.
  const fmts = formats(opts.stdout ? printedFormat(opts.json, opts.format, 'md') : (opts.format ?? 'md'));
  const langs = langsOption(opts.lang);
  if (opts.stdout && fmts.length > 1) throw usageError('usage.stdoutOneFormat');
  // A PDF is bytes: on a terminal they would be garbage, and some of them control sequences.
  if (opts.stdout && fmts[0] === 'pdf' && process.stdout.isTTY) {
    throw usageError('usage.stdoutPdf');
  }
  const m = messages(langs[0]!);
  const { framework, assessment, ratings } = openAssessment(file, m);
  const previous = opts.previous ? openAssessment(opts.previous, m) : undefined;
  if (previous && previous.assessment.date >= assessment.date) {
    const said = m.t('warning.previousNotEarlier', { previousDate: previous.assessment.date, file, date: assessment.date });
    err(message(`${opts.previous}: ${said}`)); // the names in it shown exactly, controls made visible
  }
  const models = langs.map((lang) =>
    buildReport(framework, assessment, ratings, {
      audience: opts.audience,
      lang,
      translation: translated(framework, lang),
      previous: previous && { assessment: previous.assessment, framework: previous.framework, ratings: previous.ratings, words: translated(previous.framework, lang)?.framework },
    }),
  );
  const rendered = await Promise.all(fmts.map(async (f) => [f, await render(models, f)] as const));
  if (opts.stdout) {
    const body = rendered[0]![1];
    if (typeof body === 'string') out(body);
    else outBytes(body);
    return;
  }
  // All the formats asked for, or (when one cannot be written) none of them.
  const files = rendered.map(([f, data]) => ({ file: join(opts.out, reportFileName(models[0]!, f, langs)), data }));
  writeFilesAtomic(files);
  const written = files.map((f) => f.file);
  if (opts.json) outJson({ written });
  else for (const p of written) err(message(warningText('output.wrote', { file: exact(p) })));
}
