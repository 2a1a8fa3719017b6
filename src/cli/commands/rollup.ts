// `dutykit rollup <files or folders...>`: the returns of a round in one view (spec §10).
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError, type Problem } from '../../errors.js';
import type { Roster } from '../../model/roster.js';
import { openRoster } from '../open-roster.js';
import { rollupBlocks } from '../../rollup/blocks.js';
import { RollupBuilder, type Rollup } from '../../rollup/model.js';
import { RosterIndex, type Found } from '../../rollup/roster-match.js';
import { sameDayWarning } from '../../rollup/same-day.js';
import { renderRollupMarkdown, renderRollupText } from '../../rollup/render.js';
import { summarise, type ReturnSummary } from '../../rollup/summary.js';
import { now, today } from '../clock.js';
import { writeFileAtomic } from '../../model/atomic-write.js';
import { exact, joined, jsonText, message, type Term } from '../../outside.js';
import { messages, type Messages } from '../../i18n/catalogue.js';
import { frameworkWords, langsOption, oneLang } from '../lang.js';
import { pdfRenderer } from '../pdf-renderer.js';
import { printedFormat } from '../json-format.js';
import { err, out, outBytes, terminalWidth, type GlobalOptions } from '../output.js';
import { eachReturn } from '../returns.js';
import { checkFailed, usageError, warningText } from '../usage.js';
import { said, type Said } from '../../model/said.js';

export interface RollupOptions extends GlobalOptions {
  roster?: string;
  previous?: string;
  format?: 'text' | 'md' | 'json' | 'pdf';
  audience: 'board' | 'public';
  failOn?: string;
  out?: string;
  lang?: string;
}

const FAIL_ON = ['missing', 'red', 'decline'] as const;
type FailOn = (typeof FAIL_ON)[number];

function failOn(list: string | undefined): FailOn[] {
  if (list === undefined) return [];
  const asked = list.split(',').map((w) => w.trim().toLowerCase()).filter(Boolean);
  for (const w of asked) if (!(FAIL_ON as readonly string[]).includes(w)) throw usageError('usage.failOnUnknown', { condition: w, expected: FAIL_ON.join(', ') });
  if (!asked.length) throw usageError('usage.failOnNone', { expected: FAIL_ON.join(', ') });
  return [...new Set(asked)] as FailOn[];
}

/**
 * Read returns into a builder: each is summarised and let go at once. With a roster, every
 * return is of its framework. `earlier`: the returns of a round before this one, only matched
 * to the roster's bodies (by reference, else by name) when there is a roster, and said when not.
 * `thisRound`: the files this round read (filled by its gather); a last-round file among them
 * is a usage error, not a round compared with itself.
 */
async function gather(args: string[], thisRound: Set<string>, roster?: Roster, m?: Messages, earlier?: { index?: RosterIndex }): Promise<RollupBuilder> {
  const b = new RollupBuilder();
  const again: string[] = [];
  const index = earlier ? earlier.index : roster && new RosterIndex(roster);
  const problems: Problem[] = [];
  await eachReturn(
    args,
    (o) => {
      // This round's files (by what they are, whatever the path) are never last round's too.
      const id = o.source.identity ?? `path:${resolve(o.file)}`;
      if (earlier && thisRound.has(id)) return void again.push(o.file);
      if (!earlier) thisRound.add(id);
      if (roster && o.framework.id !== roster.framework.id) {
        return void problems.push(o.source.at(['framework'], said('problem.otherFramework', { id: o.framework.id, roster: roster.file, rosterId: roster.framework.id })));
      }
      // A copy of the framework under the same id (its rules changed, say) is another framework.
      if (roster && resolve(o.framework.dir) !== resolve(roster.framework.dir)) {
        return void problems.push(o.source.at(['framework'], said('problem.copiedFramework', { dir: o.framework.dir, id: o.framework.id, rosterDir: roster.framework.dir })));
      }
      if (roster && o.assessment.period !== roster.period) {
        return void err(message(warningText('rollup.warning.otherPeriod', { file: o.file, period: o.assessment.period, roster: roster.file, rosterPeriod: roster.period })));
      }
      // Matched by reference, or by name when the return has none: the summary carries the body's.
      const found = index?.find(o.assessment.authority, o.assessment.reference);
      const warning = earlier ? earlierWarning(found, o.assessment.reference) : found?.warning;
      if (warning) err(message(warningText(warning.key, { ...warning.params, file: exact(o.file) })));
      const summary = matched(summarise(o.file, o.assessment, o.ratings), found?.body);
      // A blank return matched to the roster is shown there as begun; any other of this round is said here.
      if (!earlier && summary.blank && !found?.body) err(message(warningText('rollup.warning.blank', { file: exact(o.file) })));
      b.add(o.framework, summary);
    },
    roster?.file,
    m,
  );
  if (problems.length) throw new InputError(problems);
  if (again.length) throw usageError('usage.previousThisRound', { file: again[0]!, more: again.length - 1 });
  return b;
}

/** A return of the last round not matched, or matched against its name, is said: its decline would go unseen. Matched by name is no news there. */
function earlierWarning(found: Found | undefined, reference: string | undefined): Said | undefined {
  if (!found) return reference === undefined ? said('rollup.warning.previousNoReference') : undefined;
  return found.warning?.key === 'rollup.warning.matchedByName' ? undefined : found.warning;
}

/** The summary under the roster body's reference, when it was matched to one. */
function matched(summary: ReturnSummary, body: { reference: string } | undefined): ReturnSummary {
  if (body) summary.reference = body.reference;
  return summary;
}

