import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { PackagedWorkbench, openPackagedWorkbench, paletteCommand, screenshotOnFailure } from '../support/packagedWorkbench';
import { PROJECT_ROOT } from '../support/paths';

// UI end-to-end for the Benchmark group: pick the quarter of the fixture's work (2026-Q1) from the
// palette, open the group and one form, and screenshot it.
const SCREENSHOTS = path.join(PROJECT_ROOT, 'test-results');

describe('UI end-to-end: the Benchmark group', function () {
  this.timeout(180_000);
  let wb: PackagedWorkbench;
  let page: Page;

  before(async () => {
    wb = await openPackagedWorkbench('e2e-benchmark', (scratch) => ({
      'careerEvidence.prompt.mode': 'off',
      'careerEvidence.journal.path': path.join(scratch, 'journal'),
    }));
    page = wb.page;
  });

  afterEach(async function () {
    await screenshotOnFailure(this.currentTest, wb?.page);
  });
  after(() => wb?.close());

  it('shows the five forms of a quarter with their figures, a warning on each gap, and the receipts of one', async () => {
    await page.locator('.activitybar [aria-label^="Career Evidence"]').first().click();
    const pane = page.locator('.pane', { hasText: 'Evidence' });
    const row = (text: string) => pane.locator('.monaco-list-row', { hasText: text });
    await row('Benchmark').first().waitFor({ timeout: 30_000 });

    await paletteCommand(page, 'Career Evidence: Benchmark Quarter…');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: '2026-Q1' }).first().waitFor();
    await page.locator('.quick-input-widget input').fill('2026-Q1');
    await page.keyboard.press('Enter');
    await row('2026-Q1').first().waitFor({ timeout: 15_000 });

    await row('Benchmark').first().click();
    await row('Review latency').waitFor({ timeout: 30_000 });
    await row('Design artifacts').click();
    // The receipt under Design artifacts (level 3): the Decisions group may list the same document too.
    await pane.locator('.monaco-list-row[aria-level="3"]', { hasText: 'Use PostgreSQL for billing' }).waitFor({ timeout: 15_000 });
    const latency = await row('Review latency').innerText();
    assert.match(latency, /49\.3 h median · 3/);
    assert.strictEqual(await row('Interview stories').locator('.codicon-warning').count(), 1, 'no story yet: a gap');
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.mouse.move(800, 600);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'e2e-benchmark-group.png') });
  });
});
