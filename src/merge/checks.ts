// Pure: what makes a merge wrong before anything is merged. Each problem names the file, line
// and column of the key at fault; one problem anywhere and nothing is written.
import type { Problem } from '../errors.js';
import type { LoadedAssessment } from '../model/load-assessment.js';
import { organisationKey } from '../model/one-line.js';
import { said } from '../model/said.js';

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export interface MergeCheckOptions {
  /** Merge a contribution dated before the one already merged from its organisation (it replaces the newer positions). */
  allowOlder?: boolean;
  /** Today (YYYY-MM-DD): a contribution dated after it is a mistyped date. */
  today?: string;
}

export function mergeProblems(target: LoadedAssessment, contributions: LoadedAssessment[], opts: MergeCheckOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const t = target.assessment;
  if (t.contributor) {
    problems.push(
      target.source.at(['contributor'], said('problem.mergeIntoContribution', { organisation: t.contributor.organisation })),
    );
  }
  const seen = new Map<string, string>();
  for (const c of contributions) {
    const a = c.assessment;
    if (!a.contributor) {
      problems.push(c.source.at([], said('problem.mergeNotContribution')));
      continue;
    }
    if (c.framework.id !== target.framework.id) {
      problems.push(c.source.at(['framework'], said('problem.mergeFramework', { id: c.framework.id, file: target.file, targetId: target.framework.id })));
    }
    if (!same(a.authority, t.authority)) {
      problems.push(c.source.at(['authority'], said('problem.mergeAuthority', { authority: a.authority, file: target.file, targetAuthority: t.authority })));
    }
    if (!same(a.period, t.period)) {
      problems.push(c.source.at(['period'], said('problem.mergePeriod', { period: a.period, file: target.file, targetPeriod: t.period })));
    }
    const org = a.contributor.organisation;
    const key = organisationKey(org);
    // The council's own answers are the file's: a contribution in its name would let anyone speak as it.
    if (key === organisationKey(t.authority)) {
      problems.push(c.source.at(['contributor', 'organisation'], said('problem.mergeOwnName', { authority: t.authority, file: target.file })));
    }
    const first = seen.get(key);
    if (first) problems.push(c.source.at(['contributor', 'organisation'], said('problem.mergeSecond', { organisation: org, first })));
    else seen.set(key, c.file);
    // A date in the future would make every real later contribution look older, and be refused.
    if (opts.today && a.date > opts.today) {
      problems.push(c.source.at(['date'], said('problem.mergeFuture', { date: a.date, today: opts.today })));
    }
    // An older contribution would silently take back what a newer one said.
    const merged = (t.contributors ?? []).find((x) => organisationKey(x.organisation) === key);
    if (!opts.allowOlder && merged?.date && a.date < merged.date) {
      problems.push(
        c.source.at(['date'], said('problem.mergeOlder', { organisation: org, date: a.date, merged: merged.organisation, file: target.file, mergedDate: merged.date })),
      );
    }
  }
  return problems;
}
