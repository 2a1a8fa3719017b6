// Changes to an assessment file in its own vocabulary, written through the in-place YAML
// editor (comments and layout of a hand-edited file stay put), checked, then saved atomically.
import { closeSync, openSync, readSync } from 'node:fs';
import { InputError } from '../errors.js';
import type { Action, Contributor, Person, Position, Settlement, SignOff } from './assessment.js';
import { writeFileAtomic } from './atomic-write.js';
import type { Framework } from './framework-schema.js';
import { checkAssessment, contributor, type LoadedAssessment } from './load-assessment.js';
import { parseSource } from './source.js';
import { YamlEditor, type Path } from './yaml-edit.js';

const TOP = ['framework', 'framework_version', 'authority', 'period', 'date', 'marking', 'assessors', 'contributor', 'contributors', 'benchmarks', 'sign_off'];
const ENTRY = ['answers', 'rating', 'rationale', 'notes', 'actions'];
const ANSWER = ['answer', 'evidence', 'links', 'reviewed', 'justification', 'positions', 'settled'];
const ACTION = ['action', 'owner', 'due', 'status'];
const SIGN_OFF = ['name', 'role', 'date', 'signed'];

/** Fields to change in one answer: a value sets it, `null` removes it, absent leaves it. */
export interface AnswerEdit {
  answer?: string;
  evidence?: string | null;
  links?: string[] | null;
  reviewed?: string | null;
  justification?: string | null;
}

export type Details = Partial<Record<'authority' | 'period' | 'date' | 'marking', string>>;

export class AssessmentEditor {
  readonly #yaml: YamlEditor;

