import * as path from 'path';
import * as vscode from 'vscode';
import { Services } from '../services/services';
import { WeeklyReminder } from './reminder';

/** Starts the weekly brag reminder (a timer only; see {@link WeeklyReminder}). */
export function registerWeeklyReminder(context: vscode.ExtensionContext, services: Services): WeeklyReminder {
  const reminder = new WeeklyReminder(
    services.mergedWork,
    context.globalState,
    path.join(context.globalStorageUri.fsPath, 'reminder'),
    services.log,
  );
  context.subscriptions.push(reminder);
  return reminder;
}
