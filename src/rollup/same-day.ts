// Two returns of one body on one day: the roll-up and status can tell them apart by file name
// only (the last in name order is used), and say so in the same words.

/** Two or more returns from one body with the same, latest, date. */
export interface SameDay {
  name: string;
  reference?: string;
  date: string;
  used: string;
  others: string[];
}

/** The warning for returns of one body on one day, for `rollup` and `status` alike. */
export function sameDayWarning(d: SameDay): string {
  const files = [...d.others, d.used].sort();
  const body = `${d.name}${d.reference !== undefined ? ` (reference ${d.reference})` : ''}`;
  return `${d.used}: warning: ${files.length} returns from ${body} have the same date, ${d.date}: ${files.join(', ')}; ${d.used} is used, as the last in file-name order. Give the return that counts the later date, or remove the other`;
}
