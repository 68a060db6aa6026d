/** Calendar quarters, as used for ranges and the quarterly benchmark. */

/** A closed range of calendar days, `YYYY-MM-DD`. */
export interface DayRange {
  since: string;
  until: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Days of quarter `q` (1–4) of `year`. */
export function quarterDays(year: number, q: number): DayRange {
  const startMonth = (q - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  return { since: `${year}-${pad(startMonth)}-01`, until: `${year}-${pad(endMonth)}-${pad(lastDay)}` };
}

/**
 * Reads a range name: `this-quarter`, `last-quarter` (relative to `today`, `YYYY-MM-DD` local) or
 * `YYYY-Qn` (e.g. `2026-Q3`). Returns null for anything else.
 */
export function readRange(spec: string, today: string): DayRange | null {
  const year = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  if (spec === 'this-quarter') return quarterDays(year, q);
  if (spec === 'last-quarter') return q === 1 ? quarterDays(year - 1, 4) : quarterDays(year, q - 1);
  const m = /^(\d{4})-Q([1-4])$/i.exec(spec);
  return m ? quarterDays(Number(m[1]), Number(m[2])) : null;
}

/** `2026-Q3` for a `YYYY-MM-DD` day. */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}
