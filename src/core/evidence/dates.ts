/**
 * Calendar dates, the one place for them: days are strings `YYYY-MM-DD` (ISO 8601 calendar dates,
 * no time zone); arithmetic on them is done in UTC so that a day is always 24 hours.
 */

/** Milliseconds in a day (24 h). */
export const DAY_MS = 86_400_000;

/**
 * True when `text` is a real calendar date written `YYYY-MM-DD` (ISO 8601 calendar date, no time).
 * `2023-02-30` is false.
 */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
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

/** `day` (`YYYY-MM-DD`) moved by `days` (negative: earlier), as `YYYY-MM-DD`. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
