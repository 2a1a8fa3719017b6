// Pure: contributions into a partnership's assessment (spec §9). Each organisation's answers
// become its positions, under its name; proposed actions are added once; nothing the file already
// says is changed. The result is the merged model, the edits that make it (applied to the YAML
// text by the command, so comments and layout stay) and what happened, for the command to print.
import type { Action, Answer, Assessment, Contributor, Position } from '../model/assessment.js';
import type { Framework } from '../model/framework-schema.js';
import { organisationKey } from '../model/one-line.js';
import { resolveAnswer, type Voice } from '../rating/positions.js';

export interface Contribution {
  file: string;
  assessment: Assessment;
}

export type MergeEdit =
  | { kind: 'position'; benchmark: string; question: string; organisation: string; position: Position | null }
  | { kind: 'action'; benchmark: string; action: Action }
  | { kind: 'action-detail'; benchmark: string; index: number; field: 'owner' | 'due'; value: string }
  | { kind: 'contributor'; contributor: Contributor; index: number };

export interface QuestionRef {
  benchmark: string;
  question: string;
}

export interface PositionEvent extends QuestionRef {
  change: 'added' | 'changed' | 'withdrawn';
  /** For a change: what differs (the answer and the review date with their values). */
  fields: FieldChange[];
  /** What the question is once everything is merged. */
  outcome: 'taken' | 'agrees' | 'unsettled' | 'settled' | 'evidence only' | 'withdrawn';
  evidence: boolean;
}

/** Something a contribution carries that is the group's to give, or not a contribution's: not merged. */
export interface LeftOut {
  what: 'rating' | 'rationale' | 'notes' | 'positions' | 'settled' | 'sign-offs' | 'contributors' | 'assessors' | 'marking';
  benchmark?: string;
  question?: string;
  /** For `marking`: the contribution's, and the file's (kept). */
  marking?: { theirs: string; kept: string };
}

export interface FieldChange {
  field: (typeof FIELDS)[number];
  from?: string;
  to?: string;
}

export interface ActionDetails {
  benchmark: string;
  action: string;
  /** What the contribution gives; `kept`: what the file has and keeps. */
  fields: { field: 'owner' | 'due' | 'status'; theirs: string; kept?: string }[];
}

export interface ContributionReport {
  /** As the partnership file spells it (the first spelling merged or written). */
  organisation: string;
  /** The contribution's own spelling, where it differs only in case, spacing or Unicode form. */
  spelledAs?: string;
  file: string;
  status: 'new' | 'updated' | 'unchanged';
  positions: PositionEvent[];
  actionsAdded: string[];
  actionsAlreadyThere: string[];
  /** Actions already there that lacked an owner or due date this contribution gives: filled in. */
  actionsFilled: ActionDetails[];
  /** Actions already there whose owner, due date or status this contribution gives otherwise: kept as they are, and said. */
  actionsDiffering: ActionDetails[];
  /** Parts of a contribution that are the group's to decide, and are not merged. */
  leftOut: LeftOut[];
}

export interface UnsettledQuestion extends QuestionRef {
  voices: Voice[];
}

export interface MergeResult {
  assessment: Assessment;
  edits: MergeEdit[];
  contributions: ContributionReport[];
  /** Every unsettled question of the merged file. */
  unsettled: UnsettledQuestion[];
}

/** Each organisation the file knows (merged or holding a position), by key, as the file spells it. */
export function knownOrganisations(a: Assessment): Map<string, string> {
  const known = new Map<string, string>();
  const add = (name: string) => known.has(organisationKey(name)) || known.set(organisationKey(name), name);
  for (const c of a.contributors ?? []) add(c.organisation);
  for (const e of Object.values(a.benchmarks)) for (const q of Object.values(e?.answers ?? {})) for (const org of Object.keys(q?.positions ?? {})) add(org);
  return known;
}

/** Two actions are the same when their text is, whatever the case and spacing. */
export const actionKey = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The same action from a second voice: what it adds (an owner or due date the first left out)
 * is filled in, and what it says otherwise (another owner, another date, another status) is
 * named, never taken silently and never dropped silently. Filling in only what is missing
 * gives the same file whichever voice came first.
 */
