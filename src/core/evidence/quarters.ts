import { lastDayOfMonth } from './dates';

/** Calendar quarters, as used for ranges and the quarterly benchmark. */

/** A closed range of calendar days, `YYYY-MM-DD`. */
export interface DayRange {
  since: string;
  until: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Days of quarter `q` (1–4) of `year` (0001–9999). */
export function quarterDays(year: number, q: number): DayRange {
  const startMonth = (q - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const y = pad(year, 4);
  return { since: `${y}-${pad(startMonth)}-01`, until: `${y}-${pad(endMonth)}-${pad(lastDayOfMonth(year, endMonth - 1))}` };
}

/**
 * Reads a range name: `this-quarter`, `last-quarter` (relative to `today`, `YYYY-MM-DD` local) or
 * `YYYY-Qn` (e.g. `2026-Q3`, years 0001–9999). Returns null for anything else.
 */
export function readRange(spec: string, today: string): DayRange | null {
  const year = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  if (spec === 'this-quarter') return quarterDays(year, q);
  if (spec === 'last-quarter') return q > 1 ? quarterDays(year, q - 1) : year > 1 ? quarterDays(year - 1, 4) : null;
  const m = /^(\d{4})-Q([1-4])$/i.exec(spec);
  return m && Number(m[1]) >= 1 ? quarterDays(Number(m[1]), Number(m[2])) : null;
}

/** `2026-Q3` for a `YYYY-MM-DD` day. */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** A report's period: a label (`2026-Q3`, or `2026-01-05..2026-02-20` for other ranges) and its days. */
export interface Period {
  label: string;
  /** First and last day, `YYYY-MM-DD`, inclusive. */
  from: string;
  to: string;
}

/** The period of a day range: labelled as its quarter when it is exactly one. */
export function periodOf(range: DayRange): Period {
  const q = quarterOf(range.since);
  const days = quarterDays(Number(q.slice(0, 4)), Number(q.slice(6)));
  const label = days.since === range.since && days.until === range.until ? q : `${range.since}..${range.until}`;
  return { label, from: range.since, to: range.until };
}

/**
 * The `count` calendar quarters before the quarter `day` is in, oldest first (years before 0001
 * are left out).
 */
export function quartersBefore(day: string, count: number): Period[] {
  let year = Number(day.slice(0, 4));
  let q = Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;
  const out: Period[] = [];
  for (let i = 0; i < count; i++) {
    q -= 1;
    if (q === 0) [year, q] = [year - 1, 4];
    if (year < 1) break;
    const d = quarterDays(year, q);
    out.unshift({ label: `${String(year).padStart(4, '0')}-Q${q}`, from: d.since, to: d.until });
  }
  return out;
}
