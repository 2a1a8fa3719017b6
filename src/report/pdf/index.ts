// The board-ready PDF: A4, cover, summary with chart, a section per benchmark, action plan
// and sign-off; tagged for screen readers, with DejaVu Sans embedded. Pure: the creation
// date comes in, bytes go out, and the same model and date give the same bytes.
import PDFDocument from 'pdfkit';
import { clean } from '../../outside.js';
import type { ReportModel } from '../model.js';
import { messages } from '../../i18n/catalogue.js';
import { benchmarkSection } from './benchmark.js';
import { cover } from './cover.js';
import { fontFiles, plainLayout, type EmbeddedFont } from './fonts.js';
import { Flow, PAGE, type Doc } from './flow.js';
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

/**
 * Text for the document's metadata (Info and XMP): cleaned as the body text is, on one line,
 * and only characters XML 1.0 allows (a lone surrogate becomes U+FFFD; U+FFFE, U+FFFF go).
 */
export function metadataText(s: string): string {
  return clean(s)
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[\ufffe\uffff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
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
  const fonts = fontFiles();
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
    pdfVersion: '1.7',
    bufferPages: true,
    tagged: true,
    lang: locale,
    displayTitle: true,
    font: fonts.regular,
    info: {
      Title: pdfTitle(m),
      Author: metadataText(m.authority),
      Subject: metadataText(t('report.pdf.subject', { framework: m.framework.title, period: m.period })),
      Creator: 'dutykit',
      Producer: 'dutykit (PDFKit)',
      CreationDate: opts.created,
      ModDate: opts.created,
    },
  });
  const chunks: Uint8Array[] = [];
  doc.on('data', (c: Uint8Array) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  for (const file of Object.values(fonts)) plainLayout((doc.font(file) as unknown as { _font: EmbeddedFont })._font);

  const docRoot = doc.struct('Document');
  doc.addStructure(docRoot);
  const flow = new Flow(doc, fonts);
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
  escapeXmpInfo(doc);
  docRoot.end();
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/**
 * pdfkit copies Title, Author and Subject into the XMP metadata unescaped, so an authority
 * called "Brighton & Hove" would make it invalid XML. The Info dictionary is written before
 * the XMP, so escaping the values just before that step fixes the XMP and leaves Info as is.
 */
function escapeXmpInfo(doc: Doc): void {
  const d = doc as unknown as { endMetadata(): void; info: Record<string, unknown> };
  const end = d.endMetadata.bind(doc);
  d.endMetadata = () => {
    for (const k of ['Title', 'Author', 'Subject']) {
      const v = d.info[k];
      if (typeof v === 'string') d.info[k] = v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    }
    end();
  };
}
