import * as vscode from 'vscode';
import { TEST_HOOK_COMMAND, TestInternals } from '../../src/vscode/testHook';

export const EXTENSION_ID = 'career-evidence.career-evidence';

/** Activates the extension under test and returns its internals (through the test-only hook; the extension has no API). */
export async function internals(): Promise<TestInternals> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed in this VS Code`);
  await ext.activate();
  const found = await vscode.commands.executeCommand<TestInternals | undefined>(TEST_HOOK_COMMAND);
  if (!found) throw new Error(`${TEST_HOOK_COMMAND} gave nothing: is the extension running under test?`);
  return found;
}
