// `assess` on one file: lock it, open or start it, walk through it; on Ctrl-C say how to resume.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { carryForward, type Carried } from '../../assess/carry.js';
import { Cancelled, formatProblem, InputError, UsageError } from '../../errors.js';
import type { Person } from '../../model/assessment.js';
import { makeFolder, writeFileAtomic } from '../../model/atomic-write.js';
import { blankAssessment } from '../../model/blank.js';
import type { Framework } from '../../model/framework-schema.js';
import { loadFramework, resolveFramework } from '../../model/load-framework.js';
import { LIMITS } from '../../model/source.js';
import { AssessmentEditor, saveAssessment } from '../../model/write-assessment.js';
import { today } from '../clock.js';
import { chosenFramework, loadChecked, openAssessment, type Opened } from '../open.js';
import type { GlobalOptions } from '../output.js';
import { BUNDLED_FRAMEWORKS, frameworkRef } from '../paths.js';
import { isExitPrompt } from '../prompts.js';
import { askDetails, type DetailAnswers } from './details.js';
import { acquireLock } from './lock.js';
import { listenForStop } from './signals.js';
import { EditConflict, Session, type Io } from './session.js';
import { dutykitCommand } from '../dutykit-command.js';
import { shellQuote } from './text.js';
import { exact, message, plainLine, visible } from '../../outside.js';
import { walk } from './walk.js';
import { placeWords } from './question.js';
import { warningText } from '../usage.js';

export interface AssessOptions extends GlobalOptions {
  from?: string;
}

const DETAILS = ['authority', 'kind', 'period', 'date', 'marking'];

export async function assessFile(target: string | undefined, opts: AssessOptions, io: Io): Promise<void> {
  const previous = opts.from ? openAssessment(opts.from) : undefined;
  const file = target ?? defaultFile(Boolean(previous), io);
  makeFolder(dirname(resolve(file)));
  const lock = acquireLock(file);
  if (lock.notice) io.say(lock.notice);
  let session: Session | undefined;
  /** Details typed for a new file before a Ctrl-C, kept in it. */
  let kept = false;
  // Whichever way the session stops, the part of a question being asked is kept for the next one.
  const stopped = () => {
    session?.keepPlace();
    return stopMessage(file, opts, session, kept, stop.why);
  };
  const stop = listenForStop((st) => {
    const said = stopped(); // keeps the place while the lock is still held
    lock.release();
    io.say(said);
    process.exit(st.exitCode);
  });
  try {
    // An empty file (made with `touch`, say) is started like a new one.
    const fresh = !existsSync(file) || readFileSync(file, 'utf8').trim() === '';
    const keep = () => (kept = true);
    session = fresh ? await create(file, opts, io, previous, keep) : await resume(file, opts, io, previous, keep);
    await walk(session);
    const needed = session.stillNeeded();
    if (needed.length) io.say(`\nStill needed before \`rate\` and \`report\` accept ${exact(file)}:\n${needed.map((n) => `  - ${n}`).join('\n')}`);
    io.say(`Saved ${exact(file)} (${session.counts()}).\nResume any time with: ${resumeCommand(file, opts)}`);
  } catch (e) {
    if (isExitPrompt(e)) throw new Cancelled(stopped(), stop.exitCode);
    if (e instanceof EditConflict) throw new UsageError(`${e.message}\nOpen ${visible(file)} to see their change, then carry on with: ${resumeCommand(file, opts)}`);
    throw e;
  } finally {
    stop.dispose();
    lock.release();
  }
}

/** The command that carries on: `--framework` matters only while the file does not exist yet. */
export function resumeCommand(file: string, opts: AssessOptions, started = true): string {
  const cmd = process.env.npm_lifecycle_event === 'start' ? 'npm start --' : `${dutykitCommand()} assess`;
  const framework = !started && opts.framework ? ` --framework ${shellQuote(opts.framework)}` : '';
  return `${cmd} ${shellQuote(file)}${opts.from ? ` --from ${shellQuote(opts.from)}` : ''}${framework}`;
}