  constructor(text: string, fw: Framework) {
    const questions = new Map(fw.benchmarks.map((b) => [b.id, b.questions.map((q) => q.id)]));
    this.#yaml = new YamlEditor(text, (p) => {
      if (p.length === 0) return TOP;
      if (p.length === 2 && p[0] === 'sign_off') return SIGN_OFF;
      if (p.length === 2 && p[0] === 'contributors') return ['organisation', 'name', 'role', 'date'];
      if (p.length === 6 && p[4] === 'positions') return ANSWER;
      if (p[0] !== 'benchmarks') return undefined;
      if (p.length === 4 && p[2] === 'actions') return ACTION;
      if (p.length === 1) return fw.benchmarks.map((b) => b.id);
      if (p.length === 2) return ENTRY;
      if (p.length === 3 && p[2] === 'answers') return questions.get(String(p[1]));
      if (p.length === 4 && p[2] === 'answers') return ANSWER;
      return undefined;
    });
  }

  toString(): string {
    return this.#yaml.toString();
  }

  /** Many changes, the text parsed once at the end (see YamlEditor.batch): what `merge` makes. */
  batch(run: () => void): void {
    this.#yaml.batch(run);
  }

  setDetails(d: Details): void {
    for (const [k, v] of Object.entries(d)) if (v !== undefined) this.#yaml.set([k], v);
  }

  setAssessors(people: Person[]): void {
    this.#yaml.set(['assessors'], people.length ? people.map(person) : []);
  }

  setAnswer(benchmark: string, question: string, edit: AnswerEdit): void {
    const at: Path = ['benchmarks', benchmark, 'answers', question];
    for (const key of ANSWER) {
      if (!(key in edit)) continue;
      const v = edit[key as keyof AnswerEdit];
      const empty = v === null || v === '' || (Array.isArray(v) && v.length === 0);
      this.#yaml.set([...at, key], empty ? undefined : key === 'answer' ? String(v).toLowerCase() : v);
    }
  }

  /** The group's agreed rating (null: none yet) and why it differs (null: no rationale). */
  setRating(benchmark: string, rating: string | null, rationale: string | null): void {
    this.#yaml.set(['benchmarks', benchmark, 'rating'], rating ? rating.toLowerCase() : undefined);
    this.#yaml.set(['benchmarks', benchmark, 'rationale'], rationale || undefined);
  }

  /** One organisation's position on a question (null: withdrawn), under its name. */
  setPosition(benchmark: string, question: string, organisation: string, p: Position | null): void {
    const at: Path = ['benchmarks', benchmark, 'answers', question];
    const value = p && positionData(p);
    if (value && this.#yaml.isFlow(at)) {
      // `q: { answer: met }` would grow into one long line: write the answer as a block instead.
      const data = this.#yaml.get(at).data as Record<string, unknown>;
      return this.#yaml.set(at, { ...data, positions: { ...(data.positions as object), [organisation]: value } });
    }
    this.#yaml.set([...at, 'positions', organisation], value ?? undefined);
    if (value) return;
    const left = this.#yaml.get([...at, 'positions']).data;
    if (left === null || (typeof left === 'object' && Object.keys(left).length === 0)) this.#yaml.set([...at, 'positions'], undefined);
  }

  /**
   * The group's settlement of an unsettled question: its answer becomes the file's own, and the
   * settlement keeps the reason, the date and the positions it settled (`justification`: for an
   * answer that does not apply, when the file has none).
   */
  settle(benchmark: string, question: string, s: Settlement, justification?: string): void {
    const at: Path = ['benchmarks', benchmark, 'answers', question];
    this.#yaml.set([...at, 'answer'], s.answer.toLowerCase());
    if (justification) this.#yaml.set([...at, 'justification'], justification);
    this.#yaml.set([...at, 'settled'], { answer: s.answer.toLowerCase(), reason: s.reason, date: s.date, positions: s.positions });
  }

  /** The record of a merged contribution: a new one (index -1) or the one it replaces. */
  setContributor(index: number, c: Contributor): void {
    if (index < 0) return this.#yaml.push(['contributors'], contributor(c));
    for (const key of ['name', 'role', 'date'] as const) this.#yaml.set(['contributors', index, key], c[key]);
  }

  addAction(benchmark: string, a: Action): void {
    const item: Record<string, string> = { action: a.action };
    if (a.owner) item.owner = a.owner;
    if (a.due) item.due = a.due;
    item.status = a.status;
    this.#yaml.push(['benchmarks', benchmark, 'actions'], item);
  }

  setActionStatus(benchmark: string, index: number, status: Action['status']): void {
    this.#yaml.set(['benchmarks', benchmark, 'actions', index, 'status'], status);
  }

  /** Fill in an action's owner or due date (an empty value removes it). */
  setActionDetail(benchmark: string, index: number, field: 'owner' | 'due', value: string | undefined): void {
    this.#yaml.set(['benchmarks', benchmark, 'actions', index, field], value || undefined);
  }

  /** Fill in the date of the sign-off at `index`. */
  setSignOffDate(index: number, date: string | undefined): void {
    this.#yaml.set(['sign_off', index, 'date'], date || undefined);
  }

  addSignOff(s: SignOff): void {
    this.#yaml.push(['sign_off'], { name: s.name, role: s.role, ...(s.date && { date: s.date }), ...(s.signed && { signed: s.signed }) });
  }

  /** A sign-off given again: its role, and what it now signs (the date follows, as for a new one). */
  signAgain(index: number, s: Pick<SignOff, 'role' | 'signed'>): void {
    this.#yaml.set(['sign_off', index, 'role'], s.role);
    this.#yaml.set(['sign_off', index, 'date'], undefined);
    this.#yaml.set(['sign_off', index, 'signed'], s.signed);
  }
}

const positionData = (p: Position) => {
  const out: Record<string, unknown> = {};
  for (const key of ANSWER) {
    const v = p[key as keyof Position];
    if (v !== undefined && !(Array.isArray(v) && v.length === 0)) out[key] = v;
  }
  return out;
};

const person = (p: Person) => (p.role ? { name: p.name, role: p.role } : { name: p.name });

/**
 * Check the edited text as `loadAssessment` would, then write it atomically. A text that
 * would not load again is never written: the file on disk stays the last good one. With
 * `expect` (the bytes last read or written), a file another program has saved meanwhile is
 * not overwritten.
 */
export function saveAssessment(file: string, text: string, fw: Framework, expect?: Uint8Array | null): LoadedAssessment {
  const read = parseSource(file, Buffer.from(text, 'utf8'));
  if (!read.source) throw new InputError(read.problems);
  const checked = checkAssessment(read.source, fw, file);
  if (!checked.value) throw new InputError(checked.problems);
  writeFileAtomic(file, startsWithBom(file) ? `\uFEFF${text}` : text, { expect });
  return checked.value;
}

/** A file saved on Windows may start with a byte-order mark; saving keeps it. */
function startsWithBom(file: string): boolean {
  try {
    const fd = openSync(file, 'r');
    try {
      const head = Buffer.alloc(3);
      return readSync(fd, head, 0, 3, 0) === 3 && head.equals(Buffer.from([0xef, 0xbb, 0xbf]));
    } finally {
      closeSync(fd);
    }
  } catch {
    return false; // a new file has none
  }
}
