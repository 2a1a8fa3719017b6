// The facts a report opens with (authority, period, date, marking, framework, who prepared it,
// what it is compared with): one list, in one order, for the Markdown, the HTML and the PDF.
import type { MessageKey, Messages } from '../i18n/catalogue.js';
import { contributorText, type ReportModel } from './model.js';

/**
 * [label, value] pairs. `say` words a catalogue entry for the format (HTML escapes its
 * arguments), and `text` makes a piece of outside text fit for it (Markdown escapes it).
 */
export function reportFacts<W>(m: ReportModel, { date }: Messages, say: (key: MessageKey, params?: Record<string, string>) => W, text = (s: string) => s): [W, W | string][] {
  const facts: [W, W | string][] = [
    [say('report.fact.authority'), text(m.authority)],
    // A return's kind of body and reference.
    ...(m.kind ? [[say('report.fact.kind'), text(m.kind)] as [W, string]] : []),
    ...(m.reference ? [[say('report.fact.reference'), text(m.reference)] as [W, string]] : []),
    [say('report.fact.period'), text(m.period)],
    [say(m.contributor ? 'merge.contributionDate' : 'report.fact.date'), date(m.date)],
    [say('report.fact.marking'), text(m.marking)],
    [say('report.fact.framework'), say('report.frameworkLine', { title: text(m.framework.title), id: text(m.framework.id), version: text(m.framework.version) })],
  ];
  const prepared = m.assessors.map((p) => (p.role ? `${text(p.name)} (${text(p.role)})` : text(p.name))).join('; ');
  if (prepared) facts.push([say('report.fact.preparedBy'), prepared]);
  if (m.contributor) facts.push([say('report.fact.contribution'), text(contributorText(m.contributor))]);
  if (m.contributors) facts.push([say('report.fact.contributions'), m.contributors.map((c) => `${text(contributorText(c))}${c.date ? `, ${date(c.date)}` : ''}`).join('; ')]);
  if (m.previous) facts.push([say('report.fact.comparedWith'), `${text(m.previous.period)} (${date(m.previous.date)})`]);
  return facts;
}
