import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { PackagedWorkbench, openPackagedWorkbench, screenshotOnFailure } from '../support/packagedWorkbench';
import { ME, evidenceRepo } from '../support/gitRepo';
import { PROJECT_ROOT } from '../support/paths';

// UI end-to-end for issue 15: a GitLab repository's merge request fetched only after the user's
// yes, with the token they type (kept in VS Code's secret storage), from a fake GitLab API on
// 127.0.0.1; the suggestion's details page shows the fetched description. Screenshot in test-results/.
const SCREENSHOTS = path.join(PROJECT_ROOT, 'test-results');

describe('UI end-to-end: pull request details, fetched with consent', function () {
  this.timeout(240_000);
  let wb: PackagedWorkbench;
  let page: Page;
  let server: http.Server;
  const seen: { url: string; authorization: string | undefined }[] = [];

  before(async () => {
    server = http.createServer((req, res) => {
      seen.push({ url: req.url ?? '', authorization: req.headers.authorization });
      res.setHeader('content-type', 'application/json');
      // Who the token is, and (glue work) the merge requests of others it reviewed: none here.
      if (req.url?.endsWith('/user')) return void res.end(JSON.stringify({ username: 'dana' }));
      if (req.url?.includes('reviewer_username=')) return void res.end('[]');
      if (req.url?.includes('/notes?'))
        return void res.end(
          JSON.stringify([
            { author: { username: 'sam' }, created_at: '2026-03-21T09:00:00Z', system: true, body: 'approved this merge request' },
          ]),
        );
      const iids = [...(req.url ?? '').matchAll(/iids\[\]=(\d+)/g)].map((m) => Number(m[1]));
      res.end(
        JSON.stringify(
          iids.map((iid) => ({
            iid,
            description:
              'Uploads failed on flaky networks: three tries with backoff, then a clear error. Support tickets about lost uploads fell from 40 to 3 a week.',
            created_at: '2026-03-20T09:00:00Z',
            merged_at: '2026-03-22T12:00:00Z',
            author: { username: 'dana' },
            reviewers: [{ username: 'sam' }],
          })),
        ),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    wb = await openPackagedWorkbench(
      'e2e-prs',
      (scratch) => ({
        'careerEvidence.prompt.mode': 'off',
        'careerEvidence.journal.path': path.join(scratch, 'journal'),
        'careerEvidence.pullRequests.apiUrl': `http://127.0.0.1:${port}/api/v4`,
      }),
      (scratch) => {
        const repo = evidenceRepo(path.join(scratch, 'shop'));
        repo.git('checkout', '--quiet', '-b', 'dana/retry');
        repo.commit({ 'src/retry.ts': 'retry\n' }, 'Retry failed uploads', ME, '2026-03-21T10:00:00+01:00');
        repo.git('checkout', '--quiet', 'main');
        repo.merge(
          'dana/retry',
          "Merge branch 'dana/retry' into 'main'\n\nRetry failed uploads\n\nSee merge request acme/shop!21",
          ME,
          '2026-03-22T13:00:00+01:00',
        );
        execFileSync('git', ['remote', 'add', 'origin', 'https://gitlab.com/acme/shop.git'], { cwd: repo.root });
        return repo.root;
      },
    );
    page = wb.page;
  });
  afterEach(async function () {
    await screenshotOnFailure(this.currentTest, wb?.page);
  });
  after(async () => {
    await wb?.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it("offers once, asks for the token, and shows the merge request's description in the details page", async () => {
    const pane = page.locator('.pane', { hasText: 'Evidence' });
    const row = (text: string) => pane.locator('.monaco-list-row', { hasText: text });
    await page.locator('.activitybar [aria-label^="Career Evidence"]').first().click();
    const offer = row('Fetch descriptions and reviews of your pull requests from 127.0.0.1').first();
    await offer.waitFor({ timeout: 60_000 });
    assert.strictEqual(seen.length, 0, 'nothing sent before the yes');
    // A click that lands while the tree redraws the row selects it without running its command:
    // then Enter on the selected row runs it (no fixed wait; each try waits for the quick pick).
    const yes = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Yes, for this repository' }).first();
    await offer.click();
    for (
      let tries = 0;
      !(await yes.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      ));
      tries++
    ) {
      if (tries === 3) throw new Error('the offer row did not open its question');
      await offer.click();
      await page.keyboard.press('Enter');
    }
    await yes.click();
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-widget', { hasText: 'GitLab token for 127.0.0.1' }).waitFor({ timeout: 15_000 });
    await input.fill('glpat-e2e-token');
    await page.keyboard.press('Enter');
    await row('Retry failed uploads').first().click({ timeout: 60_000 });
    const details = page.frameLocator('iframe.webview').frameLocator('iframe').locator('body');
    await details.getByText('Support tickets about lost uploads fell from 40 to 3 a week.').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'e2e-pull-request-details.png') });
    assert.ok(seen.length > 0 && seen.every((s) => s.authorization === 'Bearer glpat-e2e-token'), JSON.stringify(seen));
    assert.match(seen[0].url, /^\/api\/v4\/projects\/acme%2Fshop\/merge_requests\?iids\[\]=21&per_page=100$/);
  });
});
