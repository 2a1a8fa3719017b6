// Reads a PDF back the way a reader or a screen reader would, through pdfjs-dist: the text
// on each page with its position, the document info and the tag tree. Nothing from apt.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface TextItem {
  str: string;
  /** Baseline origin and font size in PDF points, origin bottom left. */
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface StructNode {
  role?: string;
  alt?: string;
  children?: (StructNode | { type: string; id?: string })[];
}

export interface ExtractedPage {
  width: number;
  height: number;
  items: TextItem[];
  /** The page's text, one line per drawn line. */
  text: string;
  tags: StructNode | null;
}

export interface Extracted {
  pages: ExtractedPage[];
  info: Record<string, unknown>;
  marked: boolean;
  /** Bookmark titles, in order. */
  outline: string[];
}

export async function extract(bytes: Uint8Array): Promise<Extracted> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true }).promise;
  const pages: ExtractedPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items: TextItem[] = [];
    for (const it of content.items) {
      if (!('str' in it) || !it.str.trim()) continue;
      const [a, , , , x, y] = it.transform as number[];
      items.push({ str: it.str, x: x!, y: y!, width: it.width, size: Math.abs(a!) });
    }
    pages.push({ width, height, items, text: items.map((i) => i.str).join('\n'), tags: (await page.getStructTree()) as StructNode | null });
  }
  const meta = await doc.getMetadata();
  const markInfo = await doc.getMarkInfo();
  const outline = ((await doc.getOutline()) ?? []).map((o) => o.title);
  await doc.destroy();
  return { pages, info: meta.info as Record<string, unknown>, marked: markInfo?.Marked === true, outline };
}

/** Every tag role under a node, depth first, with the alternative text where there is one. */
export function roles(node: StructNode | null): { role: string; alt?: string }[] {
  if (!node) return [];
  const out: { role: string; alt?: string }[] = [];
  const walk = (n: StructNode) => {
    if (n.role) out.push(n.alt ? { role: n.role, alt: n.alt } : { role: n.role });
    for (const c of n.children ?? []) if ('role' in c || 'children' in c) walk(c as StructNode);
  };
  walk(node);
  return out;
}
