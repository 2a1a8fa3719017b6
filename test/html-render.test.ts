// The HTML report without a browser: the escape and its template, and the page's structure
// read back by an XML parser (the renderer writes well-formed markup, void elements closed
// with "/>", so saxes can check every element and attribute). test/html-browser.test.ts opens
// the same pages in Chromium.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { tryOpen } from '../src/cli/open.js';
import type { RatedSide } from '../src/diff/types.js';
import { renderHtml } from '../src/report/html.js';
import { cssString, escapeHtml, html, Html, lines, message, trusted } from '../src/report/html/escape.js';
import { messages } from '../src/i18n/catalogue.js';
import { buildReport } from '../src/report/model.js';
import { dutykit, ROOT } from './helpers.js';
import { hostileWorld, RAW } from './helpers/hostile-fixture.js';

describe('escapeHtml and the html template', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['"quoted" & \'single\'', '&quot;quoted&quot; &amp; &#39;single&#39;'],
    ['&amp; stays text', '&amp;amp; stays text'],
    ['</style><script>x</script>', '&lt;/style&gt;&lt;script&gt;x&lt;/script&gt;'],
    ['in\u202evoice \x1b[31mred\x1b[0m \x9b31m', 'invoice red '],
    ['Ynys Môn, Gŵyr, Llŷn, Siân Llŷr', 'Ynys Môn, Gŵyr, Llŷn, Siân Llŷr'],
  ])('%j → %j', (input, want) => {
    expect(escapeHtml(input)).toBe(want);
    expect(html`<p title="${input}">${input}</p>`.text).toBe(`<p title="${want}">${want}</p>`);
  });

  it('passes markup it made, lists of it and numbers; escapes every string', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`${inner}${[inner, trusted('<br/>')]}${3}${undefined}${false}${'<br/>'}`.text).toBe('<b>&lt;i&gt;</b><b>&lt;i&gt;</b><br/>3&lt;br/&gt;');
  });

  it('keeps line breaks as <br/>, each line escaped', () => {
    expect(lines('a <b>\r\nc & d\u2028e').text).toBe('a &lt;b&gt;<br/>c &amp; d<br/>e');
  });

  it('Html cannot be made from a string outside its module', () => {
    expect(() => new Html(Symbol('html') as never, '<script>')).toThrow(/html template only/);
  });

  it('says a catalogue message with its own words and its text arguments escaped, numbers still counted', () => {
    const { t } = messages('cy');
    expect(message(t, 'report.changesSince', { period: '<b>2024/25</b>' }).text).toBe('Newidiadau ers &lt;b&gt;2024/25&lt;/b&gt;');
    expect(message(t, 'report.notApplicable', { justification: html`<br/>${'<i>'}` }).text).toBe('Amherthnasol: <br/>&lt;i&gt;');
    expect(message(t, 'report.answered', { answered: 2, total: 3 }).text).toBe('Atebwyd 2 o&#39;r 3 chwestiwn.');
    // A translation is data too: its own characters are escaped.
    expect(message(() => 'a <b> & {x}', 'report.summary').text).toBe('a &lt;b&gt; &amp; {x}');
  });

  it.each([
    ['OFFICIAL-SENSITIVE', '"OFFICIAL\\2d SENSITIVE"'],
    ['Page ', '"Page "'],
    ['"; } body { display:none } </style><script>', '"\\22 \\3b  \\7d  body \\7b  display\\3a none \\7d  \\3c \\2f style\\3e \\3c script\\3e "'],
    ['a\nb\\c', '"a b\\5c c"'],
    ['Gŵyr 😀', '"G\\175 yr \\1f600 "'],
  ])('cssString(%j) is %s', (input, want) => {
    expect(cssString(input).text).toBe(want);
  });
});

const w = hostileWorld();
function side(file: string): RatedSide {
  const r = tryOpen(file);
  expect(r.problems).toBeUndefined();
  return { ...r.opened!, file };
}

interface Parsed {
  elements: Set<string>;
  attributes: Set<string>;
  text: string;
  count: (name: string) => number;
  headings: number[];
  ids: string[];
}

/** The page through an XML parser: which elements and attributes it has, and its text. */
function parse(page: string): Parsed {
  const parser = new SaxesParser();
  const names: string[] = [];
  const attributes = new Set<string>();
  let text = '';
  const ids: string[] = [];
  parser.on('opentag', (t) => {
    names.push(t.name);
    if (typeof t.attributes.id === 'string') ids.push(t.attributes.id);
    for (const a of Object.keys(t.attributes)) attributes.add(`${t.name}@${a}`);
  });
  parser.on('text', (t) => (text += t));
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(page).close();
  return { elements: new Set(names), attributes, text, count: (n) => names.filter((x) => x === n).length, headings: names.filter((n) => /^h[1-6]$/.test(n)).map((n) => Number(n[1])), ids };
}

