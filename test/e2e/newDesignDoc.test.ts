import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { PackagedWorkbench, openPackagedWorkbench, paletteCommand, screenshotOnFailure } from '../support/packagedWorkbench';
import { PROJECT_ROOT } from '../support/paths';

// UI end-to-end: the packaged .vsix installed into a real VS Code (code-server), driven through
// headless Chromium as a user would: command palette, quick pick, input box, activity bar, tree.
const SCREENSHOTS = path.join(PROJECT_ROOT, 'test-results');

describe('UI end-to-end (packaged extension)', function () {
  this.timeout(180_000);
  let wb: PackagedWorkbench;
  let page: Page;
  let workspace: string;
  let journal: string;

  before(async () => {
    execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'esbuild.js'), '--production'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
    wb = await openPackagedWorkbench('e2e', (scratch) => ({ 'careerEvidence.journal.path': (journal = path.join(scratch, 'journal')) }));
    ({ page, workspace } = wb);
  });

  afterEach(async function () {
    await screenshotOnFailure(this.currentTest, wb?.page);
  });
  after(() => wb?.close());

  it('runs "Career Evidence: New Design Doc" from the palette and shows the new ADR in the Evidence view', async () => {
    const title = 'Adopt feature flags for releases';
    const input = page.locator('.quick-input-widget input');
    // The first command of a fresh workbench waits for the installed extension to be registered.
    await paletteCommand(page, 'Career Evidence: New Design Doc');
    await page.keyboard.press('Enter');
    // Quick pick of kinds
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'ADR' }).first().waitFor();
    await input.fill('ADR');
    await page.keyboard.press('Enter');
    // Input box for the title
    await page.locator('.quick-input-widget', { hasText: 'Title of the document' }).waitFor();
    await input.fill(title);
    await page.keyboard.press('Enter');
    // The new file opens in an editor tab
    await page.locator('.tabs-container .tab', { hasText: '0003-adopt-feature-flags-for-releases.md' }).waitFor({ timeout: 30_000 });
    const written = fs.readFileSync(path.join(workspace, 'doc/adr/0003-adopt-feature-flags-for-releases.md'), 'utf8');
    assert.match(written, /^# 3\. Adopt feature flags for releases\n/);

    // Open the Career Evidence container from the activity bar and find the new ADR in the tree.
    await page.locator('.activitybar [aria-label^="Career Evidence"]').first().click();
    const tree = page.locator('.pane', { hasText: 'Evidence' });
    await tree.locator('.monaco-list-row', { hasText: title }).waitFor({ timeout: 30_000 });
    await tree.locator('.monaco-list-row', { hasText: 'Speed up search' }).waitFor({ timeout: 30_000 });
    const rows = await tree.locator('.monaco-list-row').allInnerTexts();
    assert.ok(
      rows.some((r) => r.includes('Record architecture decisions')),
      rows.join(' | '),
    );
    assert.ok(
      rows.some((r) => r.includes('Add export to CSV')),
      rows.join(' | '),
    );
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'e2e-new-design-doc.png') });
  });

  it('accepts one suggestion and dismisses another with the inline actions of the Evidence view', async () => {
    const tree = page.locator('.pane', { hasText: 'Evidence' });
    const row = (title: string) => tree.locator('.monaco-list-row', { hasText: title });
    // Click an inline action of a row until the row is gone: the tree re-renders as the journal
    // group appears, and a click on a row that just moved is lost.
    const actUntilGone = async (title: string, action: string, gone: ReturnType<typeof row>, done: () => boolean = () => true) => {
      for (let attempt = 0; attempt < 5; attempt++) {
        if (await row(title).count()) {
          await row(title).first().hover();
          await row(title)
            .first()
            .locator(`.action-label[aria-label^="${action}"]`)
            .click()
            .catch(() => undefined);
        }
        // A row can leave for a moment while the tree re-renders: the action's effect must show too.
        if (
          (await gone.waitFor({ state: 'detached', timeout: 5_000 }).then(
            () => true,
            () => false,
          )) &&
          done()
        )
          return;
      }
      throw new Error(`${action} did not take effect on "${title}"`);
    };
    const entryWritten = () => fs.existsSync(path.join(journal, 'brag', '2026', '2026-03-05-add-export-to-csv.md'));
    // The suggestion (#12) leaves; its brag entry appears under "Brag document" (the journal is indexed).
    await actUntilGone('Add export to CSV', 'Accept', row('Add export to CSV').filter({ hasText: '#12' }), entryWritten);
    await tree.locator('.monaco-list-row', { hasText: 'Brag document' }).waitFor({ timeout: 15_000 });
    await actUntilGone('Record the first decisions', 'Dismiss', row('Record the first decisions'));
    await row('Speed up search').waitFor();

    const entries = fs.readdirSync(path.join(journal, 'brag', '2026'));
    assert.deepStrictEqual(entries, ['2026-03-05-add-export-to-csv.md']);
    assert.match(fs.readFileSync(path.join(journal, 'brag', '2026', entries[0]), 'utf8'), /^---\ncareer-kind: brag\n/);
    await page.mouse.move(700, 500);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'e2e-suggestions.png') });
  });
});
