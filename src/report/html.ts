// The HTML report: what a council publishes on its website. One self-contained file (its
// stylesheet inside, no script, no font or image fetched, a Content-Security-Policy that
// forbids any request), semantic (one h1, headings in order, tables with captions and header
// cells), from the same model as the Markdown and the PDF. Pure: model in, text out.
import type { ReportModel } from './model.js';
import { ours, type Term } from '../outside.js';
import { html, type Html } from './html/escape.js';
import { EN, type Labels } from './html/labels.js';
import { actionPlan, benchmark, signOff, summary } from './html/sections.js';
import { stylesheet } from './html/style.js';

/** No request to any address, and no script: what the page may load is its own inline style. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'";

function facts(m: ReportModel, l: Labels): Html {
  const prepared = m.assessors.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join('; ');
  const rows: [string, string][] = [
    [l.authority, m.authority],
    [l.period, m.period],
    [l.dateAgreed, l.date(m.date)],
    [l.marking, m.marking],
    [l.framework, l.frameworkIs(m.framework.title, m.framework.id, m.framework.version)],
  ];
  if (prepared) rows.push([l.preparedBy, prepared]);
  if (m.previous) rows.push([l.comparedWith, `${m.previous.period} (${l.date(m.previous.date)})`]);
  return html`<dl class="facts" aria-label="${l.facts}">${rows.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

function contents(m: ReportModel, l: Labels): Html {
  const items: [string, string][] = [
    ['summary', l.summary],
    ...m.benchmarks.map((b): [string, string] => [`benchmark-${b.number}`, `${b.number}. ${b.title}`]),
    ['action-plan', l.actionPlan],
    ['sign-off', l.signOff],
  ];
  return html`<nav class="contents" aria-labelledby="contents"><h2 id="contents">${l.contents}</h2><ol>${items.map(([id, text]) => html`<li><a href="#${id}">${text}</a></li>`)}</ol></nav>`;
}

export function renderHtml(m: ReportModel, l: Labels = EN): Term {
  const title = `${m.title}: ${m.authority}, ${m.period}`;
  const f = m.framework;
  const page = html`<!DOCTYPE html>
<html lang="${l.lang}">
<head>
<meta charset="utf-8"/>
<meta http-equiv="Content-Security-Policy" content="${CSP}"/>
<meta name="referrer" content="no-referrer"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<meta name="generator" content="dutykit"/>
<title>${title}</title>
<style>${stylesheet(m, l)}</style>
</head>
<body>
<header>
<p class="marking">${m.marking}</p>
<h1>${m.title}: ${m.authority}</h1>
<p class="subtitle">${m.period}</p>
${m.audience === 'public' && html`<p class="notice">${l.publicNotice}</p>`}
${facts(m, l)}
${contents(m, l)}
</header>
<main>
${summary(m, l)}
${m.benchmarks.map((b) => html`${benchmark(b, m, l)}\n`)}${actionPlan(m, l)}
${signOff(m, l)}
</main>
<footer>
<p class="attribution">${f.attribution} ${f.licence} ${l.source} ${f.source}</p>
<p class="marking">${m.marking}</p>
</footer>
</body>
</html>
`;
  // Every piece from the files went through the html template's escape, which cleans it first.
  return ours(page.text);
}
