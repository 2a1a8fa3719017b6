// One open assessment during `assess`: the checked model, the editor over its text, and a
// save after every confirmed change.
import { nextStep, newSkipped, progress, progressLine, type Step } from '../../assess/steps.js';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { changedFields, overlap } from '../../assess/merge.js';
import { UsageError } from '../../errors.js';
import type { Answer, Assessment } from '../../model/assessment.js';
import type { Benchmark, Framework, Question } from '../../model/framework-schema.js';
import { appliesTo, forKind } from '../../rating/questions.js';
import type { LoadedAssessment } from '../../model/load-assessment.js';
import { AssessmentEditor, saveAssessment } from '../../model/write-assessment.js';
import { ratingProblems } from '../../rating/check.js';
import { rateBenchmark, type BenchmarkRating } from '../../rating/rate.js';
import { LastYear, previousAnswer, type Previous } from '../../assess/carry.js';
import type { Paint } from '../../report/terminal.js';
import { keepUnfinished, type Unfinished } from './unfinished.js';

/** Where the walk-through writes what is not a prompt. */
export interface Io {
  say(text: string): void;
  paint: Paint;
  width: number;
}

export class Session {
  readonly skipped = newSkipped();
  /** Benchmarks whose statement has been shown in this session. */
  readonly introduced = new Set<string>();
  /** A choice shown as made that the file cannot hold until the next answer (an n/a needs its reason). */
  unsaved: string | undefined;
  #editor: AssessmentEditor;
  #saved: string;
  /** Last year's answers, offered as defaults (`--from`). */
  readonly #lastYear: LastYear | undefined;
  /** The file's bytes as last read or written: a save refuses if another program changed them. */
  #disk: Buffer | null;
  /** The part of a question being asked now (evidence, links, review date): kept if the session stops there. */
  #place: Unfinished | undefined;
  /** `<file>.unfinished` is on disk, to remove once its question is finished. */
  #placeOnDisk = false;

  constructor(
    readonly file: string,
    public loaded: LoadedAssessment,
    text: string,
    readonly io: Io,
    previous?: Previous,
  ) {
    this.#editor = new AssessmentEditor(text, loaded.framework);
    this.#lastYear = previous && new LastYear(loaded.framework, previous);
    this.#saved = text;
    this.#disk = existsSync(file) ? readFileSync(file) : null;
  }

  get fw(): Framework {
    return this.loaded.framework;
  }

  get assessment(): Assessment {
    return this.loaded.assessment;
  }

  benchmark(i: number): Benchmark {
    return this.fw.benchmarks[i]!;
  }

  /** The questions asked of this body: none retired, none outside its kind, essential as for its kind. */
  questions(i: number): Question[] {
    const kind = this.assessment.kind;
    return this.benchmark(i).questions.filter((q) => !q.retired && appliesTo(q, kind)).map((q) => forKind(q, kind));
  }

  rating(i: number): BenchmarkRating {
    const b = this.benchmark(i);
    return rateBenchmark(this.fw, b, this.assessment.benchmarks[b.id]!, this.assessment.date, this.assessment.authority, this.assessment.kind);
  }

  ratings(): BenchmarkRating[] {
    return this.fw.benchmarks.map((_, i) => this.rating(i));
  }

  answer(i: number, question: string): Answer | undefined {
    return this.assessment.benchmarks[this.benchmark(i).id]!.answers[question];
  }

