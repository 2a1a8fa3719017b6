// The HTML report: what a council publishes on its website. One self-contained file (its
// stylesheet inside, no script, no font or image fetched, a Content-Security-Policy that
// forbids any request), semantic (one h1, headings in order, tables with captions and header
// cells), from the same model as the Markdown and the PDF. Pure: model in, text out.
import type { ReportModel } from './model.js';
import { reportFacts } from './facts.js';
import { ours, type Term } from '../outside.js';
import { html, type Html } from './html/escape.js';
import { actionPlan, benchmark, part, signOff, summary, untranslated, type Part } from './html/sections.js';
import { unsettledHtml } from './html/positions.js';
import { stylesheet } from './html/style.js';

/** No request to any address, and no script: what the page may load is its own inline style. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'";

function facts(p: Part): Html {
  return html`<dl class="facts" aria-label="${p.say('report.html.facts')}">${reportFacts(p.m, p.l, p.say).map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

function contents(p: Part): Html {
  const { m, say } = p;
  const items: [string, Html | string][] = [
    ['summary', say('report.summary')],
    ...(m.unsettled ? [['unsettled', say('report.unsettled.title')] as [string, Html]] : []),
    ...m.benchmarks.map((b): [string, string] => [`benchmark-${b.number}`, `${b.number}. ${b.title}`]),
    ['action-plan', say('report.actionPlan')],
    ['sign-off', say('report.signOff')],
    ...(m.untranslated?.length ? [['untranslated', say('report.untranslated')] as [string, Html]] : []),
  ];
  const h2 = p.h(2);
  return html`<nav class="contents" aria-labelledby="${p.id('contents')}"><${h2} id="${p.id('contents')}">${say('report.html.contents')}</${h2}><ol>${items.map(([id, text]) => html`<li><a href="#${p.id(id)}">${text}</a></li>`)}</ol></nav>`;
}

/** What opens a report: its period, the public notice, the facts and the contents. */
function opening(p: Part): Html {
  return html`<p class="subtitle">${p.m.period}</p>
${p.m.audience === 'public' && html`<p class="notice">${p.say('report.publicNotice')}</p>`}
${facts(p)}
${contents(p)}`;
}

/** The report itself, after its opening. */
function body(p: Part): Html {
  const f = p.m.framework;
  return html`${summary(p)}
${unsettledHtml(p)}
${p.m.benchmarks.map((b) => html`${benchmark(p, b)}\n`)}${actionPlan(p)}
${signOff(p)}
${untranslated(p)}
<p class="attribution">${f.attribution} ${f.licence} ${p.say('report.source', { source: f.source })}</p>`;
}

/**
 * The page: one report, or the same report in several languages (`--lang cy,en`: Welsh first),
 * each whole, in its own part with its own `lang`, under one h1 that names them all.
 */
export function renderHtml(models: ReportModel | ReportModel[]): Term {
  const list = Array.isArray(models) ? models : [models];
  const bilingual = list.length > 1;
  const parts = list.map((m) => part(m, bilingual));
  const first = parts[0]!;
  const m = first.m;
  // One title, one h1: each language's words, marked with its language after the first.
  const named = (p: Part, text: (m: ReportModel) => string) => (p === first ? html`${text(p.m)}` : html`<span lang="${p.l.locale}">${text(p.m)}</span>`);
  const sep = html` / `;
  const title = parts.map((p) => `${p.m.title}: ${p.m.authority}, ${p.m.period}`).join(' / ');
  const h1 = parts.map((p, i) => html`${i ? sep : ''}${named(p, (x) => `${x.title}: ${x.authority}`)}`);
  const header = bilingual
    ? html`<nav class="languages" aria-label="${parts.map((p) => p.l.t('meta.name')).join(' / ')}"><ul>${parts.map((p) => html`<li><a href="#${p.id('report')}"${p === first ? '' : html` lang="${p.l.locale}"`}>${p.l.t('meta.name')}</a></li>`)}</ul></nav>`
    : opening(first);
  const main = bilingual
    ? parts.map((p, i) => html`<div class="language part-${i}" lang="${p.l.locale}"><h2 id="${p.id('report')}" class="language-name">${p.l.t('meta.name')}</h2>\n${opening(p)}\n${body(p)}</div>\n`)
    : body(first);
  const page = html`<!DOCTYPE html>
<html lang="${first.l.locale}">
<head>
<meta charset="utf-8"/>
<meta http-equiv="Content-Security-Policy" content="${CSP}"/>
<meta name="referrer" content="no-referrer"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<meta name="generator" content="dutykit"/>
<title>${title}</title>
<style>${stylesheet(m, parts.map((p) => p.l))}</style>
</head>
<body>
<header>
<p class="marking">${m.marking}</p>
<h1>${h1}</h1>
${header}
</header>
<main>
${main}</main>
<footer>
<p class="marking">${m.marking}</p>
</footer>
</body>
</html>
`;
  // Every piece from the files went through the html template's escape, which cleans it first.
  return ours(page.text);
}
