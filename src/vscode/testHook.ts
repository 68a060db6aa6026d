import * as vscode from 'vscode';
import { CommitPrompter } from './commitPrompt/commitPrompter';
import { DashboardPanel } from './dashboard/panel';
import { EvidenceNode, EvidenceTreeProvider } from './evidenceView/evidenceTree';
import { Services } from './services/services';

/** What the integration tests and the in-VS Code bench reach inside the extension. Not an API. */
export interface TestInternals {
  evidenceTree: EvidenceTreeProvider;
  services: Services;
  commitPrompter: CommitPrompter;
  /** Settles when commit-time prompts have taken their first look at each repository. */
  commitPromptsReady: Promise<void>;
  statusDecorations: vscode.FileDecorationProvider;
  evidenceView: vscode.TreeView<EvidenceNode>;
  /** What the dashboard's `WebviewPanelSerializer` does with a panel VS Code restores. */
  reviveDashboard(panel: vscode.WebviewPanel, state: unknown): DashboardPanel;
  /** How long `activate` took, in ms (it reads no file and starts no process). */
  activationMs: number;
}

/** The command that hands the tests {@link TestInternals}; registered only when VS Code runs the extension's tests. */
export const TEST_HOOK_COMMAND = 'careerEvidence.test.internals';

/**
 * Registers {@link TEST_HOOK_COMMAND} when the extension runs under test (`ExtensionMode.Test`:
 * VS Code started with `--extensionTestsPath`); in normal use the command does not exist. A command
 * run in the extension host that registered it hands back the object itself.
 */
export function registerTestHook(context: vscode.ExtensionContext, internals: TestInternals): void {
  if (context.extensionMode !== vscode.ExtensionMode.Test) return;
  context.subscriptions.push(vscode.commands.registerCommand(TEST_HOOK_COMMAND, () => internals));
}
