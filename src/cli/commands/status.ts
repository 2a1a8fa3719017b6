// `dutykit status <files or folders...>`: what needs doing now, one line each, by date.
import { CheckFailed, InputError, UsageError } from '../../errors.js';
import { loadRoster, type Roster } from '../../model/roster.js';
import { byDate, rosterStatus, statusOf, type StatusItem } from '../../rollup/status.js';
import { exact, joined, plain, term } from '../../outside.js';
import { today } from '../clock.js';
import { out, outJson, type GlobalOptions } from '../output.js';
import { BUNDLED_FRAMEWORKS } from '../paths.js';
import { eachReturn } from '../returns.js';

export interface StatusOptions extends GlobalOptions {
  within: string;
  roster?: string;
  failOn?: string;
}

function days(within: string): number {
  const m = /^(\d{1,4})d?$/.exec(within.trim());
  if (!m) throw new UsageError(`--within: "${within}" is not a number of days; write it like 30d`);
  return Number(m[1]);
}

/** One line each: a name or an action typed over several lines is put on one. */
const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ');

/** Items with a date to meet; the others (a sign-off, an unsettled question) are simply to do. */
const DATED = new Set<StatusItem['kind']>(['action', 'evidence', 'return']);

const WORD: Record<StatusItem['kind'], string> = { action: 'action', evidence: 'evidence', unsettled: 'unsettled', 'sign-off': 'sign-off', return: 'return' };

export async function runStatus(args: string[], opts: StatusOptions): Promise<void> {
  const within = days(opts.within);
  const failOn = opts.failOn?.split(',').map((w) => w.trim().toLowerCase()).filter(Boolean) ?? [];
  for (const w of failOn) if (w !== 'overdue') throw new UsageError(`--fail-on: unknown condition "${w}"; expected overdue`);
  let roster: Roster | undefined;
  if (opts.roster) {
    const r = loadRoster(opts.roster, BUNDLED_FRAMEWORKS);
    if (!r.value) throw new InputError(r.problems);
    roster = r.value;
  }
  const asOf = today();
  // Per body (its reference, else its file), the items of its latest return only.
  const latest = new Map<string, { date: string; file: string; items: StatusItem[] }>();
  await eachReturn(
    args,
    (o) => {
      const key = o.assessment.reference !== undefined ? `ref:${o.assessment.reference}` : `file:${o.file}`;
      const had = latest.get(key);
      if (had && (had.date > o.assessment.date || (had.date === o.assessment.date && had.file > o.file))) return;
      latest.set(key, { date: o.assessment.date, file: o.file, items: statusOf(o.file, o.framework, o.assessment, o.ratings, asOf, within) });
    },
    roster?.file,
  );
  const items = [...latest.values()].flatMap((v) => v.items);
  if (roster) items.push(...rosterStatus(roster, new Set([...latest.keys()].filter((k) => k.startsWith('ref:')).map((k) => k.slice(4))), asOf));
  items.sort(byDate);
  if (opts.json) outJson({ schema: 'dutykit/status@1', asOf, withinDays: within, items });
  else if (!items.length) out(term`Nothing due within ${within} days of ${exact(asOf)}.\n`);
  else {
    const lines = items.map((i) => term`${exact(i.date)}  ${i.overdue ? 'OVERDUE' : DATED.has(i.kind) ? 'due    ' : 'to do  '}  ${exact(WORD[i.kind].padEnd(9))} ${plain(oneLine(i.name))}: ${plain(oneLine(i.text))}`);
    out(term`${joined(lines)}\n`);
  }
  const overdue = items.filter((i) => i.overdue).length;
  if (failOn.includes('overdue') && overdue) throw new CheckFailed(`--fail-on overdue: ${overdue} overdue item${overdue === 1 ? '' : 's'}`);
}
