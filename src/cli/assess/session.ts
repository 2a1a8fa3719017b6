// One open assessment during `assess`: the checked model, the editor over its text, and a
// save after every confirmed change.
import { nextStep, newSkipped, progress, progressLine, type Step } from '../../assess/steps.js';
import { existsSync, readFileSync } from 'node:fs';
import type { Answer, Assessment } from '../../model/assessment.js';
import type { Benchmark, Framework } from '../../model/framework-schema.js';
import type { LoadedAssessment } from '../../model/load-assessment.js';
import { AssessmentEditor, saveAssessment } from '../../model/write-assessment.js';
import { rateBenchmark, type BenchmarkRating } from '../../rating/rate.js';
import { LastYear, previousAnswer, type Previous } from '../../assess/carry.js';
import type { Paint } from '../output.js';

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

  rating(i: number): BenchmarkRating {
    const b = this.benchmark(i);
    return rateBenchmark(this.fw, b, this.assessment.benchmarks[b.id]!, this.assessment.date);
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

  next(): Step {
    return nextStep(this.ratings(), this.assessment.sign_off.length > 0, this.skipped);
  }

  progress(step = this.next()): string {
    return progressLine(progress(this.ratings(), step));
  }

  /** "23 of 61 questions answered, 2 of 10 benchmarks rated" */
  counts(): string {
    const p = progress(this.ratings(), { kind: 'done' });
    return `${p.answered} of ${p.questions} questions answered, ${p.rated} of ${p.benchmarks} benchmarks rated`;
  }

  /** Apply a change and save at once: the file on disk always holds every confirmed answer. */
  edit(change: (e: AssessmentEditor) => void): void {
    change(this.#editor);
    const text = this.#editor.toString();
    if (text === this.#saved) return;
    this.loaded = saveAssessment(this.file, text, this.fw, this.#disk);
    this.#saved = text;
    this.#disk = readFileSync(this.file);
  }
}
