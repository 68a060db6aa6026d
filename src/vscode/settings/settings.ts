import * as vscode from 'vscode';
import { isEvidenceKind } from '../../core/evidence/kinds';
import { EvidenceKind } from '../../core/evidence/model';
import { CanonicalStatus } from '../../core/evidence/status';
import { PromptSettings } from '../../core/prompt/policy';
import { isApiUrl } from '../../core/pullRequests/model';
import { DEFAULT_REMINDER, ReminderDay, ReminderSettings, WEEKDAYS, readClockTime, readQuietHours } from '../../core/prompt/weeklyReminder';
import { statusAliasesFrom } from '../../core/evidence/statusAliases';
import { defaultJournalDir } from '../../node/journal';
import { expandHome } from '../../node/homePath';

/** Typed reads of the `careerEvidence.*` settings (package.json `contributes.configuration`). */
export const settings = {
  /** `careerEvidence.pullRequests.fetch`, from User settings only: `ask` (default), `off` or `on`. */
  pullRequestsFetch(): 'ask' | 'off' | 'on' {
    const v = vscode.workspace.getConfiguration('careerEvidence').inspect<string>('pullRequests.fetch')?.globalValue;
    return v === 'off' || v === 'on' ? v : 'ask';
  },
  /** `careerEvidence.pullRequests.apiUrl`, from User settings only (a workspace can never send the user's token elsewhere); an http(s) URL or undefined. */
  pullRequestsApiUrl(): string | undefined {
    const v = vscode.workspace.getConfiguration('careerEvidence').inspect<string>('pullRequests.apiUrl')?.globalValue?.trim();
    return v && isApiUrl(v) ? v : undefined;
  },
  /**
   * The weekly brag reminder (`careerEvidence.reminder.day`, `.time`, `.quietHours`), read from the
   * User settings only (a repository cannot set when the user is interrupted); a malformed value
   * reads as its default.
   */
  reminder(): ReminderSettings {
    const c = vscode.workspace.getConfiguration('careerEvidence.reminder');
    const user = <T>(key: string) => c.inspect<T>(key)?.globalValue;
    const day = user<string>('day');
    const quiet = readQuietHours(user<string>('quietHours'));
    return {
      day: day === 'off' || (WEEKDAYS as readonly string[]).includes(day ?? '') ? (day as ReminderDay) : DEFAULT_REMINDER.day,
      minutes: readClockTime(user<string>('time')) ?? DEFAULT_REMINDER.minutes,
      quiet: quiet === undefined ? DEFAULT_REMINDER.quiet : quiet,
    };
  },
  /** Extra e-mail addresses that are the user (`careerEvidence.identities`). */
  identities(scope?: vscode.ConfigurationScope): string[] {
    const v = vscode.workspace.getConfiguration('careerEvidence', scope).get<unknown>('identities', []);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  },
  /** The user's hosting handles, without `@` (`careerEvidence.handles`): CODEOWNERS and document people lists. */
  handles(): string[] {
    const v = vscode.workspace.getConfiguration('careerEvidence').get<unknown>('handles', []);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').map((h) => h.replace(/^@/, '').trim()) : [];
  },
  /** More repositories for reports (`careerEvidence.repositories`), `~` expanded. */
  repositories(): string[] {
    const v = vscode.workspace.getConfiguration('careerEvidence').get<unknown>('repositories', []);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map(expandHome) : [];
  },
  /** A folder searched two levels deep for repositories when a report is asked for (`careerEvidence.repositoriesRoot`), or null. */
  repositoriesRoot(): string | null {
    const v = (vscode.workspace.getConfiguration('careerEvidence').get<string>('repositoriesRoot', '') ?? '').trim();
    return v ? expandHome(v) : null;
  },
  /** `careerEvidence.level.current`/`.target`, each over the journal's `level` (given) when set. */
  level(journal: { current: string | null; target: string | null }): { current: string | null; target: string | null } {
    const c = vscode.workspace.getConfiguration('careerEvidence.level');
    const read = (key: string) => (c.get<string>(key, '') ?? '').trim() || null;
    return { current: read('current') ?? journal.current, target: read('target') ?? journal.target };
  },
  /** Default branch override (`careerEvidence.defaultBranch`); empty = detect. */
  defaultBranch(scope?: vscode.ConfigurationScope): string {
    return vscode.workspace.getConfiguration('careerEvidence', scope).get<string>('defaultBranch', '') ?? '';
  },
  /** Absolute journal folder (`careerEvidence.journal.path`, `~` expanded), default outside any repository. */
  journalDir(): string {
    const v = (vscode.workspace.getConfiguration('careerEvidence').get<string>('journal.path', '') ?? '').trim();
    return v ? expandHome(v) : defaultJournalDir();
  },
  /** The user's status words (`careerEvidence.statusAliases`): read with their problems (a bad entry is left out). */
  statusAliases(): ReturnType<typeof statusAliasesFrom> {
    const v = vscode.workspace.getConfiguration('careerEvidence').get<unknown>('statusAliases', {});
    return statusAliasesFrom(v, 'careerEvidence.statusAliases');
  },
  prompt(): PromptSettings {
    const c = vscode.workspace.getConfiguration('careerEvidence.prompt');
    const mode = c.get<string>('mode', 'commit');
    return {
      mode: mode === 'merge' || mode === 'off' ? mode : 'commit',
      quietHours: c.get<string>('quietHours', '') ?? '',
      minIntervalMinutes: Math.max(0, Number(c.get<number>('minIntervalMinutes', 30)) || 0),
    };
  },
};

/**
 * Folders named for each kind in `careerEvidence.documentFolders` (a team's choice, shared in the
 * repository's settings), plus ADR Manager's `adrManager.adrDirectory` for decisions when ours names
 * none. New Design Doc's own answers are kept apart, see `DocumentFolders`.
 */
export function documentFolderSettings(folder: vscode.WorkspaceFolder): Partial<Record<EvidenceKind, string>> {
  const out: Partial<Record<EvidenceKind, string>> = {};
  const ours = vscode.workspace.getConfiguration('careerEvidence', folder).get<Record<string, unknown>>('documentFolders', {}) ?? {};
  for (const [k, v] of Object.entries(ours)) if (isEvidenceKind(k) && typeof v === 'string' && v.trim()) out[k] = v.trim();
  const adrManager = vscode.workspace.getConfiguration('adrManager', folder).get<string>('adrDirectory');
  if (!out.decision && typeof adrManager === 'string' && adrManager.trim()) out.decision = adrManager.trim();
  return out;
}

/** Records `word` as `status` in the user's settings (`careerEvidence.statusAliases`, User scope), keeping the other words. */
export async function rememberStatusAlias(word: string, status: CanonicalStatus): Promise<void> {
  const config = vscode.workspace.getConfiguration('careerEvidence');
  const current = config.inspect<Record<string, string>>('statusAliases')?.globalValue ?? {};
  await config.update('statusAliases', { ...current, [word]: status }, vscode.ConfigurationTarget.Global);
}
