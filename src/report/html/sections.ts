// The body of the HTML report, part by part, in the order of the Markdown and the PDF:
// summary (table, counts, chart, changes), a section per benchmark, action plan, sign-off.
// Every word of dutykit's own comes from the message catalogue (src/i18n), as Markdown's does.
import { messages, type MessageKey, type Messages } from '../../i18n/catalogue.js';
import type { ReportChange } from '../changes.js';
import type { ReportAction, ReportBenchmark, ReportModel } from '../model.js';
import { swatch } from '../pdf/colour.js';
import { directionWord, ratingCounts } from '../words.js';
import { html, lines, message, type Html } from './escape.js';
import { ratingClass } from './style.js';
import { answerHtml, contributedHtml } from './positions.js';

const dash = '—';

/** The catalogue's words as markup, text arguments escaped. */
export type Say = (key: MessageKey, params?: Record<string, string | number | Html>) => Html;
export const sayer = (l: Messages): Say => (key, params) => message(l.t, key, params);

/**
 * One language's report within the page. In a bilingual page each language is a part under a
 * heading of its own, so its headings go one level down and its ids carry its language.
 */
export interface Part {
  m: ReportModel;
  l: Messages;
  say: Say;
  /** An id unique in the page. */
  id(name: string): string;
  /** The element for a heading of `level` in a one-language page ("h2", or "h3" in a part). */
  h(level: 2 | 3): string;
}

export function part(m: ReportModel, bilingual: boolean): Part {
  const l = messages(m.lang);
  return { m, l, say: sayer(l), id: (name) => (bilingual ? `${m.lang}-${name}` : name), h: (level) => `h${bilingual ? level + 1 : level}` };
}

/** A rating as its word on its colour: the word is always there, the colour never alone. */
export const chip = (m: ReportModel, id: string, label: string): Html => html`<span class="${ratingClass(m, id)}">${label}</span>`;

export const head = (cells: Html[]) => html`<thead><tr>${cells.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>`;

export function summary(p: Part): Html {
  const { m, l, say } = p;
  const withChange = m.previous !== undefined;
  const rows = m.benchmarks.map(
    (b) => html`<tr><td class="num">${b.number}</td><th scope="row"><a href="#${p.id(`benchmark-${b.number}`)}">${b.title}</a></th><td>${chip(m, b.rating, b.ratingLabel)}</td><td>${say(b.ratingBasis === 'agreed' ? 'basis.agreed' : 'basis.computed')}</td>${
      withChange && html`<td>${b.change ? say('report.change', { from: b.change.fromLabel, to: b.ratingLabel, direction: directionWord(l.t, b.change.direction) }) : dash}</td>`
    }</tr>\n`,
  );
  const cols = [say('report.col.number'), say('report.col.benchmark'), say('report.col.rating'), say('report.col.basis'), ...(withChange ? [say('report.col.change')] : [])];
  const h2 = p.h(2);
  return html`<section aria-labelledby="${p.id('summary')}"><${h2} id="${p.id('summary')}">${say('report.summary')}</${h2}>
<table class="summary"><caption>${say('report.html.summaryCaption')}</caption>${head(cols)}<tbody>
${rows}</tbody></table>
${chart(p)}
${m.previous && m.changes ? changes(p, m.previous.period, m.changes) : undefined}</section>`;
}

const BAR = 22;
const GAP = 10;
const WIDTH = 560;

