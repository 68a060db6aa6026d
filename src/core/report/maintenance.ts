import { Suggestion } from '../git/suggestions';

/**
 * Merged changes that are upkeep rather than work of their own, left out of a person's merged
 * changes (a release is counted as an ownership event instead):
 * - `sync`: a merge of one branch into another (`Merge branch 'main' into feature`, `Merge
 *   remote-tracking branch …`, `Merge tag …`), not a pull request;
 * - `release`: `Release 1.4.0`, `chore(release): 1.4.0`, `release: v2`, a title that is only a version;
 * - `version-bump`: `Bump version to 1.4.0`, `Update version` — not a dependency update (`Bump hbs
 *   from 4.2.0 to 4.2.1` names a package: that is work). Conventional prefixes are already off the
 *   title (`chore(release): 1.4.0` reads `1.4.0`, a release).
 */
export type MaintenanceKind = 'sync' | 'release' | 'version-bump';

const VERSION = String.raw`v?\d+(?:\.\d+){1,3}(?:-[0-9A-Za-z.]+)?`;
const SYNC = /^Merge (?:(?:remote-tracking )?branch|branches|tag|commit) '?[^\s']+'?(?: of \S+)?(?: into '?[^\s']+'?)?$/;
const RELEASE = new RegExp(
  String.raw`^(?:release(?:d)?\b[: ]*(?:version )?${VERSION}|(?:release|chore\(release\)|build\(release\))\s*:\s*\S.*|${VERSION})$`,
  'i',
);
const BUMP = new RegExp(String.raw`^(?:bump(?:ed)?|update|set)\s+(?:the\s+)?(?:package\s+)?version(?:\s+(?:to|=)\s*${VERSION})?$`, 'i');

/**
 * Which kind of upkeep a suggestion is, from its title (and, for `sync`, that it has no pull
 * request), or null for work of its own. Pure; every pattern is linear in the title.
 */
export function maintenanceKind(s: Pick<Suggestion, 'title' | 'pr' | 'kind'>): MaintenanceKind | null {
  const title = s.title.trim();
  if (s.kind === 'merge' && !s.pr && SYNC.test(title)) return 'sync';
  if (BUMP.test(title)) return 'version-bump';
  if (RELEASE.test(title)) return 'release';
  return null;
}