  previousAnswer(i: number, question: string): Answer | undefined {
    return previousAnswer(this.#lastYear, this.benchmark(i).id, question);
  }

  get place(): Unfinished | undefined {
    return this.#place;
  }

  /** Now asking this part of a question; undefined once the question is finished. */
  at(place: Unfinished | undefined, onDisk = false): void {
    this.#place = place;
    if (onDisk) this.#placeOnDisk = true;
    if (!place && this.#placeOnDisk) {
      keepUnfinished(this.file, undefined);
      this.#placeOnDisk = false;
    }
  }

  /** Stopping: keep the part being asked, so that the next session carries on there. */
  keepPlace(): void {
    // Not kept (a folder that refuses the write, something not ours of that name): the stop
    // message still names what is left, and does not promise that the next run carries on there.
    if (!this.#place) return;
    try {
      this.#placeOnDisk = keepUnfinished(this.file, this.#place);
    } catch {
      /* kept in the message only */
    }
  }

  /** Whether the place is kept for the next session. */
  get placeKept(): boolean {
    return this.#placeOnDisk;
  }

  next(): Step {
    return nextStep(this.ratings(), this.signedOff(), this.skipped);
  }

  /** Signed off, by a sign-off given since the last change. */
  signedOff(): boolean {
    return this.assessment.sign_off.some((x) => !x.outOfDate);
  }

  progress(step = this.next()): string {
    return progressLine(progress(this.ratings(), step));
  }

  /** What `rate` and `report` will refuse the file for until it is given (a rationale, say). */
  stillNeeded(): string[] {
    const rationales = ratingProblems(this.fw, this.ratings()).map((p) => {
      const b = this.fw.benchmarks.find((x) => x.id === p.path[1])!;
      return `${b.number}. ${b.title}: ${p.message}`;
    });
    const stale = this.assessment.sign_off.filter((x) => x.outOfDate).map((x) => `the sign-off by ${x.name} is out of date: the assessment has changed since; sign off again (Menu › Sign-off)`);
    return [...rationales, ...stale];
  }

  /** "23 of 61 questions answered, 2 of 10 benchmarks rated" */
  counts(): string {
    const p = progress(this.ratings(), { kind: 'done' });
    return `${p.answered} of ${p.questions} questions answered, ${p.rated} of ${p.benchmarks} benchmarks rated`;
  }

  /**
   * Apply a change and save at once: the file on disk always holds every confirmed answer.
   * If another program has saved the file meanwhile, the change is made again on top of
   * theirs when the two touched different fields; when they touched the same one, nothing is
   * written and EditConflict shows the answer, to be given again.
   */
  edit(change: (e: AssessmentEditor) => void): void {
    const base = this.#saved;
    change(this.#editor);
    const text = this.#editor.toString();
    if (text === base) return;
    const now = existsSync(this.file) ? readFileSync(this.file) : null;
    if (this.#disk && now && !now.equals(this.#disk)) return this.#reapply(change, base, text, now);
    this.#save(text);
  }

  #save(text: string): void {
    this.loaded = saveAssessment(this.file, text, this.fw, this.#disk);
    this.#saved = text;
    this.#disk = readFileSync(this.file);
  }

  #reapply(change: (e: AssessmentEditor) => void, base: string, ours: string, now: Buffer): void {
    const theirs = now.toString('utf8').replace(/^\uFEFF/, '');
    const clash = overlap(base, ours, theirs);
    let merged: AssessmentEditor | undefined;
    if (!clash.length) {
      try {
        merged = new AssessmentEditor(theirs, this.fw);
        change(merged);
      } catch {
        merged = undefined; // their text cannot be edited (not YAML any more): the user decides
      }
    }
    if (!merged) throw new EditConflict(this.file, changedFields(base, ours).map((p) => [p, valueAt(ours, p)]), clash.length > 0);
    this.#editor = merged;
    this.#disk = now;
    this.#save(merged.toString());
    this.io.say(`(${this.file} was saved by another program meanwhile, in other places: your answer is added to that version.)`);
  }
}

/** Another program changed the same field as this session, or made the file unreadable. */
export class EditConflict extends UsageError {
  constructor(
    file: string,
    readonly answers: [string[], unknown][],
    sameField: boolean,
  ) {
    const shown = answers.map(([p, v]) => `  ${p.join('.')}: ${typeof v === 'string' ? v : JSON.stringify(v ?? null)}`).join('\n');
    super(
      `${file} was saved by another program while you answered, ${sameField ? 'changing the same field' : 'and it can no longer be read'}, so your answer was not saved. ` +
        `Your answer, to give again:\n${shown}`,
    );
  }
}

function valueAt(text: string, path: string[]): unknown {
  let v: unknown = parse(text);
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}