/** The counts as a bar chart in SVG, named by its title; the caption below says the same in words. */
function chart(p: Part): Html {
  const { m, l, say } = p;
  const counts = ratingCounts(m);
  const total = Math.max(1, m.benchmarks.length);
  const longest = Math.max(...counts.map((c) => [...c.label].length));
  const labelW = Math.min(200, Math.max(90, longest * 8 + 12));
  const barMax = WIDTH - labelW - 40;
  const height = counts.length * (BAR + GAP);
  const title = l.t('report.chart.title', { count: m.benchmarks.length });
  const alt = say('report.chart.alt', { title, counts: counts.map((c) => l.t('report.chart.count', { label: c.label, count: c.count })).join(', ') });
  // A label too long for the chart is cut there; the full words are in the title and caption.
  const fit = (s: string) => ([...s].length * 8 + 12 > labelW ? `${[...s].slice(0, Math.floor((labelW - 20) / 8)).join('')}…` : s);
  const bars = counts.map((c, i) => {
    const y = i * (BAR + GAP);
    const w = Math.round((c.count / total) * barMax);
    return html`<text x="0" y="${y + 16}">${fit(c.label)}</text><rect x="${labelW}" y="${y}" width="${barMax}" height="${BAR}" fill="none" stroke="#8a8a8a"/><rect fill="${swatch(m, c.id, c.label).fill}" x="${labelW}" y="${y}" width="${w}" height="${BAR}"/><text x="${labelW + w + 6}" y="${y + 16}">${c.count}</text>`;
  });
  const counted = counts.map((c) => say('report.count', { count: c.count, label: c.label }));
  return html`<figure><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${p.id('chart-title')}"><title id="${p.id('chart-title')}">${alt}</title><g font-family="system-ui,Arial,sans-serif" font-size="14" font-weight="700" fill="#1a1a1a">${bars}</g></svg>
<figcaption class="counts">${say('report.ratings')} ${counted.map((c, i) => html`${i ? say('list.separator') : ''}${c}`)}</figcaption></figure>`;
}

function changes(p: Part, period: string, list: ReportChange[]): Html {
  const { l, say } = p;
  const h3 = p.h(3);
  const items = list.map((c) => {
    const move = c.from === c.to ? html`${c.to}` : html`${c.from} → ${c.to}`;
    const causes = c.causes.length ? html`<ul>${c.causes.map((x) => html`<li>${x}</li>`)}</ul>` : undefined;
    return html`<li><strong>${c.benchmark}:</strong> ${move} (${directionWord(l.t, c.direction)}${c.likeForLike ? '' : say('report.notLikeForLike')})${causes}</li>\n`;
  });
  return html`<${h3} id="${p.id('changes')}">${say('report.changesSince', { period })}</${h3}>
${list.length ? html`<ul class="changes">${items}</ul>` : html`<p>${say('report.noChanges')}</p>`}`;
}

function answers(p: Part, b: ReportBenchmark): Html {
  const { m, l, say } = p;
  const board = m.audience === 'board';
  const rows = b.answers.map((a) => {
    const q = html`<th scope="row">${a.title}${a.essential && html` ${say('question.essential')}`}</th>`;
    const ans = html`<td>${answerHtml(a, l)}${a.stale && html` ${say('report.stale')}`}</td>`;
    if (!board) return html`<tr>${q}${ans}</tr>\n`;
    const first = a.answer === 'n/a' && a.justification ? say('report.notApplicable', { justification: lines(a.justification) }) : a.evidence?.trim() ? lines(a.evidence) : html`${dash}`;
    const links = a.links.length > 0 && html`<br/>${say('report.links', { links: a.links.join(', ') })}`;
    const reviewed = a.reviewed && html`<br/>${say('report.reviewed', { date: l.date(a.reviewed) })}`;
    return html`<tr>${q}${ans}<td class="long">${first}${links}${reviewed}</td></tr>\n`;
  });
  const cols = [say('report.col.question'), say('report.col.answer'), ...(board ? [say('report.col.evidence')] : [])];
  return html`<p>${say('report.answered', { answered: b.answered, total: b.total })}</p>
<table><caption>${say('report.html.answersCaption', { benchmark: `${b.number}. ${b.title}` })}</caption>${head(cols)}<tbody>
${rows}</tbody></table>`;
}

function status(x: ReportAction, say: Say): Html {
  if (x.status === 'done') return say('status.done');
  return x.overdue ? html`<strong class="overdue">${say('status.overdue')}</strong>` : say('status.open');
}

function actionsTable(p: Part, actions: ReportAction[], caption: Html, withBenchmark: boolean): Html {
  const { m, l, say } = p;
  const board = m.audience === 'board';
  const cols = [say('report.col.action'), ...(withBenchmark ? [say('report.col.benchmark')] : []), ...(board ? [say('report.col.owner')] : []), say('report.col.due'), say('report.col.status')];
  const rows = actions.map(
    (x) =>
      html`<tr><td>${lines(x.action)}</td>${withBenchmark && html`<td>${x.benchmark.number}. ${x.benchmark.title}</td>`}${board && html`<td>${x.owner ? lines(x.owner) : dash}</td>`}<td>${x.due ? l.date(x.due) : dash}</td><td>${status(x, say)}</td></tr>\n`,
  );
  return html`<table><caption>${caption}</caption>${head(cols)}<tbody>
${rows}</tbody></table>`;
}

