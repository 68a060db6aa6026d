import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { ME, writeFiles } from '../support/gitRepo';
import { PackagedWorkbench, chooseMenuItem, openPackagedWorkbench, screenshotOnFailure } from '../support/packagedWorkbench';
import { PROJECT_ROOT } from '../support/paths';

// UI end-to-end for the evidence browser: switch grouping to quarter from the view's menu, filter
// "Mine only", and screenshot the result.
const SCREENSHOTS = path.join(PROJECT_ROOT, 'test-results');

describe('UI end-to-end: evidence browser', function () {
  this.timeout(180_000);
  let wb: PackagedWorkbench;
  let page: Page;

  before(async () => {
    wb = await openPackagedWorkbench('e2e-browser', () => ({ 'careerEvidence.prompt.mode': 'off' }));
    page = wb.page;
    // Two MADR decisions in different quarters: one mine (decision-makers), one a colleague's.
    writeFiles(wb.workspace, {
      'docs/decisions/0001-adopt-feature-flags.md': `---\nstatus: accepted\ndate: 2026-08-12\ndecision-makers: [${ME.name}]\ntags: [release]\n---\n\n# Adopt feature flags\n`,
      'docs/decisions/0002-split-the-monolith.md':
        '---\nstatus: proposed\ndate: 2026-04-02\ndecision-makers: [Sam Colleague]\n---\n\n# Split the monolith\n',
    });
  });

  afterEach(async function () {
    await screenshotOnFailure(this.currentTest, wb?.page);
  });
  after(() => wb?.close());

  it('groups by quarter and filters to my decisions', async () => {
    await page.locator('.activitybar [aria-label^="Career Evidence"]').first().click();
    const pane = page.locator('.pane', { hasText: 'Evidence' });
    const row = (text: string) => pane.locator('.monaco-list-row', { hasText: text });
    await row('Split the monolith').waitFor({ timeout: 30_000 });

    const runFromViewMenu = async (title: string) => {
      // A container with one view shows the view's actions in the side bar's title; "…" opens the rest.
      await page.locator('.part.sidebar .composite.title').hover();
      await page.locator('.part.sidebar .title-actions .action-label.codicon-toolbar-more').first().click();
      await chooseMenuItem(page, title);
    };
    await runFromViewMenu('Group By…');
    const input = page.locator('.quick-input-widget input');
    await input.fill('Quarter');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Quarter' }).first().waitFor();
    await page.keyboard.press('Enter');
    await row('2026-Q3').waitFor({ timeout: 15_000 });
    await row('2026-Q2').waitFor({ timeout: 15_000 });

    await runFromViewMenu('Mine Only');
    await row('Split the monolith').waitFor({ state: 'detached', timeout: 15_000 });
    await row('Adopt feature flags').waitFor();
    await page.getByText('Filtered: mine only').first().waitFor({ timeout: 5000 });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.mouse.move(800, 600);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'e2e-group-by-quarter-mine-only.png') });
    assert.strictEqual(await row('2026-Q2').count(), 0, 'the colleague’s quarter is filtered away');
  });
});
