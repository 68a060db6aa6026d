import { ChangeOf } from './context';

/** A follow-up counts when it is merged this many days after the change it follows, or more… */
export const FOLLOW_UP_MIN_DAYS = 1;
/** …and at most this many. */
export const FOLLOW_UP_MAX_DAYS = 21;

/**
 * Files nearly every change touches — package manifests, lock files, changelogs — which say nothing
 * about staying with a result: a follow-up must share another path.
 */
const BOOKKEEPING_PATH =
  /(^|\/)(package(-lock)?\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|Cargo\.(toml|lock)|go\.(mod|sum)|Gemfile(\.lock)?|poetry\.lock|Pipfile(\.lock)?|composer\.(json|lock)|(CHANGELOG|CHANGES|HISTORY|NEWS)(\.[a-z]+)?)$/i;

/**
 * For each merged change M of `changes` (oldest first), its first follow-up: the earliest later
 * change of the same repository, merged 1 to 21 days after M, that touches a path of M other than
 * bookkeeping files. Changes with none are absent. Pure; O(paths × log changes): each path keeps
 * the changes touching it in time order, searched by day.
 */
export function followUps(changes: readonly ChangeOf[]): Map<ChangeOf, ChangeOf> {
  const byPath = new Map<string, Map<string, number[]>>(); // repo → path → indexes into `changes`, in time order
  changes.forEach((c, i) => {
    let paths = byPath.get(c.repo);
    if (!paths) byPath.set(c.repo, (paths = new Map()));
    for (const p of c.s.paths) {
      if (BOOKKEEPING_PATH.test(p)) continue;
      const list = paths.get(p);
      if (list) list.push(i);
      else paths.set(p, [i]);
    }
  });
  const days = changes.map((c) => dayNumber(c.day));
  const out = new Map<ChangeOf, ChangeOf>();
  changes.forEach((m, i) => {
    const first = days[i] + FOLLOW_UP_MIN_DAYS;
    const last = days[i] + FOLLOW_UP_MAX_DAYS;
    let best = -1;
    const paths = byPath.get(m.repo)!;
    for (const p of m.s.paths) {
      const list = paths.get(p);
      if (!list) continue;
      const j = list[firstAtOrAfter(list, (k) => k > i && days[k] >= first)];
      if (j !== undefined && days[j] <= last && (best < 0 || j < best)) best = j;
    }
    if (best >= 0) out.set(m, changes[best]);
  });
  return out;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` day (the calendar day as written, no time zone). */
function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;
}

/** The first position of sorted `list` where `ok` holds (it holds for every later one), or `list.length`. */
function firstAtOrAfter(list: readonly number[], ok: (k: number) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ok(list[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
