/**
 * Calendar dates, the one place for them: days are strings `YYYY-MM-DD` (ISO 8601 calendar dates,
 * no time zone); arithmetic on them is done in UTC so that a day is always 24 hours.
 */

/** Milliseconds in a day (24 h). */
export const DAY_MS = 86_400_000;

/**
 * The UTC midnight of a calendar day, for years 0001–9999 alike (`Date.UTC` takes years 0–99 as
 * 1900–1999, so the year is set on its own).
 */
function utcDay(year: number, monthIndex: number, day: number): Date {
  const date = new Date(Date.UTC(2000, monthIndex, day));
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

/** `YYYY-MM-DD` of a UTC date; the year always four digits. */
function isoOf(date: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(date.getUTCFullYear(), 4)}-${p(date.getUTCMonth() + 1)}-${p(date.getUTCDate())}`;
}

/**
 * True when `text` is a real calendar date written `YYYY-MM-DD` (ISO 8601 calendar date, no time),
 * in the years 0001–9999. `2023-02-30` and `0000-01-01` are false.
 */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1) return false;
  const date = utcDay(y, mo - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The last day of month `monthIndex` (0-based) of `year`, as a day of the month (28–31). */
export function lastDayOfMonth(year: number, monthIndex: number): number {
  return utcDay(year, monthIndex + 1, 0).getUTCDate();
}

/** Returns `text` trimmed when it is an ISO calendar date (see {@link isIsoDate}), else null. */
export function isoDateOrNull(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const t = text.trim();
  return isIsoDate(t) ? t : null;
}

/** `YYYYMMDD` (log4brains file-name prefix) to `YYYY-MM-DD`, or null when not a real date. */
export function compactDateToIso(compact: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(compact);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  return isIsoDate(iso) ? iso : null;
}

/** The local calendar date of `now` (default: the current time), as `YYYY-MM-DD`. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** The first and last days this module takes. */
const FIRST_DAY = '0001-01-01';
const LAST_DAY = '9999-12-31';

/**
 * `day` (`YYYY-MM-DD`) moved by `days` (negative: earlier), as `YYYY-MM-DD`, kept within the years
 * 0001–9999 (a result before or after them is their first or last day).
 * @throws RangeError when `day` is not a date (see {@link isIsoDate}).
 */
export function addDays(day: string, days: number): string {
  if (!isIsoDate(day)) throw new RangeError(`not a date: ${day}`);
  const d = utcDay(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  d.setUTCDate(d.getUTCDate() + days);
  const year = d.getUTCFullYear();
  return year < 1 ? FIRST_DAY : year > 9999 ? LAST_DAY : isoOf(d);
}

/** The Monday of the week (Monday to Sunday) `day` (`YYYY-MM-DD`) is in, as `YYYY-MM-DD`. */
export function mondayOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(day, -weekday);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
