// The PDF report read back as text, positions and tags (pdfjs-dist), never as compressed bytes.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openAssessment } from '../src/cli/open.js';
import { buildReport, type Audience, type ReportModel } from '../src/report/model.js';
import { PAGE } from '../src/report/pdf/flow.js';
import { renderPdf } from '../src/report/pdf/index.js';
import { ROOT } from './helpers.js';
import { extract, roles, type Extracted, type ExtractedPage } from './pdf-extract.js';

const CREATED = new Date('2025-03-12T09:00:00Z');
const EXAMPLE = join(ROOT, 'examples', 'northbridge-2025.yaml');
const LONG = join(ROOT, 'test', 'fixtures', 'pdf', 'long-evidence.yaml');

function model(file: string, audience: Audience = 'board', previous?: string): ReportModel {
  const o = openAssessment(file);
  const p = previous ? openAssessment(previous) : undefined;
  return buildReport(o.framework, o.assessment, o.ratings, {
    audience,
    previous: p && { assessment: p.assessment, framework: p.framework, ratings: p.ratings },
  });
}

interface Rendered {
  m: ReportModel;
  bytes: Uint8Array;
  pdf: Extracted;
}

const cache = new Map<string, Promise<Rendered>>();

/** Rendering is the slow part: each file and audience is rendered once for the whole file. */
function render(file: string, audience: Audience = 'board'): Promise<Rendered> {
  const key = `${file}:${audience}`;
  if (!cache.has(key)) {
    const m = model(file, audience);
    cache.set(key, renderPdf(m, { created: CREATED }).then(async (bytes) => ({ m, bytes, pdf: await extract(bytes) })));
  }
  return cache.get(key)!;
}

const all = (pdf: Extracted) => pdf.pages.map((p) => p.text).join('\n');

/** Header and footer lines: the only text allowed outside the text block. */
const isFurniture = (m: ReportModel, s: string) => s === m.marking || /^Page \d+ of \d+$/.test(s) || s.startsWith(`${m.authority} · `);

function layoutProblems(m: ReportModel, page: ExtractedPage, n: number): string[] {
  const problems: string[] = [];
  for (const it of page.items) {
    const where = `page ${n}: "${it.str.slice(0, 40)}" at (${it.x.toFixed(1)}, ${it.y.toFixed(1)})`;
    if (it.x < PAGE.left - 0.5 || it.x + it.width > page.width - PAGE.right + 0.5) problems.push(`${where} runs outside the side margins`);
    // Glyphs reach about 0.93 em above the baseline and 0.24 em below it (DejaVu Sans).
    const top = page.height - (it.y + 0.93 * it.size);
    const bottom = page.height - (it.y - 0.24 * it.size);
    if (top < 0 || bottom > page.height) problems.push(`${where} is off the page`);
    else if (!isFurniture(m, it.str) && (top < PAGE.top - 0.5 || bottom > page.height - PAGE.bottom + 0.5)) {
      problems.push(`${where} is in the header or footer area`);
    }
  }
  // Text of one cell running into the next shows as two items on one line that overlap.
  const items = [...page.items].sort((a, b) => b.y - a.y || a.x - b.x);
  items.forEach((a, i) => {
    for (const b of items.slice(i + 1)) {
      if (Math.abs(a.y - b.y) > 0.5 * Math.min(a.size, b.size)) break;
      if (a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5) problems.push(`page ${n}: "${a.str.slice(0, 30)}" overlaps "${b.str.slice(0, 30)}"`);
    }
  });
  return problems;
}

