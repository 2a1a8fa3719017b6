// Hostile text in every user field, through the Markdown report, the terminal table and the PDF.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { tryOpen } from '../src/cli/open.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { buildReport, type Audience, type ReportModel } from '../src/report/model.js';
import { PAGE } from '../src/report/pdf/flow.js';
import { renderPdf } from '../src/report/pdf/index.js';
import { renderRateTable } from '../src/report/terminal.js';
import { clean } from '../src/outside.js';
import { extract, type Extracted } from './pdf-extract.js';
import { dutykit } from './helpers.js';

const LONG_WORD = `https://intranet.example/${'very-long-path-segment/'.repeat(20)}evidence.pdf`;
/** Each kind of hostile text, by name. */
const HOSTILE: Record<string, string> = {
  markdown: '| pipe | # not a heading\n- not a list\n1. nor this\n> nor a quote\n```\n~~~\n---\n===\n    not code\n[a link](http://evil.example) ![img](x) *em* _em_ `code` \\ [^1] - [ ] $x$ **bold**',
  html: '<script>alert(1)</script><img src=x onerror=alert(2)> <!-- open comment </td></tr> &lt;entity&gt; <http://autolink.example> [x](javascript:alert(3))',
  ansi: '\x1b[31mred\x1b[0m \x1b[2J\x1b[H cleared \x1b]8;;http://evil.example\x07a link\x1b]8;;\x07 \x9b31m 8-bit \x07bell\x08',
  bidi: 'invoice \u202egpj.exe\u202c and \u2066isolate\u2069 \u202b embed',
  long: `see ${LONG_WORD} and ${'x'.repeat(300)}`,
  emoji: 'done ✅ 👍🏽 👨‍👩‍👧‍👦 🇬🇧 😀',
  combining: 'Gw\u0302yr, Ynys Mo\u0302n, Z\u0351\u0352a\u0354l\u0356g\u0357o, مَجْلِس بَلَدِيّ, नमस्ते',
};
const ALL = Object.values(HOSTILE).join(' ');

const dir = mkdtempSync(join(tmpdir(), 'dutykit-hostile-'));

function hostileFile(text: string, name: string): string {
  const answer = (a: string) => ({ answer: a, evidence: text, links: [LONG_WORD, text], reviewed: '2025-01-20' });
  const doc = {
    framework: 'home-office-2018',
    authority: text,
    period: text,
    date: '2025-03-12',
    marking: text,
    assessors: [{ name: text, role: text }],
    benchmarks: {
      'venue-hire': {
        answers: {
          'venue-hire-policy': answer('met'),
          'due-diligence': answer('not-met'),
          'external-speakers': { answer: 'n/a', justification: text },
          'it-filtering': answer('met'),
          'booking-staff-trained': answer('partly'),
          'leased-venues-covered': answer('met'),
        },
        rating: 'green',
        rationale: text,
        notes: text,
        actions: [{ action: text, owner: text, due: '2025-01-31', status: 'open' }],
      },
    },
    sign_off: [{ name: text, role: text, date: '2025-03-12' }],
  };
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, stringify(doc));
  return file;
}

function model(text: string, name: string, audience: Audience = 'board'): ReportModel {
  const r = tryOpen(hostileFile(text, name));
  expect(r.problems).toBeUndefined();
  const o = r.opened!;
  return buildReport(o.framework, o.assessment, o.ratings, { audience });
}

