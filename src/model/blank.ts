// A blank assessment for a framework: every question listed, ready to fill in by hand.
import { Document, isMap, isScalar, type YAMLMap } from 'yaml';
import { clean } from '../outside.js';
import type { Framework } from './framework-schema.js';
import { appliesTo, forKind } from '../rating/questions.js';

export interface BlankMeta {
  authority?: string;
  /** On a return (framework with kinds): the body's kind and reference. */
  kind?: string;
  reference?: string;
  period?: string;
  /** Left empty (null) only for a file whose details are still to be asked (`assess`). */
  date: string | null;
  marking: string | null;
  /** What `framework:` says: the bundled id, or a path relative to the file. */
  frameworkRef: string;
  /** A contribution from this organisation (spec §9): no agreed ratings or sign-offs, the group's to give. */
  contributor?: string;
}

function commentKey(map: unknown, key: string, comment: string): void {
  if (!isMap(map)) return;
  const pair = (map as YAMLMap).items.find((p) => isScalar(p.key) && p.key.value === key);
  if (pair && isScalar(pair.key)) pair.key.commentBefore = comment;
}

const wrap = (text: string, width = 90): string[] => {
  const lines: string[] = [];
  let line = '';
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    if (line && line.length + word.length + 1 > width) [lines[lines.length], line] = [line, word];
    else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
};

/** Framework text in a comment: one line, no control character (the values are quoted by yaml). */
const one = (s: string) => clean(s).replace(/\s+/g, ' ').trim();

export function blankAssessment(fw: Framework, meta: BlankMeta): string {
  const answerWords = fw.answers.map((a) => a.id).join(' | ');
  const c = meta.contributor;
  // A return lists only the questions its kind is asked, each essential as for that kind.
  const asked = (b: Framework['benchmarks'][number]) => b.questions.filter((q) => !q.retired && appliesTo(q, meta.kind)).map((q) => forKind(q, meta.kind));
  const data = {
    framework: meta.frameworkRef,
    framework_version: fw.version,
    authority: meta.authority ?? null,
    ...(fw.kinds && { kind: meta.kind ?? null, reference: meta.reference ?? null }),
    period: meta.period ?? null,
    date: meta.date,
    marking: meta.marking,
    ...(c ? { contributor: { organisation: c, name: null, role: null } } : { assessors: [] }),
    benchmarks: Object.fromEntries(
      fw.benchmarks.map((b) => [
        b.id,
        {
          answers: Object.fromEntries(asked(b).map((q) => [q.id, { answer: null, evidence: null }])),
          ...(!c && { rating: null }),
          actions: [],
        },
      ]),
    ),
    ...(!c && { sign_off: [] }),
  };
  const doc = new Document(data);
  doc.commentBefore = (c ? contributionHead(fw, answerWords) : [
    ` PREVENT duty self-assessment: ${one(fw.title)}, version ${one(fw.version)}.`,
    ` For each question give answer: ${answerWords}, and the evidence that shows it.`,
    ' Optional per answer: links: [documents], reviewed: YYYY-MM-DD; n/a needs justification: text.',
    ' Optional per benchmark: rating: green|amber|red (agreed; rationale: when it differs), notes,',
    '   actions: - { action: text, owner: name, due: YYYY-MM-DD, status: open }',
    ' Check it any time with: dutykit validate <this file>',
  ]).join('\n');
  commentKey(doc.contents, 'contributor', ' your organisation, and who wrote this contribution (name, role)');
  commentKey(doc.contents, 'authority', " the council's name");
  if (fw.kinds) {
    commentKey(doc.contents, 'kind', ` the kind of body: ${fw.kinds.map((k) => one(k.id)).join(' | ')}; questions for other kinds are left out`);
    commentKey(doc.contents, 'reference', " the body's stable reference, e.g. a school's URN");
  }
  commentKey(doc.contents, 'period', ' the period the assessment covers, e.g. 2024/25');
  commentKey(doc.contents, 'date', c ? ' the date of this contribution' : ' the date the group agrees the ratings');
  commentKey(doc.contents, 'assessors', ' - { name: Jo Bloggs, role: Prevent Lead }');
  commentKey(doc.contents, 'sign_off', ' - { name: ..., role: Chair of the Prevent Board, date: YYYY-MM-DD }');
  const benchmarks = doc.getIn(['benchmarks'], true);
  for (const b of fw.benchmarks) {
    commentKey(benchmarks, b.id, ` ${'-'.repeat(76)}\n ${b.number}. ${one(b.title)}`);
    const answers = doc.getIn(['benchmarks', b.id, 'answers'], true);
    for (const q of asked(b)) {
      const head = `${one(q.title)}${q.essential ? ' (essential)' : ''}: ${one(q.text)}`;
      commentKey(answers, q.id, wrap(head).map((l) => ` ${l}`).join('\n'));
    }
  }
  return doc.toString({ lineWidth: 100, nullStr: '' });
}

const contributionHead = (fw: Framework, answerWords: string) => [
  ` A contribution to a PREVENT duty self-assessment: ${one(fw.title)}, version ${one(fw.version)}.`,
  ' Answer only the questions your organisation can speak to; leave the others empty.',
  ` For each: answer: ${answerWords}, and the evidence that shows it; optional: links: [documents],`,
  '   reviewed: YYYY-MM-DD; n/a needs justification: text. Propose actions under a benchmark:',
  '   actions: - { action: text, owner: name, due: YYYY-MM-DD, status: open }',
  ' The partnership merges it with: dutykit merge <assessment> <this file>. Check it with: dutykit validate <this file>',
];