function stopMessage(file: string, opts: AssessOptions, s: Session | undefined, kept: boolean, why: string): string {
  if (!s && kept) return `\nStopped${why}. The details you gave are saved in ${exact(file)}.\nResume with: ${resumeCommand(file, opts)}`;
  if (!s) return `\nStopped${why}. Nothing was saved yet.\nStart again with: ${resumeCommand(file, opts, existsSync(file))}`;
  const except = s.unsaved ? `, except ${s.unsaved}` : '';
  const place = s.place ? `\n${warningText('resume.stopped', { ...placeWords(s, s.place), kept: s.placeKept ? 'yes' : 'no' })}` : '';
  return `\nStopped${why}. Every confirmed answer is saved in ${exact(file)} (${s.counts()})${except}.${place}\nResume with: ${resumeCommand(file, opts)}`;
}

/** The newest assessment in assessments/ not yet signed off, else a new dated one there. */
function defaultFile(fresh: boolean, io: Io): string {
  const dir = 'assessments';
  const named = join(dir, `${today()}-self-assessment.yaml`);
  const files = !fresh && existsSync(dir) ? readdirSync(dir).filter((f) => /^[^.].*\.ya?ml$/.test(f)).map((f) => join(dir, f)) : [];
  files.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  const open = files.find((f) => {
    if (statSync(f).size > LIMITS.bytes) return false;
    const signOff = parseDocument(readFileSync(f, 'utf8')).get('sign_off');
    return !(signOff && typeof signOff === 'object' && 'items' in signOff && (signOff.items as unknown[]).length);
  });
  io.say(
    open
      ? `No file named: resuming ${exact(open)}, the most recently changed assessment in ${dir}/ not yet signed off.`
      : `No file named: ${existsSync(named) ? 'opening' : 'starting'} ${named}.`,
  );
  io.say(`(Name a file to choose another: ${dutykitCommand()} assess <file>)`);
  return open ?? named;
}

async function create(file: string, opts: AssessOptions, io: Io, previous: Opened | undefined, onKept: () => void): Promise<Session> {
  const fw = opts.framework || !previous ? chosenFramework(opts.framework) : previous.framework;
  io.say(`New assessment ${exact(file)}, against ${plainLine(fw.title)} (version ${exact(fw.version)}).${previous ? ` Starting from ${exact(opts.from!)}.` : ''}`);
  const carried = previous && carryForward(fw, previous);
  /** The new file: its details, and what is carried forward from last year. */
  const newFile = (d: Partial<DetailAnswers>): string => {
    const e = new AssessmentEditor(blankAssessment(fw, { ...d, date: d.date ?? null, marking: d.marking ?? null, frameworkRef: frameworkRef(fw, file) }), fw);
    if (d.assessors?.length) e.setAssessors(d.assessors);
    for (const c of carried?.evidence ?? []) e.setAnswer(c.benchmark, c.question, { evidence: c.evidence, links: c.links, reviewed: c.reviewed });
    for (const a of carried?.actions ?? []) e.addAction(a.benchmark, a.action);
    return e.toString();
  };
  const d = await askDetailsKeeping(file, carried?.details ?? {}, newFile, onKept, fw.kinds);
  const text = newFile(d);
  const s = new Session(file, saveAssessment(file, text, fw), text, io, previous);
  if (carried) sayCarried(io, carried, previous!.framework.id, fw.id, opts.from!);
  io.say(`Saved ${exact(file)}. Every answer is saved as you go; Ctrl-C stops and keeps your work.`);
  return s;
}

