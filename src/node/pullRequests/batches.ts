import { FetchOutcome } from '../../core/pullRequests/model';

/** What reading one batch gave: an outcome, and the requests left in the rate limit after it (null: not said). */
export type BatchOutcome = FetchOutcome & { remaining: number | null };

/**
 * Fetches `numbers` in batches of `size` with `readBatch`, one batch after the other: stops at the
 * first batch that says why it stopped, or when the rate limit is used up with batches still to
 * read ("fetched on a later run"), keeping what was read. `host` names the service in that sentence.
 */
export async function fetchInBatches(
  numbers: readonly number[],
  size: number,
  host: string,
  readBatch: (batch: readonly number[]) => Promise<BatchOutcome>,
): Promise<FetchOutcome> {
  const out: FetchOutcome = { facts: [], requests: 0, stopped: null };
  for (let i = 0; i < numbers.length; i += size) {
    const r = await readBatch(numbers.slice(i, i + size));
    out.facts.push(...r.facts);
    out.requests += r.requests;
    if (r.stopped) return { ...out, stopped: r.stopped };
    if (r.remaining === 0 && i + size < numbers.length)
      return { ...out, stopped: `${host}'s rate limit is used up: the rest is fetched on a later run` };
  }
  return out;
}
