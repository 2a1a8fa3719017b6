// The HTML report: what a council publishes on its website. One self-contained file (its
// stylesheet inside, no script, no font or image fetched, a Content-Security-Policy that
// forbids any request), semantic (one h1, headings in order, tables with captions and header
// cells), from the same model as the Markdown and the PDF. Pure: model in, text out.
import { contributorText, type ReportModel } from './model.js';
import { ours, type Term } from '../outside.js';
import { html, type Html } from './html/escape.js';
import { messages, type Messages } from '../i18n/catalogue.js';
import { actionPlan, benchmark, sayer, signOff, summary, untranslated } from './html/sections.js';
import { unsettledHtml } from './html/positions.js';
import { stylesheet } from './html/style.js';

/** No request to any address, and no script: what the page may load is its own inline style. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'";

function facts(m: ReportModel, l: Messages): Html {
  const say = sayer(l);
  const prepared = m.assessors.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join('; ');
  const f = m.framework;
  const rows: [Html, Html | string][] = [
    [say('report.fact.authority'), m.authority],
    [say('report.fact.period'), m.period],
    [say('report.fact.date'), l.date(m.date)],
    [say('report.fact.marking'), m.marking],
    [say('report.fact.framework'), say('report.frameworkLine', { title: f.title, id: f.id, version: f.version })],
  ];
  if (prepared) rows.push([say('report.fact.preparedBy'), prepared]);
  if (m.contributor) rows.push([say('report.fact.contribution'), contributorText(m.contributor)]);
  if (m.contributors) rows.push([say('report.fact.contributions'), m.contributors.map((c) => `${contributorText(c)}${c.date ? `, ${l.date(c.date)}` : ''}`).join('; ')]);
  if (m.previous) rows.push([say('report.fact.comparedWith'), `${m.previous.period} (${l.date(m.previous.date)})`]);
  return html`<dl class="facts" aria-label="${say('report.html.facts')}">${rows.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

function contents(m: ReportModel, l: Messages): Html {
  const say = sayer(l);
  const items: [string, Html | string][] = [
    ['summary', say('report.summary')],
    ...(m.unsettled ? [['unsettled', say('report.unsettled.title')] as [string, Html]] : []),
    ...m.benchmarks.map((b): [string, string] => [`benchmark-${b.number}`, `${b.number}. ${b.title}`]),
    ['action-plan', say('report.actionPlan')],
    ['sign-off', say('report.signOff')],
    ...(m.untranslated?.length ? [['untranslated', say('report.untranslated')] as [string, Html]] : []),
  ];
  return html`<nav class="contents" aria-labelledby="contents"><h2 id="contents">${say('report.html.contents')}</h2><ol>${items.map(([id, text]) => html`<li><a href="#${id}">${text}</a></li>`)}</ol></nav>`;
}

export function renderHtml(m: ReportModel): Term {
  const l = messages(m.lang);
  const say = sayer(l);
  const title = `${m.title}: ${m.authority}, ${m.period}`;
  const f = m.framework;
  const page = html`<!DOCTYPE html>
<html lang="${l.locale}">
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
${m.audience === 'public' && html`<p class="notice">${say('report.publicNotice')}</p>`}
${facts(m, l)}
${contents(m, l)}
</header>
<main>
${summary(m, l)}
${unsettledHtml(m, l)}
${m.benchmarks.map((b) => html`${benchmark(b, m, l)}\n`)}${actionPlan(m, l)}
${signOff(m, l)}
${untranslated(m, l)}
</main>
<footer>
<p class="attribution">${f.attribution} ${f.licence} ${say('report.source', { source: f.source })}</p>
<p class="marking">${m.marking}</p>
</footer>
</body>
</html>
`;
  // Every piece from the files went through the html template's escape, which cleans it first.
  return ours(page.text);
}