describe.each([
  ['the example', EXAMPLE, 17],
  ['40 actions and long evidence', LONG, 29],
])('PDF of %s', (_name, file, pages) => {
  let r: Rendered;
  beforeAll(async () => {
    r = await render(file);
  });

  it(`is A4, ${pages} pages, tagged, with title and language`, () => {
    expect(r.pdf.pages).toHaveLength(pages);
    for (const p of r.pdf.pages) expect([p.width, p.height]).toEqual([PAGE.width, PAGE.height]);
    expect(r.pdf.marked).toBe(true);
    expect(r.pdf.info.Title).toBe(`PREVENT duty self-assessment: ${r.m.authority}, 2024/25`);
    expect(r.pdf.info.Language).toBe('en-GB');
    expect(r.pdf.info.CreationDate).toBe('D:20250312090000Z');
    expect(r.pdf.info.ModDate).toBe('D:20250312090000Z');
  });

  it('has the marking at top and bottom, the authority and period, and "Page i of N" on every page', () => {
    r.pdf.pages.forEach((p, i) => {
      const strs = p.items.map((x) => x.str);
      const marks = p.items.filter((x) => x.str === r.m.marking);
      expect(marks.length, `page ${i + 1}`).toBeGreaterThanOrEqual(2);
      expect(Math.max(...marks.map((x) => x.y))).toBeGreaterThan(p.height - PAGE.top);
      expect(Math.min(...marks.map((x) => x.y))).toBeLessThan(PAGE.bottom);
      expect(strs).toContain(`Page ${i + 1} of ${pages}`);
      expect(strs).toContain(`${r.m.authority} · PREVENT duty self-assessment 2024/25`);
    });
  });

  it('puts no text outside the page or into the margins', () => {
    expect(r.pdf.pages.flatMap((p, i) => layoutProblems(r.m, p, i + 1))).toEqual([]);
  });

  it('shows every benchmark on the summary page, its rating word on the same row as its title', () => {
    const summary = r.pdf.pages[1]!;
    expect(summary.items[0]!.str).toBe('Summary');
    for (const b of r.m.benchmarks) {
      const title = summary.items.find((x) => x.str === b.title);
      expect(title, b.title).toBeDefined();
      const sameRow = summary.items.filter((x) => Math.abs(x.y - title!.y) < 0.5).map((x) => x.str);
      expect(sameRow).toEqual([String(b.number), b.title, b.ratingLabel, b.ratingBasis === 'agreed' ? 'Agreed' : 'Computed']);
    }
    const counts = r.m.ratings.map((x) => `${r.m.counts[x.id] ?? 0} ${x.label}`).reverse();
    expect(summary.text).toContain(`Ratings: ${counts.join(' · ')} · 0 Not yet rated`);
  });

  it('tags the summary table with header cells and the chart as a figure with alternative text', () => {
    const tags = roles(r.pdf.pages[1]!.tags);
    const names = tags.map((t) => t.role);
    for (const role of ['Document', 'Sect', 'H2', 'Table', 'TR', 'TH', 'TD', 'P']) expect(names).toContain(role);
    expect(names.filter((x) => x === 'TH')).toHaveLength(4);
    expect(names.filter((x) => x === 'TR')).toHaveLength(r.m.benchmarks.length + 1);
    const figure = tags.find((t) => t.role === 'Figure');
    expect(figure?.alt).toMatch(/^Bar chart\. Ratings across the 10 benchmarks: Green \d+, Amber \d+, Red \d+, Not yet rated 0\.$/);
    expect(roles(r.pdf.pages[0]!.tags).map((t) => t.role)).toContain('H1');
  });

  it('has every benchmark section, every action and every sign-off', () => {
    const text = all(r.pdf);
    for (const b of r.m.benchmarks) expect(text).toContain(`${b.number}. ${b.title}`);
    const heads = r.pdf.pages.flatMap((p) => p.items.filter((x) => x.size === 16).map((x) => x.str));
    const sections = ['Summary', ...r.m.benchmarks.map((b) => `${b.number}. ${b.title}`), 'Action plan', 'Sign-off'];
    expect(heads).toEqual(sections);
    expect(r.pdf.outline).toEqual(sections);
    for (const a of r.m.actions) expect(text.replace(/\n/g, ' ')).toContain(a.action);
    for (const s of r.m.signOff) expect(text).toContain(s.name!);
    const overdue = r.m.actions.filter((a) => a.overdue).length;
    expect(overdue).toBeGreaterThan(0);
    // Each overdue action is marked in its own table and again in the action plan.
    expect(text.split('\n').filter((x) => x === 'Overdue')).toHaveLength(2 * overdue);
  });
});

