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