/** What each --fail-on condition found, counted on the full (board) roll-up. */
function tripped(m: Rollup, conditions: FailOn[], audience: RollupOptions['audience']): { key: `rollup.failOn.${FailOn}` | 'rollup.failOn.fewer'; params: { count?: number; condition?: FailOn } }[] {
  const n = (v: unknown) => (Array.isArray(v) ? v.length : 0);
  const found: Record<FailOn, number> = {
    missing: m.sections.reduce((k, s) => k + n(s.roster?.missing), 0),
    red: m.sections.reduce((k, s) => k + n(s.red), 0),
    decline: m.sections.reduce((k, s) => k + n(s.declines), 0),
  };
  // A public roll-up's small counts stay "fewer than 5" in its messages too (a CI log is read).
  return conditions
    .filter((c) => found[c] > 0)
    .map((c) => (audience === 'public' && found[c] < 5 ? { key: 'rollup.failOn.fewer' as const, params: { condition: c } } : { key: `rollup.failOn.${c}` as const, params: { count: found[c] } }));
}

export async function runRollup(args: string[], opts: RollupOptions): Promise<void> {
  const format = printedFormat(opts.json, opts.format, 'text');
  const langs = langsOption(opts.lang);
  if (format === 'json') oneLang(langs, 'JSON');
  const conditions = failOn(opts.failOn);
  if (format === 'pdf' && !opts.out && process.stdout.isTTY) throw usageError('usage.pdfTerminal');
  if (conditions.includes('decline') && !opts.previous) throw usageError('usage.declineNeedsPrevious');
  // Without a roster nothing is known to be missing: the check would pass whatever came in.
  if (conditions.includes('missing') && !opts.roster) throw usageError('usage.missingNeedsRoster');
  if (opts.out) refuseInputAsOut(opts.out, [...args, opts.roster, opts.previous]);
  const roster = opts.roster ? openRoster(opts.roster) : undefined;
  // The files' own warnings are given in the first language asked, as report and rate give them.
  const thisRound = new Set<string>();
  const current = await gather(args, thisRound, roster, messages(langs[0]));
  // Last round's returns are matched to this roster's bodies as this round's are, so that a body
  // that gave its reference one year and only its name the next is still one body.
  const previous = opts.previous ? await gather([opts.previous], thisRound, undefined, messages(langs[0]), { index: roster && new RosterIndex(roster) }) : undefined;
  // A --previous with no returns in it (an empty folder, the folder above the rounds) would pass
  // --fail-on decline having compared nothing.
  if (previous && previous.frameworks().length === 0) throw usageError('usage.previousEmpty', { previous: opts.previous! });
  // Without a roster, a body that returned last round and not this one would go unmentioned.
  if (previous && !roster) {
    for (const { was, sameName } of current.goneSince(previous)) {
      const other = { same: sameName ? 'yes' : 'no', other: sameName ? exact(sameName.file) : '', otherReference: sameName?.reference ?? '' };
      err(message(warningText('rollup.warning.previousGone', { file: exact(was.file), name: was.name, reference: was.reference!, ...other })));
    }
  }
  // Returns of one body on one day: the file name chooses, and that is said, never silent.
  for (const d of [...current.sameDay(), ...(previous?.sameDay() ?? [])]) err(message(sameDayWarning(d, messages(langs[0]))));
  const asOf = today();
  const board = current.build({ audience: 'board', roster, asOf, previous });
  // Each language's roll-up: the catalogue's words and each framework's own in that language.
  const words = frameworkWords();
  const models = langs.map((lang) => {
    const l = messages(lang);
    return { lang, l, model: current.build({ audience: opts.audience, roster, asOf, previous, l, words: (fw) => words(fw, lang) }) };
  });
  const parts = format === 'json' ? [] : models.map(({ lang, l, model }) => ({ lang, blocks: rollupBlocks(model, l) }));
  let output: Term | Uint8Array;
  if (format === 'json') output = jsonText(models[0]!.model);
  else if (format === 'md') output = joined(parts.map((p) => renderRollupMarkdown(p.blocks)), '\n');
  else if (format === 'pdf') {
    // pdfkit is most of the cost of a PDF: only the pdf format loads it.
    const { renderRollupPdf } = await pdfRenderer();
    // The board version names bodies, contacts and their gaps; the public one holds counts only.
    output = await renderRollupPdf(parts, { created: now(), marking: opts.audience === 'public' ? 'OFFICIAL' : 'OFFICIAL-SENSITIVE' });
  } else output = joined(parts.map((p) => renderRollupText(p.blocks, opts.out ? 100 : terminalWidth())), '\n');
  if (opts.out) {
    writeFileAtomic(opts.out, typeof output === 'string' ? (format === 'json' ? `${output}\n` : output) : output, { output: true });
    err(message(warningText('output.wrote', { file: exact(opts.out) })));
  } else if (typeof output !== 'string') outBytes(output);
  else out(output);
  const trips = tripped(board, conditions, opts.audience);
  if (trips.length) throw checkFailed(trips);
}

/**
 * `--out` names where the roll-up goes, never a file it reads: a return or a roster (any YAML
 * file), a file given, or a file in a folder given, would be replaced by the roll-up.
 */
function refuseInputAsOut(out: string, inputs: (string | undefined)[]): void {
  const where = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));
  const target = where(out);
  const reads = inputs.flatMap((i) => (i === undefined ? [] : [where(i)]));
  const read = reads.includes(target);
  const inFolder = reads.some((r) => existsSync(r) && statSync(r).isDirectory() && dirname(target) === r);
  const why = read ? 'read' : inFolder ? 'folder' : /\.ya?ml$/i.test(out) ? 'yaml' : '';
  if (why) throw usageError('usage.outIsInput', { out: exact(out), why });
}