describe('PDF text', () => {
  it('repeats the table header on the page a long table continues onto', async () => {
    const { pdf } = await render(LONG);
    const continued = pdf.pages.filter((p) => p.items.find((x) => x.str === 'Question') && !p.items.find((x) => x.size === 16));
    expect(continued.length).toBeGreaterThan(0);
    for (const p of continued) {
      const body = p.items.filter((x) => x.y < p.height - PAGE.top);
      expect(body.slice(0, 3).map((x) => x.str)).toEqual(['Question', 'Answer', 'Evidence']);
    }
    const planPages = pdf.pages.filter((p) => p.text.includes('Action 2'));
    expect(planPages.length).toBeGreaterThan(2);
  });

  it('prints Welsh names as written', async () => {
    const { pdf } = await render(LONG);
    const text = all(pdf);
    for (const name of ['Ynys Môn', 'Gŵyr', 'Llŷn', 'Siân Llŷr', 'Gwenllïan ap Dafydd']) expect(text).toContain(name);
    const ex = all((await render(EXAMPLE)).pdf);
    expect(ex.replace(/\n/g, ' ')).toContain('Siân Llŷr (Police Prevent Engagement Officer)');
  });

  it('escapes the title in the XMP metadata', async () => {
    const m = { ...model(EXAMPLE), authority: 'Brighton & Hove <City> Council' };
    const raw = Buffer.from(await renderPdf(m, { created: CREATED })).toString('latin1');
    expect(raw).toContain('<rdf:li xml:lang="x-default">PREVENT duty self-assessment: Brighton &amp; Hove &lt;City&gt; Council, 2024/25</rdf:li>');
    expect((await extract(await renderPdf(m, { created: CREATED }))).info.Title).toBe('PREVENT duty self-assessment: Brighton & Hove <City> Council, 2024/25');
  });

  it('prints a letter the font lacks as its code point rather than dropping it', async () => {
    const base = model(EXAMPLE);
    const m = { ...base, assessors: [{ name: 'Hana 東京', role: 'Adviser' }, ...base.assessors] };
    const cover = (await extract(await renderPdf(m, { created: CREATED }))).pages[0]!.text.replace(/\n/g, ' ');
    expect(cover).toContain('Hana [U+6771][U+4EAC] (Adviser)');
  });

  it('is byte-identical for the same model and date, and differs only with the date', async () => {
    const m = model(EXAMPLE);
    const [a, b] = [await renderPdf(m, { created: CREATED }), await renderPdf(m, { created: CREATED })];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const later = await renderPdf(m, { created: new Date('2026-01-01T00:00:00Z') });
    expect(Buffer.from(later).equals(Buffer.from(a))).toBe(false);
  });

  it('adds the change since the previous assessment when given one', async () => {
    const m = model(EXAMPLE, 'board', join(ROOT, 'examples', 'northbridge-2024.yaml'));
    const pdf = await extract(await renderPdf(m, { created: CREATED }));
    const summary = pdf.pages[1]!;
    expect(summary.items.map((x) => x.str)).toContain('Change');
    expect(summary.text).toContain('Amber → Green (improved)');
    expect(all(pdf)).toContain(`Changes since ${m.previous!.period}`);
  });
});

describe('public version', () => {
  let board: Rendered;
  let pub: Rendered;
  beforeAll(async () => {
    [board, pub] = await Promise.all([render(LONG, 'board'), render(LONG, 'public')]);
  });

  it('says so on the cover and in the title', () => {
    expect(pub.pdf.pages[0]!.text).toContain('Public version: evidence, notes and names are not included.');
    expect(board.pdf.pages[0]!.text).not.toContain('Public version');
    expect(pub.pdf.info.Title).toMatch(/\(public version\)$/);
  });

  it('contains none of the redacted strings, and keeps ratings, reasons, actions and roles', () => {
    const text = all(pub.pdf).replace(/\n/g, ' ');
    const src = board.m;
    const redacted = [
      'Evidence paragraph',
      'internal note',
      'very-long-path-segment',
      'Reviewed 28 November 2024',
      'Gwenllïan ap Dafydd',
      'Siân Llŷr',
      'Dafydd Gŵyr',
      'Swyddog Ymgysylltu',
      'Owner 1 ',
      'rumour-control messages',
      'Not applicable:',
    ];
    // Each is really in the board version, so the check can fail.
    const boardText = all(board.pdf).replace(/\n/g, ' ');
    for (const s of redacted) expect(boardText, s).toContain(s);
    for (const s of redacted) expect(text, s).not.toContain(s);
    for (const b of src.benchmarks) expect(text).toContain(b.ratingLabel);
    expect(text).toContain('Action 1: Review the venue-hire due-diligence step');
    expect(text).toContain('Chair of the Prevent Board');
    expect(text).toContain(pub.m.benchmarks[0]!.reason);
  });
});
