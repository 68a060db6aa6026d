import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { evidenceRepo, removeDir, tempDir } from '../support/gitRepo';
import { PROJECT_ROOT } from '../support/paths';

// UI end-to-end for design documents: one document of every kind from the palette, then an ADR
// superseded from the Evidence view's context menu. Packaged .vsix in code-server, headless Chromium.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const workbench = require(path.join(PROJECT_ROOT, 'test', 'harness', 'workbench.js'));
const SCREENSHOTS = path.join(PROJECT_ROOT, 'test-results');

const KINDS: [label: string, folder: string][] = [
  ['ADR', 'doc/adr'],
  ['RFC', 'docs/rfcs'],
  ['Design doc', 'docs/design'],
  ['Tradeoff note', 'docs/tradeoffs'],
  ['Postmortem', 'docs/postmortems'],
  ['Engineering log entry', 'docs/engineering-log'],
  ['Growth card', 'docs/growth'],
];

describe('UI end-to-end: design documents', function () {
  this.timeout(240_000);
  let scratch: string;
  let server: { child: import('child_process').ChildProcess; port: number } | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let workspace: string;

  before(async () => {
    scratch = tempDir('e2e-docs');
    const vsix = path.join(scratch, 'career-evidence.vsix');
    execFileSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '-o', vsix], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const extensionsDir = path.join(scratch, 'extensions');
    workbench.installExtension(vsix, extensionsDir);
    workspace = evidenceRepo(path.join(scratch, 'shop')).root;
    server = await workbench.startServer({ scratch, extensionsDir, settings: { 'careerEvidence.prompt.mode': 'off' } });
    browser = await workbench.launchChromium();
    page = await browser!.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`http://127.0.0.1:${server!.port}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 60_000 });
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    workbench.stopGroup(server?.child);
    if (scratch) removeDir(scratch);
  });

  it('creates one document of each kind from the palette', async () => {
    const input = page.locator('.quick-input-widget input');
    for (const [label, folder] of KINDS) {
      const title = `First ${label.toLowerCase()}`;
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible' });
      await input.fill('>Career Evidence: New Design Doc');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'New Design Doc' }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Growth card' }).first().waitFor();
      await input.fill(label);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget', { hasText: 'Title of the document' }).waitFor();
      await input.fill(title);
      await page.keyboard.press('Enter');
      if (label !== 'ADR') {
        // No folder for this kind yet: the first suggestion is its default folder.
        await page.locator('.quick-input-widget', { hasText: 'Where do' }).waitFor();
        await page.locator('.quick-input-list .monaco-list-row', { hasText: folder }).first().waitFor();
        await page.keyboard.press('Enter');
      }
      const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      await page.locator('.tabs-container .tab', { hasText: `-${slug}.md` }).waitFor({ timeout: 30_000 });
      const files = fs.readdirSync(path.join(workspace, folder));
      assert.ok(files.some((f) => f.endsWith(`-${slug}.md`)), `${label}: ${files.join(', ')}`);
    }
    await page.locator('.activitybar [aria-label^="Career Evidence"]').first().click();
    const tree = page.locator('.pane', { hasText: 'Evidence' });
    for (const group of ['Decisions', 'RFCs', 'Design docs', 'Tradeoff notes', 'Postmortems', 'Engineering log', 'Growth cards']) {
      await tree.locator('.monaco-list-row', { hasText: group }).first().waitFor({ timeout: 20_000 });
    }
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'e2e-every-kind.png') });
  });

  it('supersedes an ADR from the Evidence view context menu', async () => {
    const tree = page.locator('.pane', { hasText: 'Evidence' });
    await tree.locator('.monaco-list-row', { hasText: 'Use PostgreSQL for billing' }).click({ button: 'right' });
    const item = page.locator('.monaco-menu .action-label', { hasText: 'Supersede…' });
    await item.hover();
    await page.waitForTimeout(400); // VS Code ignores a click that lands right after its menu opens
    await item.click();
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-widget', { hasText: 'Title of the new document' }).waitFor();
    await input.fill('Use CockroachDB for billing');
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab', { hasText: '0004-use-cockroachdb-for-billing.md' }).waitFor({ timeout: 30_000 });
    await tree.locator('.monaco-list-row', { hasText: 'Use CockroachDB for billing' }).waitFor({ timeout: 20_000 });
    // The links are written right after the new document opens: wait until the tree shows them.
    await tree.locator('.monaco-list-row', { hasText: 'Use PostgreSQL for billing' }).filter({ hasText: 'superseded' }).waitFor({ timeout: 20_000 });
    assert.match(fs.readFileSync(path.join(workspace, 'doc/adr/0002-use-postgresql-for-billing.md'), 'utf8'), /## Status\n\nSuperseded by \[4\. Use CockroachDB for billing\]\(0004-use-cockroachdb-for-billing\.md\)\n/);
    assert.match(fs.readFileSync(path.join(workspace, 'doc/adr/0004-use-cockroachdb-for-billing.md'), 'utf8'), /\nSupersedes \[2\. Use PostgreSQL for billing\]\(0002-use-postgresql-for-billing\.md\)\n/);
    await page.mouse.move(800, 600);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'e2e-supersede.png') });
  });
});