function sameAction(there: Action, theirs: Action, benchmark: string, index: number, edits: MergeEdit[], report: ContributionReport): void {
  const filled: ActionDetails['fields'] = [];
  const differing: ActionDetails['fields'] = [];
  for (const field of ['owner', 'due'] as const) {
    const value = theirs[field];
    if (!value || value === there[field]) continue;
    if (there[field]) differing.push({ field, theirs: value, kept: there[field] });
    else {
      there[field] = value;
      edits.push({ kind: 'action-detail', benchmark, index, field, value });
      filled.push({ field, theirs: value });
    }
  }
  if (theirs.status !== there.status) differing.push({ field: 'status', theirs: theirs.status, kept: there.status });
  if (filled.length) report.actionsFilled.push({ benchmark, action: there.action, fields: filled });
  if (differing.length) report.actionsDiffering.push({ benchmark, action: there.action, fields: differing });
}

const FIELDS = ['answer', 'evidence', 'links', 'reviewed', 'justification'] as const;

/** What an organisation says on a question: nothing when it left it blank. */
function positionOf(a: Answer | undefined): Position | undefined {
  if (!a) return undefined;
  const p: Position = { links: [...a.links] };
  for (const k of FIELDS) if (k !== 'links' && a[k] !== undefined) p[k] = a[k];
  const said = p.answer !== undefined || p.evidence !== undefined || p.links.length > 0 || p.justification !== undefined;
  return said ? p : undefined;
}

function changedFields(before: Position, after: Position): FieldChange[] {
  return FIELDS.filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)).map((k) =>
    k === 'answer' || k === 'reviewed' ? { field: k, ...(before[k] !== undefined && { from: before[k] }), ...(after[k] !== undefined && { to: after[k] }) } : { field: k },
  );
}

const samePosition = (a: Position, b: Position) => changedFields(a, b).length === 0;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function clone(a: Assessment): Assessment {
  return structuredClone(a);
}

