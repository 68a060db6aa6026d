// Reading a hosting service's answers without trusting them: what every adapter's parser uses.

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;
/** The longest description kept (a few pages of Markdown). */
const MAX_BODY = 20_000;

/** True for a plain object (not null, not an array). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An ISO 8601 date-time as UTC (`…Z`), or null for anything else. */
export function isoDate(v: unknown): string | null {
  return typeof v === 'string' && ISO.test(v) && Number.isFinite(Date.parse(v)) ? new Date(v).toISOString() : null;
}

/** Text without control characters (terminal escapes, NULs; new lines and tabs kept), at most {@link MAX_BODY} characters. */
export function printableText(v: string): string {
  return v
    .replace(/\r\n/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
    .slice(0, MAX_BODY);
}

/** `v` when it is an http(s) address on `host` (the hosting service's own web host), else null: a page we may link to. */
export function webUrl(v: unknown, host: string): string | null {
  if (typeof v !== 'string' || v.length > 2000) return null;
  try {
    const u = new URL(v);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.host === host ? u.toString() : null;
  } catch {
    return null;
  }
}
