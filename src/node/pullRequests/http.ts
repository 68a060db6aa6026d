/** How long one request may take before it is given up (ms). */
const REQUEST_TIMEOUT_MS = 30_000;

/** An answer read as JSON with the requests left in the rate limit (null: not said), or why there is none (a sentence). */
export type JsonAnswer = { json: unknown; remaining: number | null; nextPage: number | null } | { stopped: string };

/**
 * One HTTP request to a hosting service's API, its answer read as JSON. Redirects are refused (a
 * token never follows one to another host). A refusal — 401, a rate limit (429, or 403 with
 * `Retry-After` or `X-RateLimit-Remaining: 0`), another error status, a malformed body, a network
 * error — is a sentence naming `host`, never an exception; only an abort of `signal` rejects.
 */
export async function requestJson(
  url: string,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string },
  host: string,
  signal?: AbortSignal,
): Promise<JsonAnswer> {
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { accept: 'application/json', 'user-agent': 'career-evidence', ...init.headers },
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      redirect: 'error',
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    return { stopped: `could not reach ${host}: ${(err as Error).message}` };
  }
  const remaining = Number(response.headers.get('x-ratelimit-remaining') ?? response.headers.get('ratelimit-remaining') ?? NaN);
  if (response.status === 429 || (response.status === 403 && (response.headers.has('retry-after') || remaining === 0))) {
    const after = Number(response.headers.get('retry-after'));
    return {
      stopped: `${host}'s rate limit was reached${Number.isFinite(after) && after > 0 ? ` (try again in ${after} s)` : ''}: what was fetched is kept`,
    };
  }
  if (response.status === 401) return { stopped: `${host} refused the token (401): sign in again` };
  if (!response.ok) return { stopped: `${host} answered ${response.status}` };
  try {
    // GitLab's pagination: the next page's number, when there is one.
    const next = Number(response.headers.get('x-next-page') || NaN);
    return {
      json: JSON.parse(await response.text()),
      remaining: Number.isFinite(remaining) ? remaining : null,
      nextPage: Number.isSafeInteger(next) && next > 0 ? next : null,
    };
  } catch {
    return { stopped: `${host} sent a malformed answer` };
  }
}
