// The HTML report in a real browser (Debian's Chromium through puppeteer-core): axe-core at
// WCAG 2.2 AA finds nothing, the page asks for nothing from any address, a reader sees the
// headings and the ratings (in English and Welsh), hostile text makes no element, and the page printed to PDF (A4)
// carries the protective marking on every page. .ci/run installs Chromium; under CI a
// missing browser fails this file instead of skipping it.
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract } from './pdf-extract.js';
import { axe, chromiumPath, launch, open, skipBrowser, type Opened } from './helpers/browser.js';
import { hostileWorld } from './helpers/hostile-fixture.js';
import { dutykit, ROOT } from './helpers.js';
import { tryOpen } from '../src/cli/open.js';
import { renderHtml } from '../src/report/html.js';
import { buildReport } from '../src/report/model.js';

const EXAMPLE = join(ROOT, 'examples', 'northbridge-2025.yaml');
const PREVIOUS = join(ROOT, 'examples', 'northbridge-2024.yaml');
const HEADING = 'PREVENT duty self-assessment: Northbridge Borough Council';
const RATINGS = ['Green', 'Green', 'Green', 'Green', 'Amber', 'Green', 'Amber', 'Red', 'Green', 'Amber'];

/** The built binary's HTML report: the file it wrote. */
function report(file: string, previous: string, ...args: string[]): string {
  const out = mkdtempSync(join(tmpdir(), 'dutykit-browser-'));
  const r = dutykit(['report', file, '--previous', previous, '--format', 'html', '--out', out, ...args], { env: { SOURCE_DATE_EPOCH: '1741737600' } });
  expect(r.status, r.stderr).toBe(0);
  return join(out, readdirSync(out).find((f) => f.endsWith('.html'))!);
}

/** The report in Welsh (or Welsh and English), written by the renderer (as `report --lang cy` will). */
function welsh(audience: 'board' | 'public', langs = ['cy']): string {
  const opened = tryOpen(EXAMPLE).opened!;
  const previous = tryOpen(PREVIOUS).opened!;
  const file = join(mkdtempSync(join(tmpdir(), 'dutykit-browser-')), `${langs.join('-')}-${audience}.html`);
  writeFileSync(file, renderHtml(langs.map((lang) => buildReport(opened.framework, opened.assessment, opened.ratings, { audience, lang, previous }))));
  return file;
}

const EN = { lang: 'en-GB', caption: 'The rating of each benchmark', page: (i: number, n: number): string | RegExp => `Page ${i} of ${n}` };
const CY = { lang: 'cy', caption: 'Sgôr pob meincnod', page: (i: number, n: number): string | RegExp => `Tudalen ${i} o ${n}` };
/** Welsh first, then English: the page's language is Welsh, each part prints its own page words. */
const CY_EN = { lang: 'cy', caption: 'Sgôr pob meincnod', page: (i: number, n: number) => new RegExp(`(Tudalen ${i} o ${n}|Page ${i} of ${n})`) };
/** The example with its three contributions merged: positions not yet settled, evidence by organisation. */
function merged(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'dutykit-browser-')), 'merged.yaml');
  cpSync(EXAMPLE, file);
  const names = ['wessex-police', 'northbridge-nhs-trust', 'probation-service'].map((n) => join(ROOT, 'examples', 'northbridge-2025-contributions', `${n}.yaml`));
  const r = dutykit(['merge', file, ...names]);
  expect(r.status, r.stderr).toBe(0);
  return report(file, PREVIOUS);
}

const w = hostileWorld();
const PAGES = [
  { name: 'the example, board version', file: () => report(EXAMPLE, PREVIOUS), marking: 'OFFICIAL-SENSITIVE', words: EN },
  { name: 'the example, public version', file: () => report(EXAMPLE, PREVIOUS, '--audience', 'public'), marking: 'OFFICIAL', words: EN },
  { name: 'the example in Welsh, board version', file: () => welsh('board'), marking: 'OFFICIAL-SENSITIVE', words: CY },
  { name: 'the example in Welsh, public version', file: () => welsh('public'), marking: 'OFFICIAL', words: CY },
  { name: 'the example in Welsh and English, public version', file: () => welsh('public', ['cy', 'en']), marking: 'OFFICIAL', words: CY_EN },
  { name: 'the example with contributions merged, board version', file: merged, marking: 'OFFICIAL-SENSITIVE', words: EN },
  { name: 'the hostile fixture, board version', file: () => report(w.now, w.old), marking: 'OFFICIAL-SENSITIVE red', words: EN },
  { name: 'the hostile fixture, public version', file: () => report(w.now, w.old, '--audience', 'public'), marking: 'OFFICIAL', words: EN },
];

