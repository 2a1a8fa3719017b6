// Pure: what makes a merge wrong before anything is merged. Each problem names the file, line
// and column of the key at fault; one problem anywhere and nothing is written.
import type { Problem } from '../errors.js';
import type { LoadedAssessment } from '../model/load-assessment.js';
import { organisationKey } from '../model/one-line.js';

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
      target.source.at(['contributor'], `this is a contribution (from ${t.contributor.organisation}), not the partnership's assessment; give the assessment first: dutykit merge <assessment> <contribution...>`),
    );
  }
  const seen = new Map<string, string>();
  for (const c of contributions) {
    const a = c.assessment;
    if (!a.contributor) {
      problems.push(c.source.at([], 'not a contribution: it has no contributor: { organisation: ... } at the top (dutykit init --contributor "<organisation>" writes one)'));
      continue;
    }
    if (c.framework.id !== target.framework.id) {
      problems.push(c.source.at(['framework'], `a contribution against ${c.framework.id}, but ${target.file} is against ${target.framework.id}; answer the ${target.framework.id} questions`));
    }
    if (!same(a.authority, t.authority)) {
      problems.push(c.source.at(['authority'], `a contribution to ${a.authority}, but ${target.file} is the assessment of ${t.authority}`));
    }
    if (!same(a.period, t.period)) {
      problems.push(c.source.at(['period'], `a contribution for ${a.period}, but ${target.file} covers ${t.period}`));
    }
    const org = a.contributor.organisation;
    const key = organisationKey(org);
    // The council's own answers are the file's: a contribution in its name would let anyone speak as it.
    if (key === organisationKey(t.authority)) {
      problems.push(c.source.at(['contributor', 'organisation'], `a contribution in the name of ${t.authority} itself; the council's own answers go straight into ${target.file} (with dutykit assess), not through merge`));
    }
    const first = seen.get(key);
    if (first) problems.push(c.source.at(['contributor', 'organisation'], `a second contribution from ${org} (the first is ${first}); merge one at a time`));
    else seen.set(key, c.file);
    // A date in the future would make every real later contribution look older, and be refused.
    if (opts.today && a.date > opts.today) {
      problems.push(c.source.at(['date'], `dated ${a.date}, after today (${opts.today}); a contribution is dated the day it was given: correct the date`));
    }
    // An older contribution would silently take back what a newer one said.
    const merged = (t.contributors ?? []).find((x) => organisationKey(x.organisation) === key);
    if (!opts.allowOlder && merged?.date && a.date < merged.date) {
      problems.push(
        c.source.at(['date'], `this contribution from ${org} is dated ${a.date}, before the one from ${merged.organisation} already merged into ${target.file} (${merged.date}); merging it would replace the newer positions: to do so all the same, give --allow-older`),
      );
    }
  }
  return problems;
}
