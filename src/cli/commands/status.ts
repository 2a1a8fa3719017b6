// `dutykit status <files or folders...>`: what needs doing now, one line each, by date.
import { checkFailed, usageError, warningText } from '../usage.js';
import { byDate, rosterStatus, statusOf, type StatusItem } from '../../rollup/status.js';
import { messages, type MessageKey, type Messages } from '../../i18n/catalogue.js';
import { exact, joined, message, plainLine, term, type Term } from '../../outside.js';
import { sameDayWarning } from '../../rollup/same-day.js';
import { RosterIndex } from '../../rollup/roster-match.js';
import { hasAnswers } from '../../rollup/summary.js';
import { frameworkWords, langsOption, oneLang } from '../lang.js';
import { today } from '../clock.js';
import { err, outJson, outLines, type GlobalOptions } from '../output.js';
import { openRoster } from '../open-roster.js';
import { eachReturn } from '../returns.js';

export interface StatusOptions extends GlobalOptions {
  within: string;
  roster?: string;
  failOn?: string;
  lang?: string;
}

/** The furthest ahead `--within` looks: some 27 years, past any action plan. */
const MOST_DAYS = 9999;

function days(within: string): number {
  const m = /^(\d+)d?$/.exec(within.trim());
  const shown = within.length > 24 ? `${within.slice(0, 24)}…` : within;
  if (!m) throw usageError('usage.within', { within: shown });
  if (Number(m[1]) > MOST_DAYS) throw usageError('usage.withinTooFar', { within: shown, most: MOST_DAYS });
  return Number(m[1]);
}

/** Items with a date to meet; the others (a sign-off, an unsettled question) are simply to do. */
const DATED = new Set<StatusItem['kind']>(['action', 'evidence', 'return']);

const WORD: Record<StatusItem['kind'], MessageKey> = {
  action: 'status.kind.action',
  evidence: 'status.kind.evidence',
  unsettled: 'status.kind.unsettled',
  'sign-off': 'status.kind.signOff',
  return: 'status.kind.return',
};

/** One line per item, in columns: the words of each column padded to the longest in this language. */
function lines(items: StatusItem[], { t }: Messages): Term {
  const state = (i: StatusItem) => t(i.overdue ? 'status.word.overdue' : DATED.has(i.kind) ? 'status.word.due' : 'status.word.toDo');
  const stateWidth = Math.max(...(['status.word.overdue', 'status.word.due', 'status.word.toDo'] as const).map((k) => t(k).length));
  const kindWidth = Math.max(...Object.values(WORD).map((k) => t(k).length));
  return joined(items.map((i) => term`${exact(i.date)}  ${exact(state(i).padEnd(stateWidth))}  ${exact(t(WORD[i.kind]).padEnd(kindWidth))} ${plainLine(i.name)}: ${plainLine(i.text)}`));
}

export async function runStatus(args: string[], opts: StatusOptions): Promise<void> {
  const within = days(opts.within);
  const langs = langsOption(opts.lang);
  if (opts.json) oneLang(langs, 'JSON');
  const failOn = opts.failOn?.split(',').map((w) => w.trim().toLowerCase()).filter(Boolean) ?? [];
  for (const w of failOn) if (w !== 'overdue') throw usageError('usage.failOnOverdue', { condition: w });
  const roster = opts.roster ? openRoster(opts.roster) : undefined;
  const index = roster && new RosterIndex(roster);
  /** Blank returns of bodies on the roster, by reference: the newest file of each. */
  const started = new Map<string, { date: string; file: string }>();
  const asOf = today();
  // Per body (its reference, else its file), the items of its latest return only, in each language.
  const latest = new Map<string, { date: string; file: string; items: StatusItem[][] }>();
  /** Bodies with several returns on their latest date, by key: every file on that date. */
  const ties = new Map<string, { name: string; reference?: string; date: string; files: string[] }>();
  const words = frameworkWords();
  await eachReturn(
    args,
    (o) => {
      // Matched to the roster as rollup matches: by reference, or by name when it has none.
      const found = index?.find(o.assessment.authority, o.assessment.reference);
      if (found?.warning) err(message(warningText(found.warning.key, { ...found.warning.params, file: exact(o.file) })));
      const reference = found?.body?.reference ?? o.assessment.reference;
      // Against a roster, a blank return of a body on it is not in: its body is listed so.
      if (found?.body && !hasAnswers(o.ratings)) {
        const had = started.get(found.body.reference);
        if (had === undefined || had.date < o.assessment.date) started.set(found.body.reference, { date: o.assessment.date, file: o.file });
        return;
      }
      const key = reference !== undefined ? `ref:${reference}` : `file:${o.file}`;
      const had = latest.get(key);
      if (had && had.date === o.assessment.date) {
        const tie = ties.get(key) ?? { name: o.assessment.authority, reference, date: had.date, files: [had.file] };
        ties.set(key, { ...tie, files: [...tie.files, o.file] });
      } else if (!had || had.date < o.assessment.date) ties.delete(key);
      if (had && (had.date > o.assessment.date || (had.date === o.assessment.date && had.file > o.file))) return;
      const items = langs.map((lang) => statusOf(o.file, o.framework, o.assessment, o.ratings, asOf, within, messages(lang), words(o.framework, lang)));
      latest.set(key, { date: o.assessment.date, file: o.file, items });
    },
    roster?.file,
    messages(langs[0]),
  );
  // The same rule and the same warning as rollup: the last in file-name order, said plainly.
  for (const [key, tie] of ties) {
    const used = latest.get(key)!.file;
    err(message(sameDayWarning({ name: tie.name, reference: tie.reference, date: tie.date, used, others: tie.files.filter((f) => f !== used) }, messages(langs[0]))));
  }
  const returned = new Set([...latest.keys()].filter((k) => k.startsWith('ref:')).map((k) => k.slice(4)));
  const inLang = langs.map((lang, n) => {
    const items = [...latest.values()].flatMap((v) => v.items[n]!);
    if (roster) items.push(...rosterStatus(roster, returned, asOf, messages(lang), new Map([...started].map(([r, s]) => [r, s.file]))));
    return { l: messages(lang), items: items.sort(byDate) };
  });
  const items = inLang[0]!.items;
  if (opts.json) outJson({ schema: 'dutykit/status@1', asOf, withinDays: within, items });
  else {
    // Several languages: each list in full, Welsh first for cy,en, a blank line between.
    const lists = inLang.map(({ l, items: these }) => (these.length ? term`${lines(these, l)}\n` : term`${exact(l.t('status.nothing', { days: within, date: asOf }))}\n`));
    outLines(joined(lists, '\n'));
  }
  const overdue = items.filter((i) => i.overdue).length;
  if (failOn.includes('overdue') && overdue) throw checkFailed([{ key: 'status.failOn', params: { count: overdue } }]);
}

