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
 */
export async function openPackagedWorkbench(prefix: string, settings: (scratch: string) => Record<string, unknown> = () => ({})): Promise<PackagedWorkbench> {
  const scratch = tempDir(prefix);
  let server: { child: ChildProcess; port: number } | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    workbench.stopGroup(server?.child);
    removeDir(scratch);
  };
  try {
    const vsix = path.join(scratch, 'career-evidence.vsix');
    execFileSync(
      process.execPath,
      [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', vsix],
      { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const extensionsDir = path.join(scratch, 'extensions');
    workbench.installExtension(vsix, extensionsDir);
    const workspace = evidenceRepo(path.join(scratch, 'shop')).root;
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
