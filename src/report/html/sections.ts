// The body of the HTML report, part by part, in the order of the Markdown and the PDF:
// summary (table, counts, chart, changes), a section per benchmark, action plan, sign-off.
import type { ReportChange } from '../changes.js';
import type { ReportAction, ReportBenchmark, ReportModel } from '../model.js';
import { html, lines, type Html } from './escape.js';
import type { Labels } from './labels.js';
import { swatch } from '../pdf/colour.js';
import { ratingClass } from './style.js';

const dash = '—';

/** A rating as its word on its colour: the word is always there, the colour never alone. */
export const chip = (m: ReportModel, id: string, label: string): Html => html`<span class="${ratingClass(m, id)}">${label}</span>`;

const head = (cells: string[]) => html`<thead><tr>${cells.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>`;

export function summary(m: ReportModel, l: Labels): Html {
  const withChange = m.previous !== undefined;
  const rows = m.benchmarks.map(
    (b) => html`<tr><td class="num">${b.number}</td><th scope="row"><a href="#benchmark-${b.number}">${b.title}</a></th><td>${chip(m, b.rating, b.ratingLabel)}</td><td>${b.ratingBasis === 'agreed' ? l.agreed : l.computed}</td>${
      withChange && html`<td>${b.change ? html`${b.change.fromLabel} → ${b.ratingLabel} (${l.direction(b.change.direction)})` : dash}</td>`
    }</tr>
`,
  );
  const cols = [l.number, l.benchmark, l.rating, l.basis, ...(withChange ? [l.change] : [])];
  return html`<section aria-labelledby="summary"><h2 id="summary">${l.summary}</h2>
<table class="summary"><caption>${l.summaryCaption}</caption>${head(cols)}<tbody>
${rows}</tbody></table>
${chart(m, l)}
${m.previous && m.changes ? changes(m.previous.period, m.changes, l) : undefined}</section>`;
}

/** Ratings best first, then unrated, with their counts: the order the summary reads in. */
function ratingCounts(m: ReportModel, l: Labels) {
  return [...[...m.ratings].reverse().map((r) => ({ id: r.id, label: r.label, count: m.counts[r.id] ?? 0 })), { id: 'unrated', label: l.notYetRated, count: m.counts.unrated ?? 0 }];
}

const BAR = 22;
const GAP = 10;
const WIDTH = 560;

/** The counts as a bar chart in SVG, named by its title; the caption below says the same in words. */
function chart(m: ReportModel, l: Labels): Html {
  const counts = ratingCounts(m, l);
  const total = Math.max(1, m.benchmarks.length);
  const longest = Math.max(...counts.map((c) => [...c.label].length));
  const labelW = Math.min(200, Math.max(90, longest * 8 + 12));
  const barMax = WIDTH - labelW - 40;
  const height = counts.length * (BAR + GAP);
  const title = l.chartTitle(m.benchmarks.length);
  const alt = l.chartAlt(title, counts.map((c) => `${c.label} ${c.count}`).join(', '));
  // A label too long for the chart is cut there; the full words are in the title and caption.
  const fit = (s: string) => ([...s].length * 8 + 12 > labelW ? `${[...s].slice(0, Math.floor((labelW - 20) / 8)).join('')}…` : s);
  const bars = counts.map((c, i) => {
    const y = i * (BAR + GAP);
    const w = Math.round((c.count / total) * barMax);
    return html`<text x="0" y="${y + 16}">${fit(c.label)}</text><rect x="${labelW}" y="${y}" width="${barMax}" height="${BAR}" fill="none" stroke="#8a8a8a"/><rect fill="${swatch(m, c.id, c.label).fill}" x="${labelW}" y="${y}" width="${w}" height="${BAR}"/><text x="${labelW + w + 6}" y="${y + 16}">${c.count}</text>`;
  });
  const counted = counts.map((c) => `${c.count} ${c.label}`).join(' · ');
  return html`<figure><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="chart-title"><title id="chart-title">${alt}</title><g font-family="system-ui,Arial,sans-serif" font-size="14" font-weight="700" fill="#1a1a1a">${bars}</g></svg>
<figcaption class="counts">${l.ratings}: ${counted}</figcaption></figure>`;
}

function changes(period: string, list: ReportChange[], l: Labels): Html {
  const items = list.map((c) => {
    const move = c.from === c.to ? html`${c.to}` : html`${c.from} → ${c.to}`;
    const causes = c.causes.length ? html`<ul>${c.causes.map((x) => html`<li>${x}</li>`)}</ul>` : undefined;
    return html`<li><strong>${c.benchmark}:</strong> ${move} (${l.direction(c.direction)}${c.likeForLike ? '' : `; ${l.notLikeForLike}`})${causes}</li>\n`;
  });
  return html`<h3 id="changes">${l.changesSince(period)}</h3>
${list.length ? html`<ul class="changes">${items}</ul>` : html`<p>${l.noChange}</p>`}`;
}

