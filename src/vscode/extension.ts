import * as vscode from 'vscode';
import { registerCommitPrompts } from './commitPrompt/register';
import { registerDashboard } from './dashboard/register';
import { registerDiagnostics } from './diagnostics/register';
import { registerEvidenceView } from './evidenceView/register';
import { registerLifecycleCommands } from './lifecycle/commands';
import { registerSuggestionActions } from './mergedWork/actions';
import { registerSetIdentities } from './mergedWork/identitiesCommand';
import { registerPullRequestCommands } from './mergedWork/pullRequestCommands';
import { registerScanMergedWork } from './mergedWork/scanCommand';
import { registerSuggestionDetails } from './mergedWork/detailsPanel';
import { registerNewDesignDoc } from './newDesignDoc/command';
import { registerWeeklyReminder } from './reminder/register';
import { registerReportCommands } from './reports/reportCommands';
import { registerStarStoryCommand } from './reports/starStoryCommand';
import { createServices } from './services/services';
import { registerTestHook } from './testHook';

/**
 * Activated by the Evidence view, a command, or once start-up has finished (`onStartupFinished`,
 * for commit-time prompts). Only registers: no document is read until the view asks for its
 * children; the commit watcher starts after activation returns, reading two refs per repository.
 * The extension offers no API to others; tests reach its internals through {@link registerTestHook}.
 */
export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Career Evidence', { log: true });
  context.subscriptions.push(log);
  const services = createServices(context, log);
  const { provider: evidenceTree, decorations: statusDecorations, view: evidenceView } = registerEvidenceView(context, services);
  registerSuggestionDetails(context, services);
  registerNewDesignDoc(context, services);
  registerLifecycleCommands(context, services);
  registerDiagnostics(context, services);
  registerScanMergedWork(context, services);
  registerSetIdentities(context, services);
  registerPullRequestCommands(context, services);
  registerSuggestionActions(context, services);
  registerReportCommands(context, services);
  registerStarStoryCommand(context, services);
  const dashboard = registerDashboard(context, services);
  const prompts = registerCommitPrompts(context, services);
  registerWeeklyReminder(context, services);
  const activationMs = performance.now() - started;
  registerTestHook(context, {
    evidenceTree,
    services,
    commitPrompter: prompts.prompter,
    commitPromptsReady: prompts.ready,
    statusDecorations,
    evidenceView,
    reviveDashboard: dashboard.revive,
    activationMs,
  });
  log.info(`activated in ${activationMs.toFixed(1)} ms`);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
