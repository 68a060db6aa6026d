import { Suggestion } from '../git/suggestions';

/** Settings `careerEvidence.prompt.*`. */
export interface PromptSettings {
  /** `commit`: every commit and merge of yours; `merge`: only landed pull requests / merges; `off`. */
  mode: 'commit' | 'merge' | 'off';
  /** Local hours without prompts, `HH:MM-HH:MM` (may cross midnight, e.g. `22:00-08:00`); empty for none. */
  quietHours: string;
  /** At most one prompt per this many minutes; work arriving in between is batched. */
  minIntervalMinutes: number;
}

/** What to do with the work waiting to be recorded. */
export type PromptDecision =
  | { action: 'none' }
  | { action: 'single'; item: Suggestion }
  | { action: 'batch'; items: Suggestion[] }
  /** Not now: ask again at `retryAt` (ms since the epoch). */
  | { action: 'wait'; retryAt: number };

/** True when `mode` allows prompting for `s`. */
export function eligible(s: Suggestion, mode: PromptSettings['mode']): boolean {
  if (mode === 'off') return false;
  return mode === 'commit' || s.kind !== 'commit';
}

/** Minutes since local midnight of `now`. */
function minuteOfDay(now: Date): number {
  return now.getHours() * 60 + now.getMinutes();
}

/**
 * When the quiet hours around `now` end (ms since the epoch), or null when `now` is not quiet or
 * the setting is empty or malformed.
 */
export function quietUntil(quietHours: string, now: Date): number | null {
  const m = /^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/.exec(quietHours);
  if (!m) return null;
  const start = Number(m[1]) * 60 + Number(m[2]);
  const end = Number(m[3]) * 60 + Number(m[4]);
  if (start === end || start >= 24 * 60 || end >= 24 * 60) return null;
  const t = minuteOfDay(now);
  const quiet = start < end ? t >= start && t < end : t >= start || t < end;
  if (!quiet) return null;
  const endsAt = new Date(now);
  endsAt.setHours(Math.floor(end / 60), end % 60, 0, 0);
  if (endsAt.getTime() <= now.getTime()) endsAt.setDate(endsAt.getDate() + 1);
  return endsAt.getTime();
}

/**
 * Decides whether to prompt now for `pending` work (already filtered to the user's undecided,
 * non-bot suggestions): never in `off` mode or quiet hours, at most once per interval, one
 * notification for one piece of work and a batch for several.
 * @param lastPromptAt ms since the epoch of the last prompt, or null.
 */
export function decidePrompt(
  pending: readonly Suggestion[],
  settings: PromptSettings,
  now: Date,
  lastPromptAt: number | null,
): PromptDecision {
  const items = pending.filter((s) => eligible(s, settings.mode));
  if (items.length === 0) return { action: 'none' };
  const quiet = quietUntil(settings.quietHours, now);
  if (quiet !== null) return { action: 'wait', retryAt: quiet };
  const next = lastPromptAt === null ? 0 : lastPromptAt + Math.max(0, settings.minIntervalMinutes) * 60_000;
  if (next > now.getTime()) return { action: 'wait', retryAt: next };
  return items.length === 1 ? { action: 'single', item: items[0] } : { action: 'batch', items };
}
