// The report's one stylesheet, written into the page (no file or font is fetched). On screen:
// a readable column. In print: A4, the protective marking in the top and bottom margin of
// every page and "Page i of N", through CSS page margin boxes (Chromium prints them; the
// marking is a CSS string there, so it goes through cssString, not the HTML escape).
import type { ReportModel } from '../model.js';
import { swatch } from '../pdf/colour.js';
import { cssString, trusted, type Html } from './escape.js';
import type { Messages } from '../../i18n/catalogue.js';

const BASE = `
*,*::before,*::after{box-sizing:border-box}
main>section:first-child,.language>section:first-of-type{break-before:page}
.language-name{font-size:1.6rem;border-top:4px solid #1a1a1a}
.language h3{font-size:1.45rem;line-height:1.25;margin:2.5rem 0 .75rem;padding-top:.75rem;border-top:2px solid #1a1a1a}
.language h4{font-size:1.15rem;margin:1.5rem 0 .5rem}
.languages ul{list-style:none;padding:0;display:flex;gap:1.5rem;font-weight:700}
html{color:#1a1a1a;background:#fff;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"DejaVu Sans",sans-serif}
body{margin:0 auto;max-width:60rem;padding:1rem 1.25rem 2rem}
h1{font-size:1.9rem;line-height:1.2;margin:1rem 0 .25rem}
h2{font-size:1.45rem;line-height:1.25;margin:2.5rem 0 .75rem;padding-top:.75rem;border-top:2px solid #1a1a1a}
h3{font-size:1.15rem;margin:1.5rem 0 .5rem}
a{color:#1d4f91}
a:focus{outline:3px solid #1a1a1a;outline-offset:2px;background:#ffdd00;color:#0b0c0c}
.marking{margin:0;padding:.35rem .5rem;border:2px solid #1a1a1a;text-align:center;font-weight:700;letter-spacing:.04em}
.subtitle{margin:0 0 1rem;font-size:1.2rem;color:#474747}
.notice{padding:.6rem .8rem;border-left:6px solid #1a1a1a;background:#f3f2f1;font-weight:700}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1.5rem;margin:1rem 0}
.facts dt{font-weight:700}
.facts dd{margin:0}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.95rem}
caption{text-align:left;font-weight:700;padding:.25rem 0;color:#474747}
th,td{text-align:left;vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid #b1b4b6;overflow-wrap:break-word}
td.long{overflow-wrap:anywhere}
.contents ol{list-style:none;padding-left:0}
thead th{border-bottom:2px solid #1a1a1a}
.num{width:2.5rem}
.rating{display:inline-block;padding:.05rem .45rem;border:1px solid #1a1a1a;border-radius:3px;font-weight:700;white-space:nowrap}
.overdue{color:#a4161a;font-weight:700}
blockquote{margin:0 0 1rem;padding:.1rem 0 .1rem 1rem;border-left:4px solid #b1b4b6}
.basis{color:#474747;font-size:.9rem}
.counts{font-weight:700}
figure{margin:1rem 0}
figure svg{max-width:36rem;width:100%;height:auto}
ul.changes>li{margin-bottom:.5rem}
.attribution{font-size:.85rem;color:#474747;margin-top:2rem}
@media print{
  html{font-size:10.5pt}
  body{max-width:none;padding:0}
  h2{break-after:avoid;page-break-after:avoid}
  h3,h4{break-after:avoid}
  tr,blockquote,figure{break-inside:avoid}
  .benchmark{break-before:page}
  a{color:inherit;text-decoration:none}
  .rating,.notice{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;

/** Rating colours: the framework's fill, and black or white text, whichever reads at 4.5:1 or more. */
function ratingRules(m: ReportModel): string {
  const ids = [...m.ratings.map((r) => r.id), 'unrated'];
  return ids
    .map((id, i) => {
      const s = swatch(m, id, id);
      return `.rating-${i}{background:${s.fill};color:${s.text}}`;
    })
    .join('\n');
}

/** The class of a rating's chip: by position in the framework's scale, so no id reaches the CSS. */
export function ratingClass(m: ReportModel, id: string): string {
  const i = m.ratings.findIndex((r) => r.id === id);
  return `rating rating-${i < 0 ? m.ratings.length : i}`;
}

/** "Page {page} of {pages}" in the language's own order, as CSS: strings around the two counters. */
function pageOf(l: Messages): string {
  const words = l.t('report.pdf.page', { page: '\ue000', pages: '\ue001' });
  return words
    .split(/(\ue000|\ue001)/)
    .map((w) => (w === '\ue000' ? 'counter(page)' : w === '\ue001' ? 'counter(pages)' : w && cssString(w).text))
    .filter(Boolean)
    .join(' ');
}

/**
 * The stylesheet; `langs` are the page's languages in order. In a bilingual page each part
 * prints on pages of its own name, with "Page i of N" in its own words.
 */
export function stylesheet(m: ReportModel, langs: Messages[]): Html {
  const marking = cssString(m.marking.trim()).text;
  const box = 'font:700 9pt system-ui,Arial,"DejaVu Sans",sans-serif;color:#1a1a1a';
  const pageBox = 'font:9pt system-ui,Arial,"DejaVu Sans",sans-serif;color:#1a1a1a';
  const print = `@page{size:A4;margin:20mm 16mm 18mm;
  @top-center{content:${marking};${box}}
  @bottom-center{content:${marking};${box}}
  @bottom-right{content:${pageOf(langs[0]!)};${pageBox}}}`;
  // The page's h1 prints with the first part, its closing marking with the last (a change of
  // named page starts a new sheet).
  const named = langs.map((l, i) => `.part-${i}{page:part-${i}}\n@page part-${i}{@bottom-right{content:${pageOf(l)};${pageBox}}}`);
  const parts = langs.length > 1 ? `${named.join('\n')}\nbody>header{page:part-0}\nbody>footer{page:part-${langs.length - 1}}\n` : '';
  // swatch() only ever gives a #rrggbb from the framework or its own grey: nothing else reaches the CSS.
  return trusted(`${BASE}${ratingRules(m)}\n${print}\n${parts}`);
}
