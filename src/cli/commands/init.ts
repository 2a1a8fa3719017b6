// `dutykit init [file]`: a blank assessment listing every question.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, UsageError } from '../../errors.js';
import { usage, usageError } from '../usage.js';
import { namesFolder } from '../option-checks.js';
import { writeFileAtomic } from '../../model/atomic-write.js';
import { blankAssessment } from '../../model/blank.js';
import { blankTooLarge } from '../../model/blank-fits.js';
import { isIsoDate } from '../../model/assessment-schema.js';
import { isOneLine } from '../../model/one-line.js';
import { didYouMean } from '../../model/did-you-mean.js';
import type { Framework } from '../../model/framework-schema.js';
import { appliesTo } from '../../rating/questions.js';
import { chosenFramework } from '../open.js';
import { exact, ours, plain, term } from '../../outside.js';
import { err, outJson, type GlobalOptions } from '../output.js';
import { frameworkRef } from '../paths.js';
import { dutykitCommand } from '../dutykit-command.js';
import { shellQuote } from '../assess/text.js';
import { today } from '../clock.js';

export interface InitOptions extends GlobalOptions {
  authority?: string;
  period?: string;
  date?: string;
  marking: string;
  force?: boolean;
  contributor?: string;
  kind?: string;
  roster?: string;
  out?: string;
}

/** One blank assessment (init-which.ts has sent a roster elsewhere and refused a mix of the two). */
export async function runInit(file: string | undefined, opts: InitOptions): Promise<void> {
  if (opts.date !== undefined && !isIsoDate(opts.date)) throw usage`--date: "${opts.date}" is not a date; write it as YYYY-MM-DD`;
  const date = opts.date ?? today();
  if (file !== undefined && namesFolder(file)) throw usageError('usage.fileIsFolder', { file });
  if (opts.contributor !== undefined && opts.contributor.trim() === '') throw new UsageError('--contributor: give the name of your organisation, e.g. --contributor "Essex Police"');
  // As the file's own check refuses it (one-line.ts): a file init writes, validate never refuses for it.
  if (opts.contributor !== undefined && !isOneLine(opts.contributor)) throw usage`--contributor: "${opts.contributor}" is not one line; an organisation's name has no line break or control character`;
  const target = file ?? join('assessments', opts.contributor ? `${date}-contribution-${slug(opts.contributor)}.yaml` : `${date}-self-assessment.yaml`);
  if (existsSync(target) && !opts.force) {
    throw usage`${target} already exists; choose another name, or add --force to overwrite it`;
  }
  const fw = chosenFramework(opts.framework);
  const kind = chosenKind(fw, opts.kind);
  // The check `validate <folder>` makes: never write a file that validate would refuse as too large.
  const tooLarge = blankTooLarge(fw);
  if (tooLarge) throw new InputError([{ file: join(fw.dir, 'framework.yaml'), line: 1, col: 1, path: '', message: tooLarge }]);
  writeFileAtomic(target, blankAssessment(fw, { authority: opts.authority, kind, period: opts.period, date, marking: opts.marking, frameworkRef: frameworkRef(fw, target), contributor: opts.contributor?.trim() }));
  const questions = fw.benchmarks.reduce((n, b) => n + b.questions.filter((q) => !q.retired && appliesTo(q, kind)).length, 0);
  if (opts.json) outJson({ written: target, framework: fw.id, benchmarks: fw.benchmarks.length, questions }, 0);
  else {
    if (opts.contributor) err(term`wrote ${exact(target)}: a contribution from ${plain(opts.contributor.trim())}, ${questions} questions listed; answer those your organisation can speak to`);
    else err(term`wrote ${exact(target)}: ${fw.benchmarks.length} benchmarks, ${questions} questions to answer`);
    const todo = [!opts.authority && 'authority', fw.kinds && !kind && 'kind', !opts.period && 'period'].filter(Boolean).join(', ').replace(/, ([^,]*)$/, ' and $1');
    if (todo) err(term`Fill in ${ours(todo)} at the top, then answer the questions.`);
    // Typed back as it stands: quoted for the shell, and dutykit named as it was run.
    err(term`Check it with: ${exact(`${dutykitCommand()} validate ${shellQuote(target)}`)}`);
  }
}

/** `--kind`, checked against the framework's kinds: only a framework that declares kinds takes one. */
function chosenKind(fw: Framework, kind: string | undefined): string | undefined {
  if (kind === undefined) return undefined;
  const k = kind.trim().toLowerCase();
  const kinds = fw.kinds?.map((x) => x.id) ?? [];
  if (!kinds.length) throw usage`--kind: the framework ${fw.id} declares no kinds of body; leave --kind out`;
  if (!kinds.includes(k)) throw usage`--kind: unknown kind "${kind}"${didYouMean(k, kinds)}; ${fw.id} has ${kinds.join(', ')}`;
  return k;
}

/** A file-name part from an organisation's name: "Essex Police" → essex-police. */
const slug = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'organisation';
