// The "Changes since" list of a report, from the diff core: what moved and why, in words a
// board reads. The public version leaves out the rationale, as the rest of the report does.
import { diffAssessments } from '../diff/diff.js';
import { rowName } from '../diff/describe.js';
import type { Direction, RatedSide } from '../diff/types.js';
import { messages, type Messages } from '../i18n/catalogue.js';

export interface ReportChange {
  /** "7. Training Programme" (an old benchmark with no successor is named as it was). */
  benchmark: string;
  from: string;
  to: string;
  direction: Direction;
  likeForLike: boolean;
  causes: string[];
}

export function reportChanges(previous: RatedSide, current: RatedSide, board: boolean, l: Messages = messages()): ReportChange[] {
  return diffAssessments(previous, current, l, { public: !board })
    .rows.filter((r) => r.direction !== 'unchanged' || !r.likeForLike)
    .map((r) => ({
      benchmark: rowName(r, l),
      from: r.comparison === 'merged' ? r.from.map((o) => o.label).join(' / ') : (r.before?.label ?? '—'),
      to: r.after?.label ?? '—',
      direction: r.direction,
      likeForLike: r.likeForLike,
      causes: r.causes.map((c) => (c.kind === 'agreed' && c.rationale && board ? l.t('summary.rationale', { text: c.text, rationale: c.rationale }) : c.text)),
    }));
}
