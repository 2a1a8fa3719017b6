// The board-ready PDF: A4, cover, summary with chart, a section per benchmark, action plan
// and sign-off; tagged for screen readers, with DejaVu Sans embedded. Pure: the creation
// date comes in, bytes go out, and the same model and date give the same bytes.
import type { ReportModel } from '../model.js';
import { messages } from '../../i18n/catalogue.js';
import { benchmarkSection } from './benchmark.js';
import { cover } from './cover.js';
import { metadataText, openPdf } from './document.js';
import { furniture } from './furniture.js';
import { actionPlan, attribution, signOff, untranslated } from './plan.js';
import { summary } from './summary.js';
import { unsettledSection } from './positions.js';

// The roll-up's PDF, in this bundle so that `rollup --format pdf` loads pdfkit the same way.
export { renderRollupPdf } from './rollup.js';

export interface PdfOptions {
  /** Written as the document's creation and modification date (SOURCE_DATE_EPOCH). */
  created: Date;
}

export function pdfTitle(m: ReportModel): string {
  const title = `${m.title}: ${m.authority}, ${m.period}`;
  return metadataText(m.audience === 'public' ? messages(m.lang).t('report.publicTitle', { title }) : title);
}

/** One report, or several languages of it in one document (Welsh first for cy,en), each whole. */
export async function renderPdf(models: ReportModel | ReportModel[], opts: PdfOptions): Promise<Uint8Array> {
  const all = Array.isArray(models) ? models : [models];
  const m = all[0]!;
  const { t, locale } = messages(m.lang);
  const { doc, flow, root: docRoot, finish } = openPdf({
    locale,
    title: pdfTitle(m),
    author: m.authority,
    subject: t('report.pdf.subject', { framework: m.framework.title, period: m.period }),
    created: opts.created,
  });
  const section = (title: string, draw: () => void) => {
    flow.newPage();
    doc.outline.addItem(metadataText(title));
    draw();
  };
  // Each language's pages, remembered so that each page's furniture is in its own language.
  const parts: { m: ReportModel; first: number }[] = [];
  all.forEach((r, i) => {
    if (i > 0) flow.newPage();
    parts.push({ m: r, first: doc.bufferedPageRange().count - 1 });
    const { t, locale: partLocale } = messages(r.lang);
    // In a document of several languages each is a Part with its own /Lang, for screen readers.
    const root = all.length > 1 ? flow.struct(docRoot, 'Part', { lang: partLocale }) : docRoot;
    cover(flow, root, r);
    section(t('report.summary'), () => summary(flow, root, r));
    if (r.unsettled) section(t('report.unsettled.title'), () => unsettledSection(flow, root, r));
    for (const b of r.benchmarks) section(`${b.number}. ${b.title}`, () => benchmarkSection(flow, root, b, r));
    section(t('report.actionPlan'), () => actionPlan(flow, root, r));
    signOff(flow, root, r);
    untranslated(flow, root, r);
    attribution(flow, root, r);
  });
  furniture(flow, (page) => parts.findLast((p) => p.first <= page)!.m);
  return finish();
}
