import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import {
  PackagedWorkbench,
  chooseMenuItem,
  openPackagedWorkbench,
  paletteCommand,
  screenshotOnFailure,
} from '../support/packagedWorkbench';
import { PROJECT_ROOT } from '../support/paths';

// UI end-to-end for design documents: one document of every kind from the palette, then an ADR
// superseded from the Evidence view's context menu. Packaged .vsix in code-server, headless Chromium.
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
  let wb: PackagedWorkbench;
  let page: Page;
  let workspace: string;

  before(async () => {
    // The tree would follow each new document down the list; keep it still so rows stay in view.
    wb = await openPackagedWorkbench('e2e-docs', () => ({
      'careerEvidence.prompt.mode': 'off',
      'careerEvidence.evidenceView.revealActiveDocument': false,
    }));
    ({ page, workspace } = wb);
  });

  afterEach(async function () {
    await screenshotOnFailure(this.currentTest, wb?.page);
  });
  after(() => wb?.close());

  it('creates one document of each kind from the palette', async () => {
    const input = page.locator('.quick-input-widget input');
    for (const [label, folder] of KINDS) {
      const title = `First ${label.toLowerCase()}`;
      await paletteCommand(page, 'Career Evidence: New Design Doc');
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
        const choice = page.locator('.quick-input-list .monaco-list-row', { hasText: folder }).first();
        await choice.waitFor();
        if (label === 'Growth card') {
          // Its share button: the folder is written for the team, in the repository's settings.
          await choice.hover();
          await choice.locator('.action-label.codicon-organization').click();
        } else await page.keyboard.press('Enter');
      }
      const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      await page.locator('.tabs-container .tab', { hasText: `-${slug}.md` }).waitFor({ timeout: 30_000 });
      const files = fs.readdirSync(path.join(workspace, folder));
      assert.ok(
        files.some((f) => f.endsWith(`-${slug}.md`)),
        `${label}: ${files.join(', ')}`,
      );
    }
    await page.locator('.activitybar [aria-label^="Career Evidence"]').first().click();
    const tree = page.locator('.pane', { hasText: 'Evidence' });
    for (const group of ['Decisions', 'RFCs', 'Design docs', 'Tradeoff notes', 'Postmortems', 'Engineering log', 'Growth cards']) {
      await tree.locator('.monaco-list-row', { hasText: group }).first().waitFor({ timeout: 20_000 });
    }
    // Only the shared choice reached the repository's settings; the others are kept in workspace storage.
    const shared = JSON.parse(fs.readFileSync(path.join(workspace, '.vscode', 'settings.json'), 'utf8'));
    assert.deepStrictEqual(shared['careerEvidence.documentFolders'], { growth: 'docs/growth' });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'e2e-every-kind.png') });
  });

  it('supersedes an ADR from the Evidence view context menu', async () => {
    const tree = page.locator('.pane', { hasText: 'Evidence' });
    await tree.locator('.monaco-list-row', { hasText: 'Use PostgreSQL for billing' }).click({ button: 'right' });
    await chooseMenuItem(page, 'Supersede…');
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-widget', { hasText: 'Title of the new document' }).waitFor();
    await input.fill('Use CockroachDB for billing');
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab', { hasText: '0004-use-cockroachdb-for-billing.md' }).waitFor({ timeout: 30_000 });
    await tree.locator('.monaco-list-row', { hasText: 'Use CockroachDB for billing' }).waitFor({ timeout: 20_000 });
    // The links are written right after the new document opens: wait until the tree shows them.
    await tree
      .locator('.monaco-list-row', { hasText: 'Use PostgreSQL for billing' })
      .filter({ hasText: 'superseded' })
      .waitFor({ timeout: 20_000 });
    assert.match(
      fs.readFileSync(path.join(workspace, 'doc/adr/0002-use-postgresql-for-billing.md'), 'utf8'),
      /## Status\n\nSuperseded by \[4\. Use CockroachDB for billing\]\(0004-use-cockroachdb-for-billing\.md\)\n/,
    );
    assert.match(
      fs.readFileSync(path.join(workspace, 'doc/adr/0004-use-cockroachdb-for-billing.md'), 'utf8'),
      /\nSupersedes \[2\. Use PostgreSQL for billing\]\(0002-use-postgresql-for-billing\.md\)\n/,
    );
    await page.mouse.move(800, 600);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'e2e-supersede.png') });
  });
});