/** Every element and attribute the renderer writes; the hostile text must add none. */
const ELEMENTS = 'html head meta title style body header main footer nav section p h1 h2 h3 dl dt dd ol ul li a strong span table caption thead tbody tr th td blockquote br figure figcaption svg g text rect div h4'.split(' ');
const ATTRIBUTES =
  'html@lang meta@charset meta@http-equiv meta@content meta@name section@class section@aria-labelledby p@class h2@id h3@id dl@class dl@aria-label nav@class nav@aria-labelledby a@href span@class ul@class table@class th@scope td@class strong@class figcaption@class svg@xmlns svg@viewBox svg@width svg@height svg@role svg@aria-labelledby title@id g@font-family g@font-size g@font-weight g@fill text@x text@y rect@x rect@y rect@width rect@height rect@fill rect@stroke div@class div@lang a@lang span@lang nav@aria-label h2@class h4@id'.split(
    ' ',
  );

describe.each([
  ['board', () => buildReport(side(w.now).framework, side(w.now).assessment, side(w.now).ratings, { audience: 'board', previous: side(w.old) })],
  ['public', () => buildReport(side(w.now).framework, side(w.now).assessment, side(w.now).ratings, { audience: 'public', previous: side(w.old) })],
  ['Welsh and English public', () => ['cy', 'en'].map((lang) => buildReport(side(w.now).framework, side(w.now).assessment, side(w.now).ratings, { audience: 'public', lang, previous: side(w.old) }))],
])('the %s report from a hostile framework and assessment', (_name, model) => {
  const page = renderHtml(model());
  const p = parse(page);

  it('has only the elements and attributes the renderer writes', () => {
    expect([...p.elements].filter((e) => !ELEMENTS.includes(e))).toEqual([]);
    expect([...p.attributes].filter((a) => !ATTRIBUTES.includes(a))).toEqual([]);
    expect(page).not.toMatch(/<img|<script|<[^>]*\son[a-z]+\s*=/i);
  });

  it('shows the hostile text as text, with no control or reordering character', () => {
    expect(p.text).toContain('<img src=x onerror=alert(1)> | x');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt; | x');
    expect(page).not.toMatch(RAW);
  });

  it('has one h1, headings that never skip a level, one title, and the marking top and bottom', () => {
    expect(p.count('h1')).toBe(1);
    expect(p.count('title')).toBe(1 + p.count('svg')); // the page's and each chart's
    p.headings.forEach((h, i) => expect(h - (p.headings[i - 1] ?? 0)).toBeLessThanOrEqual(1));
    expect(page.match(/<p class="marking">/g)).toHaveLength(2);
    expect(new Set(p.ids).size, 'every id once').toBe(p.ids.length);
  });
});

describe('report --format html, the built binary', () => {
  const example = join(ROOT, 'examples', 'northbridge-2025.yaml');
  const env = { SOURCE_DATE_EPOCH: '1741737600' };

  it('writes the same bytes every time, beside the other formats it was asked for', () => {
    const runs = [0, 1].map(() => {
      const out = mkdtempSync(join(tmpdir(), 'dutykit-html-'));
      const r = dutykit(['report', example, '--previous', join(ROOT, 'examples', 'northbridge-2024.yaml'), '--format', 'html,md', '--out', out], { env });
      expect(r.status, r.stderr).toBe(0);
      expect(readdirSync(out).sort()).toEqual(['2025-03-12-northbridge-borough-council-prevent-self-assessment.html', '2025-03-12-northbridge-borough-council-prevent-self-assessment.md']);
      return readFileSync(join(out, '2025-03-12-northbridge-borough-council-prevent-self-assessment.html'));
    });
    expect(runs[0]!.equals(runs[1]!)).toBe(true);
    expect(runs[0]!.toString('utf8')).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
  });

  it('prints it with --stdout, the public version as the file would be', () => {
    const r = dutykit(['report', example, '--format', 'html', '--stdout', '--audience', 'public'], { env });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const p = parse(r.stdout);
    expect(p.text).toContain('Public version: evidence, notes and names are not included.');
    expect(p.text).not.toContain('Priya Raman');
    expect(r.stdout).toContain('<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;');
  });

  it('names a contribution and who made it, as the Markdown does (the public version: the organisation only)', () => {
    const file = join(ROOT, 'examples', 'northbridge-2025-contributions', 'wessex-police.yaml');
    const board = dutykit(['report', file, '--format', 'html', '--stdout']);
    expect(board.status, board.stderr).toBe(0);
    expect(board.stdout).toContain('<dt>Contribution from</dt><dd>Wessex Police (DS Tom Okafor, Prevent Engagement Officer)</dd>');
    const pub = dutykit(['report', file, '--format', 'html', '--stdout', '--audience', 'public']);
    expect(pub.stdout).toContain('<dt>Contribution from</dt><dd>Wessex Police</dd>');
    expect(pub.stdout).not.toContain('Okafor');
  });

  it('names html among the formats when given one it does not know', () => {
    const r = dutykit(['report', example, '--format', 'htm', '--stdout']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('expected md, json, pdf or html');
  });
});
