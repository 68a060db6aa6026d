import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { FrameLocator, Page } from 'playwright-core';
import { PackagedWorkbench, openPackagedWorkbench, paletteCommand, screenshotOnFailure } from '../support/packagedWorkbench';
import { PROJECT_ROOT } from '../support/paths';

// UI end-to-end for the dashboard (issue 16): opened from the palette, another quarter chosen with
// the page's own button (2026-Q1, the fixture's work), a card's receipts listed and one opened, a
// chart walked with the keyboard; screenshots in the light theme and in high contrast, in test-results/.
const SCREENSHOTS = path.join(PROJECT_ROOT, 'test-results');

describe('UI end-to-end: the dashboard', function () {
  this.timeout(240_000);
  let wb: PackagedWorkbench;
  let page: Page;
  let dash: FrameLocator;

  before(async () => {
    wb = await openPackagedWorkbench('e2e-dashboard', (scratch) => ({
      'careerEvidence.prompt.mode': 'off',
      'careerEvidence.journal.path': path.join(scratch, 'journal'),
      'workbench.colorTheme': 'Default Light Modern',
    }));
    page = wb.page;
    dash = page.frameLocator('iframe.webview').frameLocator('iframe');
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterEach(async function () {
    await screenshotOnFailure(this.currentTest, wb?.page);
  });
  after(() => wb?.close());

  it('opens from the palette, shows the quarter chosen on the page, lists a card’s receipts and opens one', async () => {
    await paletteCommand(page, 'Career Evidence: Open Dashboard');
    await page.keyboard.press('Enter');
    await dash.locator('#pick-quarter').click({ timeout: 60_000 });
    await page.locator('.quick-input-list .monaco-list-row', { hasText: '2026-Q1' }).first().waitFor();
    await page.locator('.quick-input-widget input').fill('2026-Q1');
    await page.keyboard.press('Enter');
    await dash.getByRole('heading', { name: 'Evidence dashboard — 2026-Q1' }).waitFor({ timeout: 60_000 });
    assert.strictEqual(await dash.locator('canvas').count(), 8, 'five sparklines and three charts');
    assert.strictEqual(await dash.locator('.card').count(), 5);
    await page.mouse.move(10, 10);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'e2e-dashboard-light.png') });

    await dash.locator('.card-open', { hasText: 'Design artifacts' }).click();
    const receipts = dash.locator('#receipts');
    await receipts.getByRole('heading', { name: 'Receipts: Design artifacts (2)' }).waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'e2e-dashboard-light-receipts.png') });
    await receipts.locator('button.receipt', { hasText: 'Use PostgreSQL for billing' }).click();
    await page
      .locator('.tabs-container .tab', { hasText: /use-postgresql-for-billing/ })
      .first()
      .waitFor({ timeout: 15_000 });
  });

  it('walks a chart with the keyboard: arrows move between bars, Enter lists the bar’s receipts', async () => {
    await page.locator('.tabs-container .tab', { hasText: 'Evidence Dashboard 2026-Q1' }).first().click();
    const chart = dash.locator('#latency-chart');
    await chart.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await dash.getByRole('heading', { name: /^Receipts: Review latency < 4 h \(\d+\)$/ }).waitFor({ timeout: 10_000 });
  });

  it('follows the theme: in high contrast the page takes its colours and the charts are drawn again', async () => {
    await page.locator('.tabs-container .tab', { hasText: 'Evidence Dashboard 2026-Q1' }).first().click();
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+T');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'e2e-dashboard-theme-picker.png') });
    await input.fill('High Contrast');
    await page
      .locator('.quick-input-list .monaco-list-row', { hasText: /^Dark High Contrast/ })
      .first()
      .waitFor({ timeout: 15_000 });
    await input.fill('Dark High Contrast');
    await page.keyboard.press('Enter');
    await dash.locator('body.vscode-high-contrast').waitFor({ timeout: 30_000 });
    // (Runs in the page: `getComputedStyle` of its window, reached through the element.)
    const colours = await dash.locator('body').evaluate((body: { ownerDocument: { defaultView: unknown } }) => {
      const css = (
        body.ownerDocument.defaultView as { getComputedStyle(e: unknown): { color: string; backgroundColor: string } }
      ).getComputedStyle(body);
      return { fg: css.color, bg: css.backgroundColor };
    });
    assert.notDeepStrictEqual(colours, { fg: 'rgb(31, 31, 31)', bg: 'rgb(255, 255, 255)' }, JSON.stringify(colours));
    await dash.locator('#app').evaluate((app: { scrollIntoView(): void }) => app.scrollIntoView());
    await page.mouse.move(10, 10);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'e2e-dashboard-high-contrast.png') });
  });
});