function answers(b: ReportBenchmark, m: ReportModel, l: Labels): Html {
  const board = m.audience === 'board';
  const rows = b.answers.map((a) => {
    const q = html`<th scope="row">${a.title}${a.essential ? ` ${l.essential}` : ''}</th>`;
    const ans = html`<td>${a.answerLabel}${a.stale ? ` ${l.stale}` : ''}</td>`;
    if (!board) return html`<tr>${q}${ans}</tr>\n`;
    const first = a.answer === 'n/a' && a.justification ? html`${l.notApplicable}: ${lines(a.justification)}` : a.evidence?.trim() ? lines(a.evidence) : html`${dash}`;
    const links = a.links.length ? html`<br/>${l.links}: ${a.links.map((x, i) => html`${i ? ', ' : ''}${x}`)}` : undefined;
    const reviewed = a.reviewed ? html`<br/>${l.reviewed(l.date(a.reviewed))}` : undefined;
    return html`<tr>${q}${ans}<td class="long">${first}${links}${reviewed}</td></tr>\n`;
  });
  const cols = board ? [l.question, l.answer, l.evidence] : [l.question, l.answer];
  return html`<p>${l.answered(b.answered, b.total)}</p>
<table><caption>${l.answersCaption(`${b.number}. ${b.title}`)}</caption>${head(cols)}<tbody>
${rows}</tbody></table>`;
}

function status(x: ReportAction, l: Labels): Html {
  if (x.status === 'done') return html`${l.done}`;
  return x.overdue ? html`<strong class="overdue">${l.overdue}</strong>` : html`${l.open}`;
}

function actionsTable(actions: ReportAction[], m: ReportModel, l: Labels, caption: string, withBenchmark: boolean): Html {
  const board = m.audience === 'board';
  const cols = [l.action, ...(withBenchmark ? [l.benchmark] : []), ...(board ? [l.owner] : []), l.byWhen, l.status];
  const rows = actions.map(
    (x) =>
      html`<tr><td>${lines(x.action)}</td>${withBenchmark && html`<td>${x.benchmark.number}. ${x.benchmark.title}</td>`}${board && html`<td>${x.owner ? lines(x.owner) : dash}</td>`}<td>${x.due ? l.date(x.due) : dash}</td><td>${status(x, l)}</td></tr>\n`,
  );
  return html`<table><caption>${caption}</caption>${head(cols)}<tbody>
${rows}</tbody></table>`;
}

export function benchmark(b: ReportBenchmark, m: ReportModel, l: Labels): Html {
  const id = `benchmark-${b.number}`;
  return html`<section class="benchmark" aria-labelledby="${id}"><h2 id="${id}">${b.number}. ${b.title}</h2>
<blockquote><p>${lines(b.statement)}</p></blockquote>
<p class="basis"><strong>${l.statutoryBasis}:</strong> ${b.basis}</p>
<p><strong>${l.rating}:</strong> ${chip(m, b.rating, b.ratingLabel)} (${l.ratingBasis(b.ratingBasis === 'agreed')})</p>
<p>${b.reason}</p>
${b.rationale && html`<p><strong>${l.rationale}:</strong> ${lines(b.rationale)}</p>`}
<h3>${l.answersHeading(m.audience === 'board')}</h3>
${b.evidenceRecorded ? answers(b, m, l) : html`<p>${l.noEvidence}</p>`}
${b.notes && html`<p><strong>${l.notes}:</strong> ${lines(b.notes)}</p>`}
${b.actions.length > 0 && html`<h3>${l.actions}</h3>\n${actionsTable(b.actions, m, l, l.actionsCaption(`${b.number}. ${b.title}`), false)}`}
</section>`;
}

export function actionPlan(m: ReportModel, l: Labels): Html {
  const overdue = m.actions.filter((x) => x.overdue).length;
  const body = m.actions.length
    ? html`${overdue > 0 && html`<p><strong>${l.overdueCount(overdue, l.date(m.date))}</strong></p>`}\n${actionsTable(m.actions, m, l, l.actionPlanCaption, true)}`
    : html`<p>${l.noActions}</p>`;
  return html`<section aria-labelledby="action-plan"><h2 id="action-plan">${l.actionPlan}</h2>
${body}</section>`;
}

export function signOff(m: ReportModel, l: Labels): Html {
  const board = m.audience === 'board';
  const rows = m.signOff.map(
    (s) => html`<tr>${board && html`<td>${s.name ?? dash}</td>`}<td>${s.role}</td><td>${s.date ? l.date(s.date) : dash}${s.outOfDate ? ` ${l.outOfDate}` : ''}</td></tr>\n`,
  );
  const cols = board ? [l.name, l.role, l.dateCol] : [l.role, l.dateCol];
  const body = m.signOff.length ? html`<table><caption>${l.signOffCaption}</caption>${head(cols)}<tbody>\n${rows}</tbody></table>` : html`<p>${l.notSignedOff}</p>`;
  return html`<section aria-labelledby="sign-off"><h2 id="sign-off">${l.signOff}</h2>
${body}</section>`;
}