async function resume(file: string, opts: AssessOptions, io: Io, previous: Opened | undefined, onKept: () => void): Promise<Session> {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  if (opts.framework) io.say(`(--framework is ignored: ${exact(file)} names its own framework)`);
  // --from fills a new file; an existing one is only offered last year's answers as defaults.
  if (opts.from) io.say(`(--from: nothing is carried into ${exact(file)}, which already exists; last year's answers are offered as defaults as you go)`);
  let loaded = loadChecked(file);
  let s: Session;
  if (loaded.value) s = new Session(file, loaded.value, text, io, previous);
  else {
    // A blank from `dutykit init`, or a new file stopped in its opening questions, may still
    // lack its details: ask for them rather than refuse.
    const fw = loaded.problems.every((p) => DETAILS.includes(p.path)) ? frameworkOf(file, text) : undefined;
    if (!fw) throw new InputError([...loaded.problems, { file, line: 1, col: 1, path: '', message: 'fix these, then run assess again' }]);
    io.say(`${exact(file)} is missing its ${loaded.problems.map((p) => p.path).join(' and ')}.`);
    const doc = parseDocument(text).toJS() as Record<string, unknown>;
    const detail = (k: string) => (typeof doc[k] === 'string' ? (doc[k] as string) : undefined);
    const assessors = Array.isArray(doc.assessors) ? (doc.assessors as Person[]).filter((p) => typeof p?.name === 'string') : [];
    // What the file lacks, last year's file (--from) suggests, as it would for a new file.
    const last = previous?.assessment;
    const editor = new AssessmentEditor(text, fw);
    const withDetails = ({ assessors: people, ...details }: Partial<DetailAnswers>): string => {
      editor.setDetails(details);
      if (people?.length) editor.setAssessors(people);
      return editor.toString();
    };
    const current = {
      authority: detail('authority') ?? last?.authority,
      kind: detail('kind') ?? last?.kind,
      period: detail('period'),
      date: detail('date'),
      marking: detail('marking') ?? last?.marking,
      assessors: assessors.length ? assessors : (last?.assessors ?? []),
    };
    const updated = withDetails(await askDetailsKeeping(file, current, withDetails, onKept, fw.kinds));
    loaded = { value: saveAssessment(file, updated, fw) };
    s = new Session(file, loaded.value!, updated, io, previous);
  }
  for (const w of s.loaded.warnings) io.say(message(formatProblem(w)));
  const a = s.assessment;
  io.say(`Resuming ${exact(file)}: ${plainLine(a.authority)} · ${plainLine(a.period)}\n${s.progress()}`);
  return s;
}

/**
 * Ask the details. Stopped part way (Ctrl-C), write what `fileWith` makes of the answers
 * given so far, so that nothing typed is lost: resuming asks the rest, with these filled in.
 */
async function askDetailsKeeping(
  file: string,
  current: Partial<DetailAnswers>,
  fileWith: (given: Partial<DetailAnswers>) => string,
  onKept: () => void,
  kinds?: Framework['kinds'],
): Promise<DetailAnswers> {
  const given: Partial<DetailAnswers> = {};
  try {
    return await askDetails(current, given, kinds);
  } catch (e) {
    if (isExitPrompt(e) && Object.keys(given).length) {
      writeFileAtomic(file, fileWith(given));
      onKept();
    }
    throw e;
  }
}

/** What `--from` carried into the new file, how it was matched, and what it could not place. */
function sayCarried(io: Io, carried: Carried, fromFw: string, toFw: string, fromFile: string): void {
  const how =
    carried.mapping === 'same'
      ? ''
      : carried.mapping === 'by id'
        ? ` from ${fromFw}, matched where benchmark and question ids are the same (neither framework maps the other)`
        : ` from ${fromFw}, matched through the mapping between the frameworks`;
  io.say(`Carried forward: evidence for ${carried.evidence.length} questions and ${carried.actions.length} open actions${how}. Last year's answers are offered as defaults.`);
  const count = (k: number, one: string) => `${k} ${one}${k === 1 ? '' : 's'}`;
  for (const n of carried.notCarried) {
    const what = [n.evidence && `evidence for ${count(n.evidence, 'question')}`, n.actions && count(n.actions, 'open action')].filter(Boolean).join(' and ');
    io.say(`Not carried: ${what} under "${exact(n.benchmark)}", which ${exact(toFw)} has no benchmark for; see ${exact(fromFile)}.`);
  }
}

function frameworkOf(file: string, text: string): Framework | undefined {
  const ref = parseDocument(text).get('framework');
  if (typeof ref !== 'string') return undefined;
  const where = resolveFramework(ref.trim(), dirname(file), BUNDLED_FRAMEWORKS);
  return 'dir' in where ? loadFramework(where.dir).value : undefined;
}
