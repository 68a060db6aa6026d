import { ChildProcess, execFileSync } from 'child_process';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { evidenceRepo, removeDir, tempDir } from './gitRepo';
import { PROJECT_ROOT } from './paths';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const workbench = require(path.join(PROJECT_ROOT, 'test', 'harness', 'workbench.js'));

/** A code-server workbench with the packaged extension installed, open on an evidence repository. */
export interface PackagedWorkbench {
  page: Page;
  /** The opened repository (see `evidenceRepo`). */
  workspace: string;
  scratch: string;
  close(): Promise<void>;
}

/**
 * Packages the extension with vsce (from the current dist/), installs the .vsix into a fresh
 * code-server, opens an evidence repository in headless Chromium and waits for the workbench.
 * @param settings extra user settings.
 * @param makeWorkspace the folder to open, made in the scratch folder (the evidence repository by default).
 */
export async function openPackagedWorkbench(
  prefix: string,
  settings: (scratch: string) => Record<string, unknown> = () => ({}),
  makeWorkspace: (scratch: string) => string | Promise<string> = (scratch) => evidenceRepo(path.join(scratch, 'shop')).root,
): Promise<PackagedWorkbench> {
  const scratch = tempDir(prefix);
  let server: { child: ChildProcess; port: number } | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    workbench.stopGroup(server?.child);
    if (!process.env.CE_KEEP_SCRATCH) removeDir(scratch); // CE_KEEP_SCRATCH=1 keeps code-server logs for a look
  };
  try {
    const vsix = path.join(scratch, 'career-evidence.vsix');
    execFileSync(
      process.execPath,
      [
        require.resolve('@vscode/vsce/vsce'),
        'package',
        '--no-dependencies',
        '--allow-missing-repository',
        '--no-rewrite-relative-links',
        '-o',
        vsix,
      ],
      { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const extensionsDir = path.join(scratch, 'extensions');
    workbench.installExtension(vsix, extensionsDir);
    const workspace = await makeWorkspace(scratch);
    server = await workbench.startServer({ scratch, extensionsDir, settings: settings(scratch) });
    browser = (await workbench.launchChromium()) as Browser;
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`http://127.0.0.1:${server!.port}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 60_000 });
    return { page, workspace, scratch, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** Saves what the workbench showed when `test` failed, as test-results/e2e-failed-<title>.png (for CI logs). */
export async function screenshotOnFailure(test: Mocha.Test | undefined, page: Page | undefined): Promise<void> {
  if (!test || test.state !== 'failed' || !page) return;
  const name = test.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60);
  await page.screenshot({ path: path.join(PROJECT_ROOT, 'test-results', `e2e-failed-${name}.png`) }).catch(() => undefined);
}

/**
 * Runs the item `title` of the context or overflow menu that is open: VS Code ignores a click that
 * lands right after its menu opens, so the item is hovered until the menu shows it focused, then
 * chosen with Enter (no fixed wait).
 */
export async function chooseMenuItem(page: Page, title: string): Promise<void> {
  const item = page.locator('.monaco-menu .action-item', { hasText: title }).first();
  await item.hover();
  await page.locator('.monaco-menu .action-item.focused', { hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/**
 * Opens the command palette on `command` (its title as listed, e.g. "Career Evidence: New Design
 * Doc") and waits until its row shows, ready for Enter. The palette computes its list when the text
 * changes, so a command registered after the text was typed (the extension's contributions arrive
 * a while after a fresh workbench looks ready) is only found by typing again: retyped every 2 s.
 */
export async function paletteCommand(page: Page, command: string, timeoutMs = 90_000): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: command.split(': ').pop()! }).first();
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (!(await input.isVisible())) await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible' });
    await input.fill('>');
    await input.fill(`>${command}`);
    if (
      await row.waitFor({ timeout: 2_000 }).then(
        () => true,
        () => false,
      )
    )
      return;
    if (Date.now() > end) throw new Error(`"${command}" did not show in the command palette in ${timeoutMs} ms`);
  }
}