/** Every element the renderer writes, as the browser parses it. */
const ELEMENTS = 'html head meta title style body header main footer nav section p h1 h2 h3 dl dt dd ol ul li a strong span table caption thead tbody tr th td blockquote br figure figcaption svg g text rect div h4'.split(' ');

/** WCAG contrast of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

// Under CI the browser tests must run: a missing Chromium is a failed test, not a skipped file.
it.runIf(process.env.CI === 'true')('Chromium is there to run the browser tests (CI)', () => {
  expect(chromiumPath, 'Chromium not found: .ci/run installs it (apt-get install -y chromium)').toBeDefined();
});

describe.skipIf(skipBrowser)('the HTML report in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the request blocker sees and refuses what a page asks for (so "none" below means none)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dutykit-browser-')), 'fetching.html');
    writeFileSync(file, '<!DOCTYPE html><html lang="en"><title>t</title><img alt="" src="http://198.51.100.7/x.png"><link rel="stylesheet" href="https://fonts.example/f.css">');
    const { page, blocked } = await open(browser, file);
    expect(blocked.sort()).toEqual(['http://198.51.100.7/x.png', 'https://fonts.example/f.css']);
    await page.close();
  });

  describe.each(PAGES)('$name', ({ name, file, marking, words }) => {
    const hostile = name.includes('hostile');
    const board = name.includes('board');
    let opened: Opened;
    beforeAll(async () => {
      opened = await open(browser, file());
    });
    afterAll(async () => {
      await opened?.page.close();
    });

    it('has no WCAG 2.2 AA violation (axe-core), makes no request and runs no script', async () => {
      const { page, blocked, dialogs } = opened;
      const result = await axe(page);
      expect(result.violations).toEqual([]);
      expect(result.passes).toBeGreaterThan(15);
      expect(blocked).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(await page.evaluate(`[document.documentElement.lang, document.scripts.length, document.querySelectorAll('h1').length]`)).toEqual([words.lang, 0, 1]);
    });

    it('shows the reader the headings and the summary table’s ratings, each a word on a colour at 4.5:1 or more', async () => {
      const { page } = opened;
      // In the page (a string: the test's types know nothing of the DOM).
      const seen = (await page.evaluate(`({
        h1: document.querySelector('h1').textContent,
        h2: [...document.querySelectorAll('main h2')].map((h) => h.textContent),
        caption: document.querySelector('table.summary caption').textContent,
        ratings: [...document.querySelectorAll('table.summary tbody tr td:nth-child(3) .rating')].map((c) => {
          const s = getComputedStyle(c);
          return { word: c.innerText, colour: s.color, background: s.backgroundColor };
        }),
        text: document.body.innerText,
      })`)) as { h1: string; h2: string[]; caption: string; ratings: { word: string; colour: string; background: string }[]; text: string };
      if (words === CY_EN) {
        expect(seen.h1).toBe('Hunanasesiad dyletswydd PREVENT: Northbridge Borough Council / PREVENT duty self-assessment: Northbridge Borough Council');
        expect(seen.h2).toEqual(['Cymraeg', 'English']);
        expect(seen.ratings.map((r) => r.word)).toEqual([...RATINGS, ...RATINGS]);
        const parts = (await page.evaluate(`[...document.querySelectorAll('main > .language')].map((d) => [d.lang, d.querySelector('h3').textContent])`)) as string[][];
        expect(parts).toEqual([
          ['cy', 'Cynnwys'],
          ['en-GB', 'Contents'],
        ]);
      } else if (words === CY) {
        expect(seen.h1).toBe('Hunanasesiad dyletswydd PREVENT: Northbridge Borough Council');
        expect(seen.h2[0]).toBe('Crynodeb');
        expect(seen.h2.slice(-2)).toEqual(['Cynllun gweithredu', 'Cymeradwyaeth']);
        expect(seen.ratings.map((r) => r.word)).toEqual(RATINGS);
        expect(seen.text).toContain(board ? 'Siân Llŷr' : 'Fersiwn gyhoeddus');
        expect(seen.text).toContain('12 Mawrth 2025');
      } else if (name.includes('merged')) {
        expect(seen.h1).toBe(HEADING);
        expect(seen.h2.slice(0, 2)).toEqual(['Summary', 'Positions not yet settled']);
        expect(seen.ratings).toHaveLength(10);
        expect(seen.text).toContain('Wessex Police');
      } else if (!hostile) {
        expect(seen.h1).toBe(HEADING);
        expect(seen.h2).toEqual(['Summary', '1. Local Risk Assessment', '2. Multi Agency Partnership Board', '3. PREVENT Partnership Action Plan', '4. Referral Process', '5. Channel Panel', '6. PREVENT Problem Solving Process', '7. Training Programme', '8. Venue Hire', '9. Community Engagement', '10. Communications', 'Action plan', 'Sign-off']);
        expect(seen.ratings.map((r) => r.word)).toEqual(RATINGS);
        expect(seen.text).toContain(board ? 'Siân Llŷr' : 'Public version: evidence, notes and names are not included.');
        if (!board) expect(seen.text).not.toContain('Siân Llŷr');
      } else {
        // The hostile text is there, as text: shown, not obeyed.
        expect(seen.h1).toContain('<img src=x onerror=alert(1)> | x');
        expect(seen.ratings).toHaveLength(10);
        for (const r of seen.ratings) expect(r.word).toMatch(/^(Green|Amber|Red) red link .*<img src=x onerror=alert\(1\)> \| x$/);
      }
      expect(seen.caption).toBe(words.caption);
      for (const r of seen.ratings) expect(contrast(r.colour, r.background)).toBeGreaterThanOrEqual(4.5);
    });

    it('lets hostile text make no element and no attribute', async () => {
      const { page } = opened;
      const dom = (await page.evaluate(`({
        tags: [...new Set([...document.querySelectorAll('*')].map((e) => e.localName))].sort(),
        handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name).filter((n) => n.startsWith('on'))),
        images: document.images.length,
      })`)) as { tags: string[]; handlers: string[]; images: number };
      expect(dom.tags.filter((t) => !ELEMENTS.includes(t))).toEqual([]);
      expect(dom.tags).not.toContain('img');
      expect(dom.handlers).toEqual([]);
      expect(dom.images).toBe(0);
    });

    it('prints on A4 with the marking at the top and bottom of every page, and "Page i of N"', async () => {
      const { page } = opened;
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
      const { pages } = await extract(pdf);
      expect(pages.length).toBeGreaterThan(hostile ? 5 : 8);
      pages.forEach((p, i) => {
        expect(Math.round(p.width), `page ${i + 1}`).toBe(595);
        expect(Math.round(p.height), `page ${i + 1}`).toBe(842);
        // The marking's first line is drawn near the top and near the bottom of the page.
        const first = marking.split(' ')[0]!;
        const at = p.items.filter((t) => t.str.startsWith(first)).map((t) => t.y);
        expect(at.some((y) => y > p.height - 60), `marking at the top of page ${i + 1}`).toBe(true);
        expect(at.some((y) => y < 60), `marking at the bottom of page ${i + 1}`).toBe(true);
        expect(p.text.replace(/\s+/g, ' '), `page ${i + 1}`).toMatch(words.page(i + 1, pages.length));
      });
      // Each language's pages in its own words: Welsh first, then English.
      if (words === CY_EN) expect(pages.map((p) => (/Tudalen \d+ o/.test(p.text) ? 'cy' : 'en')).filter((x, i, all) => x !== all[i - 1])).toEqual(['cy', 'en']);
    });
  });
});
