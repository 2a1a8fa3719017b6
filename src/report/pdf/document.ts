// One way to open a PDF for the report and the roll-up alike: A4 with the report's margins,
// PDF 1.7, tagged, with its language and title, DejaVu Sans embedded and laid out plainly,
// the document's metadata made safe for XMP, and the bytes gathered as pdfkit writes them.
import PDFDocument from 'pdfkit';
import { clean } from '../../outside.js';
import { fontFiles, plainLayout, type EmbeddedFont } from './fonts.js';
import { Flow, PAGE, type Doc, type El } from './flow.js';

export interface OpenPdf {
  doc: Doc;
  flow: Flow;
  /** The document's structure root: every tagged element goes under it. */
  root: El;
  /** Close the structure and the document, and return its bytes. */
  finish(): Promise<Uint8Array>;
}

export interface PdfInfo {
  /** BCP 47 tag: the document's /Lang. */
  locale: string;
  title: string;
  author?: string;
  subject?: string;
  /** Written as the creation and modification date (SOURCE_DATE_EPOCH), so the same input gives the same bytes. */
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

export function openPdf(info: PdfInfo): OpenPdf {
  const fonts = fontFiles();
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
    pdfVersion: '1.7',
    bufferPages: true,
    tagged: true,
    lang: info.locale,
    displayTitle: true,
    font: fonts.regular,
    info: {
      Title: metadataText(info.title),
      ...(info.author !== undefined && { Author: metadataText(info.author) }),
      ...(info.subject !== undefined && { Subject: metadataText(info.subject) }),
      Creator: 'dutykit',
      Producer: 'dutykit (PDFKit)',
      CreationDate: info.created,
      ModDate: info.created,
    },
  });
  const chunks: Uint8Array[] = [];
  doc.on('data', (c: Uint8Array) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  for (const file of Object.values(fonts)) plainLayout((doc.font(file) as unknown as { _font: EmbeddedFont })._font);
  escapeXmpInfo(doc);
  const root = doc.struct('Document');
  doc.addStructure(root);
  const flow = new Flow(doc, fonts);
  return {
    doc,
    flow,
    root,
    async finish() {
      root.end();
      doc.end();
      await done;
      return Buffer.concat(chunks);
    },
  };
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
