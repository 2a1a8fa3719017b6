// ISO calendar dates (YYYY-MM-DD) as strings: no time zones, no clocks.

/** The date `months` calendar months before `date` (day clamped to the month's end). */
export function monthsBefore(date: string, months: number): string {
  // Asked for each benchmark of each return, mostly of a few dates: remembered, within a bound.
  const key = `${date}|${months}`;
  let hit = known.get(key);
  if (hit === undefined) {
    if (known.size >= 4096) known.clear();
    known.set(key, (hit = computeMonthsBefore(date, months)));
  }
  return hit;
}

const known = new Map<string, string>();

function computeMonthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  return toIso(utc(year, month, Math.min(d, utc(year, month + 1, 0).getUTCDate())));
}

/** Date.UTC, but years 0 to 99 are those years, not 1900 to 1999. */
function utc(year: number, month: number, day: number): Date {
  const t = new Date(0);
  t.setUTCFullYear(year, month, day);
  return t;
}

export function toIso(t: Date): string {
  return t.toISOString().slice(0, 10);
}