export function benchmark(p: Part, b: ReportBenchmark): Html {
  const { m, say } = p;
  const id = p.id(`benchmark-${b.number}`);
  const [h2, h3] = [p.h(2), p.h(3)];
  const name = `${b.number}. ${b.title}`;
  return html`<section class="benchmark" aria-labelledby="${id}"><${h2} id="${id}">${name}</${h2}>
<blockquote><p>${lines(b.statement)}</p></blockquote>
<p class="basis"><strong>${say('report.statutoryBasis')}:</strong> ${b.basis}</p>
<p><strong>${say('report.rating')}</strong> ${chip(m, b.rating, b.ratingLabel)} (${say(b.ratingBasis === 'agreed' ? 'basis.agreed.long' : 'basis.computed.long')})</p>
<p>${b.reason}</p>
${b.rationale && html`<p><strong>${say('report.rationale')}:</strong> ${lines(b.rationale)}</p>`}
<${h3}>${say(m.audience === 'board' ? 'report.answersAndEvidence' : 'report.answers')}</${h3}>
${b.evidenceRecorded ? answers(p, b) : html`<p>${say('report.noEvidence')}</p>`}
${contributedHtml(p, b.contributed)}
${b.notes && html`<p><strong>${say('report.notes')}:</strong> ${lines(b.notes)}</p>`}
${b.actions.length > 0 && html`<${h3}>${say('report.actions')}</${h3}>\n${actionsTable(p, b.actions, say('report.html.actionsCaption', { benchmark: name }), false)}`}
</section>`;
}

export function actionPlan(p: Part): Html {
  const { m, l, say } = p;
  const h2 = p.h(2);
  const overdue = m.actions.filter((x) => x.overdue).length;
  const body = m.actions.length
    ? html`${overdue > 0 && html`<p><strong>${say('report.overdue', { count: overdue, date: l.date(m.date) })}</strong></p>`}\n${actionsTable(p, m.actions, say('report.html.actionPlanCaption'), true)}`
    : html`<p>${say('report.noActions')}</p>`;
  return html`<section aria-labelledby="${p.id('action-plan')}"><${h2} id="${p.id('action-plan')}">${say('report.actionPlan')}</${h2}>
${body}</section>`;
}

export function signOff(p: Part): Html {
  const { m, l, say } = p;
  const h2 = p.h(2);
  const board = m.audience === 'board';
  const rows = m.signOff.map(
    (s) => html`<tr>${board && html`<td>${s.name ?? dash}</td>`}<td>${s.role}</td><td>${s.date ? l.date(s.date) : dash}${s.outOfDate && html` ${say('report.signOff.outOfDate')}`}</td></tr>\n`,
  );
  const cols = [...(board ? [say('report.col.name')] : []), say('report.col.role'), say('report.col.date')];
  const body = m.signOff.length ? html`<table><caption>${say('report.html.signOffCaption')}</caption>${head(cols)}<tbody>\n${rows}</tbody></table>` : html`<p>${say('report.notSignedOff')}</p>`;
  return html`<section aria-labelledby="${p.id('sign-off')}"><${h2} id="${p.id('sign-off')}">${say('report.signOff')}</${h2}>
${body}</section>`;
}

/** The parts of the framework shown in English for want of a translation: listed, not hidden. */
export function untranslated(p: Part): Html | undefined {
  const { m, l, say } = p;
  if (!m.untranslated?.length) return undefined;
  const h2 = p.h(2);
  return html`<section aria-labelledby="${p.id('untranslated')}"><${h2} id="${p.id('untranslated')}">${say('report.untranslated')}</${h2}>
<p>${say('report.untranslated.intro', { language: l.t('meta.name') })}</p>
<ul>${m.untranslated.map((u) => html`<li>${u}</li>`)}</ul></section>`;
}
