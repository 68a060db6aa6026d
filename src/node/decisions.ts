import { createHash } from 'crypto';
import * as path from 'path';
import { Suggestion } from '../core/git/suggestions';
import { isRecord, readVersionedJson, writeVersionedJson } from './jsonFile';

/** What the user said of a suggestion. */
export type Decision =
  { state: 'accepted'; at: string; entry: string } | { state: 'dismissed'; at: string } | { state: 'snoozed'; at: string; until: string };

const VERSION = 1;

interface DecisionFile {
  repo: string;
  /** By commit id and by `provider#number` (so a PR re-merged under another commit stays decided). */
  decisions: Record<string, Decision>;
}

/** Keys a decision is recorded under: each commit of the suggestion, and its PR. */
export function decisionKeys(s: Pick<Suggestion, 'commits' | 'pr'>): string[] {
  return [...s.commits, ...(s.pr ? [`${s.pr.provider}#${s.pr.number}`] : [])];
}

/**
 * Accepted, dismissed and snoozed suggestions of one repository, kept in a JSON file of our own
 * (in VS Code's global storage: never in the repository). Every change re-reads the file and
 * replaces it atomically, so two windows do not lose each other's decisions.
 */
export class DecisionStore {
  private readonly file: string;
  private cache: DecisionFile | undefined;

  /** @param dir folder for state files; @param repoRoot absolute work-tree path (hashed into the file name). */
  constructor(
    dir: string,
    private readonly repoRoot: string,
  ) {
    const key = createHash('sha256').update(repoRoot).digest('hex').slice(0, 16);
    this.file = path.join(dir, `decisions-${key}.json`);
  }

  private async read(): Promise<DecisionFile> {
    // Missing or unreadable: start empty (a corrupt file is replaced on the next decision).
    const known = await readVersionedJson(this.file, VERSION, (data) =>
      isRecord(data.decisions) ? { repo: this.repoRoot, decisions: data.decisions as Record<string, Decision> } : undefined,
    );
    return (this.cache = known ?? { repo: this.repoRoot, decisions: {} });
  }

  /** The decision on `s`, if any; an expired snooze counts as none. `now` in ms since the epoch. */
  async decisionOf(s: Pick<Suggestion, 'commits' | 'pr'>, now = Date.now()): Promise<Decision | undefined> {
    const data = this.cache ?? (await this.read());
    for (const key of decisionKeys(s)) {
      const d = data.decisions[key];
      if (!d) continue;
      if (d.state === 'snoozed' && Date.parse(d.until) <= now) continue;
      return d;
    }
    return undefined;
  }

  /** The decision recorded for `s`, expired snoozes included. */
  async recordOf(s: Pick<Suggestion, 'commits' | 'pr'>): Promise<Decision | undefined> {
    const data = this.cache ?? (await this.read());
    for (const key of decisionKeys(s)) if (data.decisions[key]) return data.decisions[key];
    return undefined;
  }

  /** Records `decision` for `s` under all its keys. */
  async record(s: Pick<Suggestion, 'commits' | 'pr'>, decision: Decision): Promise<void> {
    const data = await this.read();
    for (const key of decisionKeys(s)) data.decisions[key] = decision;
    await writeVersionedJson(this.file, VERSION, data, 1);
  }

  /** Forgets the decision on `s` (all its keys): it is undecided again. */
  async forget(s: Pick<Suggestion, 'commits' | 'pr'>): Promise<void> {
    const data = await this.read();
    for (const key of decisionKeys(s)) delete data.decisions[key];
    await writeVersionedJson(this.file, VERSION, data, 1);
  }

  /** Forgets the cached copy (another window may have written). */
  reload(): Promise<DecisionFile> {
    return this.read();
  }
}