export function mergeContributions(fw: Framework, target: Assessment, contributions: Contribution[]): MergeResult {
  const merged = clone(target);
  const edits: MergeEdit[] = [];
  const reports: ContributionReport[] = [];
  const before = new Map<string, ReturnType<typeof resolveAnswer>>();
  for (const b of fw.benchmarks) for (const q of b.questions) before.set(`${b.id}/${q.id}`, resolveAnswer(fw, target.benchmarks[b.id]?.answers[q.id]));

  // In one order whatever order they were given in: the same action worded two ways is kept as
  // the first organisation (by name) worded it, and positions are written in that order.
  const known = knownOrganisations(target);
  const named = contributions.map((c) => {
    const given = c.assessment.contributor!.organisation;
    return { c, given, org: known.get(organisationKey(given)) ?? given };
  });
  const ordered = named.sort((x, y) => cmp(x.org, y.org));
  for (const { c, given, org } of ordered) {
    const who = c.assessment.contributor!;
    const report: ContributionReport = { organisation: org, ...(given !== org && { spelledAs: given }), file: c.file, status: 'unchanged', positions: [], actionsAdded: [], actionsAlreadyThere: [], actionsFilled: [], actionsDiffering: [], leftOut: [] };
    const wasMerged = (merged.contributors ?? []).some((x) => x.organisation === org);
    let hadPositions = false;
    for (const b of fw.benchmarks) {
      const entry = merged.benchmarks[b.id]!;
      const theirs = c.assessment.benchmarks[b.id];
      for (const q of b.questions) {
        const held = entry.answers[q.id]?.positions;
        // Own keys only: an organisation called `constructor` has no position until it gives one.
        const current = held && Object.hasOwn(held, org) ? held[org] : undefined;
        if (current) hadPositions = true;
        const next = positionOf(theirs?.answers[q.id]);
        if (theirs?.answers[q.id]?.positions && Object.keys(theirs.answers[q.id]!.positions!).length) report.leftOut.push({ what: 'positions', benchmark: b.id, question: q.id });
        if (theirs?.answers[q.id]?.settled) report.leftOut.push({ what: 'settled', benchmark: b.id, question: q.id });
        if (!current && !next) continue;
        if (current && next && samePosition(current, next)) continue;
        // Withdrawn only from what an earlier contribution gave: a position the officer typed by
        // hand under this name stays where the contribution says nothing.
        if (current && !next && !wasMerged) continue;
        const change = !current ? 'added' : !next ? 'withdrawn' : 'changed';
        const answer = (entry.answers[q.id] ??= { links: [] });
        const positions = { ...answer.positions };
        if (next) positions[org] = next;
        else delete positions[org];
        if (Object.keys(positions).length) answer.positions = positions;
        else delete answer.positions;
        edits.push({ kind: 'position', benchmark: b.id, question: q.id, organisation: org, position: next ?? null });
        const fields = change === 'changed' ? changedFields(current!, next!) : [];
        report.positions.push({ benchmark: b.id, question: q.id, change, fields, outcome: 'withdrawn', evidence: next?.evidence !== undefined || (next?.links.length ?? 0) > 0 });
      }
      for (const action of theirs?.actions ?? []) {
        const key = actionKey(action.action);
        const index = entry.actions.findIndex((x) => actionKey(x.action) === key);
        if (index >= 0) {
          report.actionsAlreadyThere.push(action.action);
          sameAction(entry.actions[index]!, action, b.id, index, edits, report);
          continue;
        }
        const added: Action = { action: action.action, ...(action.owner && { owner: action.owner }), ...(action.due && { due: action.due }), status: action.status };
        entry.actions.push(added);
        edits.push({ kind: 'action', benchmark: b.id, action: added });
        report.actionsAdded.push(action.action);
      }
      if (theirs?.rating) report.leftOut.push({ what: 'rating', benchmark: b.id });
      if (theirs?.rationale) report.leftOut.push({ what: 'rationale', benchmark: b.id });
      if (theirs?.notes) report.leftOut.push({ what: 'notes', benchmark: b.id });
    }
    if (c.assessment.sign_off.length) report.leftOut.push({ what: 'sign-offs' });
    if (c.assessment.contributors?.length) report.leftOut.push({ what: 'contributors' });
    if (c.assessment.assessors.length) report.leftOut.push({ what: 'assessors' });
    if (c.assessment.marking !== target.marking) report.leftOut.push({ what: 'marking', marking: { theirs: c.assessment.marking, kept: target.marking } });
    const record: Contributor = { organisation: org, ...(who.name && { name: who.name }), ...(who.role && { role: who.role }), date: c.assessment.date };
    const list = (merged.contributors ??= []);
    const index = list.findIndex((x) => x.organisation === org);
    if (index < 0 || JSON.stringify(list[index]) !== JSON.stringify(record)) {
      if (index < 0) list.push(record);
      else list[index] = record;
      edits.push({ kind: 'contributor', contributor: record, index });
    }
    // A newer date on the same content is an update too: the file records it.
    const changed = report.positions.length > 0 || report.actionsAdded.length > 0 || report.actionsFilled.length > 0 || (index >= 0 && edits.some((e) => e.kind === 'contributor' && e.index === index));
    report.status = !wasMerged && !hadPositions ? 'new' : changed ? 'updated' : 'unchanged';
    reports.push(report);
  }

  const unsettled: UnsettledQuestion[] = [];
  for (const b of fw.benchmarks) {
    for (const q of b.questions) {
      const after = resolveAnswer(fw, merged.benchmarks[b.id]!.answers[q.id]);
      if (after.source === 'unsettled') unsettled.push({ benchmark: b.id, question: q.id, voices: after.voices });
      const was = before.get(`${b.id}/${q.id}`)!;
      for (const r of reports) {
        for (const e of r.positions) {
          if (e.benchmark !== b.id || e.question !== q.id || e.change === 'withdrawn') continue;
          const mine = merged.benchmarks[b.id]!.answers[q.id]?.positions?.[r.organisation];
          if (mine?.answer === undefined) e.outcome = 'evidence only';
          else if (after.source === 'unsettled') e.outcome = 'unsettled';
          else if (after.source === 'settled') e.outcome = 'settled';
          else if (after.source === 'taken' && (was.source === 'none' || after.takenFrom[0] === r.organisation)) e.outcome = 'taken';
          else e.outcome = 'agrees';
        }
      }
    }
  }
  return { assessment: merged, edits, contributions: reports, unsettled };
}