/** Block structure, line by line: a paragraph's lines count once. */
function blocks(md: string): string[] {
  const kind = (l: string) =>
    l === '' ? 'blank'
    : /^#{1,6} /.test(l) ? 'heading'
    : l.startsWith('>') ? 'quote'
    : l.startsWith('|') ? 'table'
    : /^(\s*)([-+*]|\d+[.)])(\s|$)/.test(l) ? 'list'
    : /^(```|~~~)/.test(l) ? 'fence'
    : /^ {4}/.test(l) ? 'code' // (a paragraph's next line is not code, however indented: see below)
    : /^(-{3,}|={3,}|\*{3,})\s*$/.test(l) ? 'rule'
    : /^<[a-z!/]/i.test(l) ? 'html'
    : 'paragraph';
  const kinds = md.split('\n').map(kind);
  // An indented line cannot interrupt a paragraph: it continues it (CommonMark 4.4).
  kinds.forEach((k, i) => {
    if (k === 'code' && kinds[i - 1] === 'paragraph') kinds[i] = 'paragraph';
  });
  return kinds.filter((k, i, all) => !(k === 'paragraph' && all[i - 1] === 'paragraph'));
}

/** Characters that are not escaped with a backslash. */
const unescaped = (s: string) => s.replace(/\\./g, '');
const cells = (row: string) => unescaped(row).split('|').length - 2;

/** Terminal columns, measured apart from the renderer: non-spacing marks take none (as wcwidth has it), the rest as string-width has it. */
const columns = (s: string) => stringWidth(s.replace(/[\p{Mn}\p{Me}]/gu, ''));

describe.each(Object.entries(HOSTILE))('%s text in every field', (name, text) => {
  it.each(['board', 'public'] as const)('Markdown (%s) keeps its structure and shows the text as text', (audience) => {
    const md = renderMarkdown(model(text, name, audience));
    expect(blocks(md)).toEqual(blocks(renderMarkdown(model('Plain text', `plain-${name}`, audience))));
    for (const table of md.split(/\n(?!\|)/).filter((b) => b.startsWith('|'))) {
      const rows = table.split('\n');
      expect(new Set(rows.map(cells)), table.slice(0, 300)).toEqual(new Set([cells(rows[0]!)]));
    }
    expect(unescaped(md).replace(/<br>/g, '')).not.toMatch(/</);
    expect(md).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
  });

  it.each([60, 100, 200])('the rate table at %i columns: no escape code from the text, every line the same width', (width) => {
    const out = renderRateTable(model(text, name), (_r, t) => t, width);
    expect(out).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    const table = out.split('\n').filter((l) => /^[┌│├└]/.test(l));
    expect(table.length).toBeGreaterThan(20);
    expect(new Set(table.map(columns)), table.find((l) => columns(l) !== columns(table[0]!))).toEqual(new Set([columns(table[0]!)]));
  });
});

describe('what the text becomes', () => {
  const md = renderMarkdown(model(ALL, 'all'));

  it('HTML and Markdown are escaped, not dropped', () => {
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(md).toContain('\\[a link\\](http://evil.example)');
    expect(md).toContain('\\| pipe \\|');
    expect(md).toContain('\\&lt;entity\\&gt;');
  });

  it('escape codes and direction overrides are removed; the words stay', () => {
    expect(md).toContain('red  cleared a link  8-bit bell');
    expect(md).toContain('invoice gpj.exe and isolate  embed');
  });

  it('emoji, combining marks and right-to-left scripts are kept exactly as written', () => {
    expect(md).toContain(HOSTILE.emoji);
    expect(md).toContain(HOSTILE.combining);
    expect(md).toContain(LONG_WORD);
  });

  it('the public version carries none of the evidence, notes or names', () => {
    const marker = 'EVIDENCE-ONLY-FOR-THE-BOARD';
    const file = hostileFile(ALL, 'public');
    const o = tryOpen(file).opened!;
    const a = o.assessment;
    const b = a.benchmarks['venue-hire']!;
    for (const answer of Object.values(b.answers)) [answer.evidence, answer.justification] = [marker, answer.justification && marker];
    [b.notes, b.rationale] = [marker, marker];
    b.actions[0]!.owner = marker;
    a.assessors[0]!.name = marker;
    a.sign_off[0]!.name = marker;
    const pub = renderMarkdown(buildReport(o.framework, a, o.ratings, { audience: 'public' }));
    expect(pub).not.toContain(marker);
    expect(renderMarkdown(buildReport(o.framework, a, o.ratings, { audience: 'board' }))).toContain(marker);
  });
});

describe('through the built binary', () => {
  const file = hostileFile(ALL, 'binary');

  it('rate: nothing from the file reaches the terminal raw; the table is aligned', () => {
    const r = dutykit(['rate', file], { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(r.status).toBe(0);
    // Colour is on: the only escape codes are the SGR codes round rating words.
    const bare = r.stdout.replace(/\x1b\[[0-9;]*m/g, '');
    expect(bare).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    const table = bare.split('\n').filter((l) => /^[┌│├└]/.test(l));
    expect(new Set(table.map(columns)).size).toBe(1);
  });

  it('report --stdout: Markdown with no escape code in it', () => {
    const r = dutykit(['report', file, '--stdout']);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    expect(r.stdout).toContain('\\<script\\>');
  });
});

describe('through the PDF', () => {
  /** Every drawn piece of text, joined without the line breaks the layout added. */
  const flat = (pdf: Extracted) => pdf.pages.map((p) => p.text).join('\n');
  const squash = (s: string) => s.replace(/\s+/g, '');

  it.each(['markdown', 'html', 'ansi', 'bidi', 'long', 'emoji', 'combining'])('%s text is printed as written, inside the margins', async (name) => {
    const text = HOSTILE[name]!;
    const pdf = await extract(await renderPdf(model(text, `pdf-${name}`), { created: new Date('2025-03-12T09:00:00Z') }));
    const printed = flat(pdf);
    // Nothing raw from a terminal escape or a direction override reaches the document.
    expect(printed).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    // What is left after cleaning is there to the letter (line wrapping aside); a letter the
    // font lacks is printed as its code point, never dropped. Right-to-left runs are left out
    // of this comparison: pdfjs returns them in visual order (see docs/security.md).
    const rtl = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/gu;
    // Format characters (joiners, variation selectors) have no glyph of their own.
    const expected = squash(clean(text).normalize('NFC')).replace(/[\p{Cf}\ufe00-\ufe0f]/gu, '').replace(rtl, '');
    const got = squash(printed.normalize('NFC'))
      .replace(/\[U\+([0-9A-F]{4,6})\]/g, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(rtl, '');
    for (const piece of expected.match(/.{1,24}/gu) ?? []) expect(got).toContain(piece);
    for (const page of pdf.pages) {
      for (const it of page.items) {
        expect(it.x, `${name}: "${it.str}"`).toBeGreaterThanOrEqual(PAGE.left - 0.5);
        expect(it.x + it.width, `${name}: "${it.str}"`).toBeLessThanOrEqual(page.width - PAGE.right + 0.5);
      }
    }
  }, 60_000);
});
