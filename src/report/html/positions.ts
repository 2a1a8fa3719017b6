// Contributions in the HTML report, as in the Markdown and the PDF: the positions not yet
// settled (after the summary), and in each benchmark the evidence each organisation gave and
// the settlements made at challenge. Board version only: the model has none otherwise.
import type { Messages } from '../../i18n/catalogue.js';
import type { ReportAnswer } from '../model.js';
import type { ReportContributed, ReportPosition } from '../positions.js';
import { html, lines, type Html } from './escape.js';
import { head, sayer, type Part } from './sections.js';

/** The answer, and where it came from when organisations gave positions. */
export function answerHtml(a: ReportAnswer, l: Messages): Html {
  const say = sayer(l);
  if (a.source === 'unsettled') return say('report.answer.unsettled', { answer: a.answerLabel });
  if (a.source === 'settled') return say('report.answer.settled', { answer: a.answerLabel });
  if (a.source === 'taken' && a.takenFrom) return say('report.answer.from', { answer: a.answerLabel, organisations: a.takenFrom.join(', ') });
  return html`${a.answerLabel}`;
}

function evidence(p: ReportPosition, l: Messages): Html {
  const say = sayer(l);
  const first = p.answer === 'n/a' && p.justification ? say('report.notApplicable', { justification: lines(p.justification) }) : p.evidence?.trim() ? lines(p.evidence) : html`—`;
  const links = p.links.length > 0 && html`<br/>${say('report.links', { links: p.links.join(', ') })}`;
  const reviewed = p.reviewed && html`<br/>${say('report.reviewed', { date: l.date(p.reviewed) })}`;
  return html`${first}${links}${reviewed}`;
}

const positionCells = (p: ReportPosition, l: Messages) => html`<th scope="row">${p.organisation}</th><td>${p.answerLabel}</td><td class="long">${evidence(p, l)}</td>`;

export function unsettledHtml(p: Part): Html | undefined {
  const { m, l, say } = p;
  if (!m.unsettled) return undefined;
  const [h2, h3] = [p.h(2), p.h(3)];
  const cols = head([say('report.col.organisation'), say('report.col.answer'), say('report.col.evidence')]);
  const items = m.unsettled.map(
    (u) => html`<${h3}>${u.question.number} ${u.question.title}</${h3}>
<p>${say('report.unsettled.countsAs', { benchmark: `${u.benchmark.number}. ${u.benchmark.title}`, answer: u.countsAs })}</p>
<table><caption>${u.question.number} ${u.question.title}</caption>${cols}<tbody>
${u.positions.map((x) => html`<tr>${positionCells(x, l)}</tr>\n`)}</tbody></table>\n`,
  );
  return html`<section aria-labelledby="${p.id('unsettled')}"><${h2} id="${p.id('unsettled')}">${say('report.unsettled.title')}</${h2}>
<p>${say('report.unsettled.intro')}</p>
${items}</section>`;
}

export function contributedHtml(p: Part, list: ReportContributed[] | undefined): Html | undefined {
  if (!list) return undefined;
  const { l, say } = p;
  const h3 = p.h(3);
  const rows = list.flatMap((c) => c.positions.map((x) => html`<tr><td>${c.title}</td>${positionCells(x, l)}</tr>\n`));
  const cols = head([say('report.col.question'), say('report.col.organisation'), say('report.col.answer'), say('report.col.evidence')]);
  const table = rows.length > 0 && html`<table><caption>${say('report.contributed')}</caption>${cols}<tbody>\n${rows}</tbody></table>`;
  const settled = list.map((c) => {
    const s = c.settled;
    if (!s) return html``;
    const positions = s.positions.map((x) => `${x.organisation}: ${x.answerLabel}`).join('; ');
    return html`<p><strong>${say('report.settled')}:</strong> ${say('report.settledLine', { question: c.title, answer: s.answerLabel, date: l.date(s.date), positions, reason: lines(s.reason) })}</p>\n`;
  });
  return html`<${h3}>${say('report.contributed')}</${h3}>\n${table}\n${settled}`;
}
