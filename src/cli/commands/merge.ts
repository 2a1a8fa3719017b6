// `dutykit merge <assessment> <contribution...>`: read every file, refuse on any problem, merge
// (pure, src/merge/), apply the edits to the partnership file's own text and save it atomically.
import { readFileSync } from 'node:fs';
import { InputError, type Problem } from '../../errors.js';
import type { Framework } from '../../model/framework-schema.js';
import type { LoadedAssessment } from '../../model/load-assessment.js';
import { AssessmentEditor, saveAssessment } from '../../model/write-assessment.js';
import { mergeProblems } from '../../merge/checks.js';
import { today } from '../clock.js';
import { messages } from '../../i18n/catalogue.js';
import { describeMerge, mergeOutcome } from '../../merge/describe.js';
import { mergeContributions, type MergeEdit } from '../../merge/merge.js';
import { message } from '../../outside.js';
import { acquireLock } from '../assess/lock.js';
import { dutykitCommand } from '../dutykit-command.js';
import { langsOption, oneLang, translated } from '../lang.js';
import { loadChecked } from '../open.js';
import { err, out, outJson, outLines, type GlobalOptions } from '../output.js';

export interface MergeOptions extends GlobalOptions {
  allowOlder?: boolean;
  lang?: string;
}

export async function runMerge(target: string, files: string[], opts: MergeOptions): Promise<void> {
  const lang = oneLang(langsOption(opts.lang), "merge's summary");
  const problems: Problem[] = [];
  const load = (f: string): LoadedAssessment | undefined => {
    const l = loadChecked(f);
    if (!l.value) problems.push(...l.problems);
    return l.value;
  };
  const base = load(target);
  // The bytes the merge starts from: the save refuses if another program changes them meanwhile.
  const bytes = base && readFileSync(target);
  const contributions = files.map(load);
  if (!base || problems.length) throw new InputError(problems);
  const loaded = contributions as LoadedAssessment[];
  const refused = mergeProblems(base, loaded, { allowOlder: opts.allowOlder === true, today: today() });
  if (refused.length) throw new InputError(refused);
  // The summary's words, read before anything is written: a bad translation is refused first.
  const words = translated(base.framework, lang)?.framework ?? base.framework;
  // Not while an `assess` session has the file open: its next save would refuse, or lose this merge.
  const lock = acquireLock(target);
  try {
    if (lock.notice) err(message(lock.notice));
    merge(target, base, loaded, bytes!, { ...opts, lang, words });
  } finally {
    lock.release();
  }
}

function merge(target: string, base: LoadedAssessment, loaded: LoadedAssessment[], bytes: Buffer, opts: MergeOptions & { lang: string; words: Framework }): void {
  const fw = base.framework;
  const result = mergeContributions(fw, base.assessment, loaded.map((c) => ({ file: c.file, assessment: c.assessment })));
  if (result.edits.length) {
    saveAssessment(target, mergedText(bytes!.toString('utf8').replace(/^\uFEFF/, ''), fw, result.edits), fw, bytes);
  }
  if (opts.json) {
    outJson({ file: target, written: result.edits.length > 0, contributions: result.contributions, unsettled: result.unsettled });
    return;
  }
  const l = messages(opts.lang);
  outLines(describeMerge(opts.words, result, target, base.assessment.authority, { assess: `${dutykitCommand()} assess`, l }));
  out(mergeOutcome(target, result.edits.length > 0, l));
}

/** The partnership file's text with the merge's edits made, parsed once at the end, not once an edit. */
export function mergedText(text: string, fw: Framework, edits: MergeEdit[]): string {
  const editor = new AssessmentEditor(text, fw);
  editor.batch(() => {
    for (const e of edits) apply(editor, e);
  });
  return editor.toString();
}

function apply(editor: AssessmentEditor, e: MergeEdit): void {
  if (e.kind === 'position') editor.setPosition(e.benchmark, e.question, e.organisation, e.position);
  else if (e.kind === 'action') editor.addAction(e.benchmark, e.action);
  else if (e.kind === 'action-detail') editor.setActionDetail(e.benchmark, e.index, e.field, e.value);
  else editor.setContributor(e.index, e.contributor);
}
