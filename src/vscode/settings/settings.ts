import * as vscode from 'vscode';
import { PromptSettings } from '../../core/prompt/policy';
import { defaultJournalDir } from '../../node/journal';

/** Typed reads of the `careerEvidence.*` settings (package.json `contributes.configuration`). */
export const settings = {
  /** Extra e-mail addresses that are the user (`careerEvidence.identities`). */
  identities(scope?: vscode.ConfigurationScope): string[] {
    const v = vscode.workspace.getConfiguration('careerEvidence', scope).get<unknown>('identities', []);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  },
  /** Default branch override (`careerEvidence.defaultBranch`); empty = detect. */
  defaultBranch(scope?: vscode.ConfigurationScope): string {
    return vscode.workspace.getConfiguration('careerEvidence', scope).get<string>('defaultBranch', '') ?? '';
  },
  /** Absolute journal folder (`careerEvidence.journal.path`, `~` expanded), default outside any repository. */
  journalDir(): string {
    const v = (vscode.workspace.getConfiguration('careerEvidence').get<string>('journal.path', '') ?? '').trim();
    if (!v) return defaultJournalDir();
    return v.startsWith('~/') ? require('path').join(require('os').homedir(), v.slice(2)) : v;
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
