import { isIsoDate, localToday } from '../core/evidence/dates';
import { readRange } from '../core/evidence/quarters';
import { UserError } from '../node/errors';

/**
 * The days `--since`, `--until` and `--range` name (either bound may be absent).
 * @throws UserError for a date that is not YYYY-MM-DD, an unknown range, both forms at once, or since after until.
 */
export function readDayOptions(o: { since?: string; until?: string; range?: string }): { since?: string; until?: string } {
  for (const [flag, value] of [
    ['--since', o.since],
    ['--until', o.until],
  ] as const) {
    if (value !== undefined && !isIsoDate(value)) throw new UserError(`${flag} wants a date YYYY-MM-DD, got "${value}"`);
  }
  let { since, until } = o;
  if (o.range !== undefined) {
    if (since || until) throw new UserError('--range cannot be combined with --since or --until');
    const r = readRange(o.range, localToday());
    if (!r) throw new UserError(`--range wants this-quarter, last-quarter or YYYY-Qn, got "${o.range}"`);
    ({ since, until } = r);
  }
  if (since && until && since > until) throw new UserError(`--since ${since} is after --until ${until}`);
  return { since, until };
}
