import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { createHash } from 'crypto';
import { Benchmark } from '../../src/core/report/benchmark';
import { Dashboard } from '../../src/core/report/dashboard';
import { MiningCache } from '../../src/node/report/miningCache';
import { openRepository } from '../../src/node/git/repository';
import { cli } from '../support/cli';
import { PROJECT_ROOT } from '../support/paths';
import { COLLEAGUE, ME, TestRepo, removeDir, tempDir, writeFiles } from '../support/gitRepo';

const BOT = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };
const LAPTOP = { name: ME.name, email: 'dana@laptop.local' };

/** Two repositories and a journal with one of each kind of evidence, in 2026-Q2. */
function evidence(base: string): { shop: TestRepo; infra: TestRepo; journal: string } {
  const shop = new TestRepo(path.join(base, 'shop'));
  shop.commit({ 'src/billing.ts': 'v1\n', 'README.md': '# Shop\n' }, 'Start', COLLEAGUE, '2026-03-01T10:00:00+00:00');
  shop.git('checkout', '--quiet', '-b', 'dana/billing');
  shop.commit({ 'src/billing.ts': 'v2\n' }, 'Billing v2', ME, '2026-04-01T10:00:00+00:00');
  shop.git('checkout', '--quiet', 'main');
  shop.merge('dana/billing', 'Merge pull request #1 from dana/billing\n\nBilling v2', COLLEAGUE, '2026-04-03T10:00:00+00:00');
  shop.git('checkout', '--quiet', '-b', 'dana/rounding');
  shop.commit({ 'src/billing.ts': 'v3\n' }, 'Fix rounding', ME, '2026-04-10T10:00:00+00:00');
  shop.git('checkout', '--quiet', 'main');
  shop.merge('dana/rounding', 'Merge pull request #2 from dana/rounding\n\nFix rounding', COLLEAGUE, '2026-04-13T10:00:00+00:00');
  shop.commit(
    { 'src/search.ts': 'fast\n' },
    `Faster search (#3)\n\nCache it.\n\nReviewed-by: ${ME.name} <${ME.email}>`,
    COLLEAGUE,
    '2026-04-15T10:00:00+00:00',
  );
  shop.git('checkout', '--quiet', '-b', 'dependabot/npm/hbs');
  shop.commit({ 'package.json': '{"hbs":"4.2.1"}\n' }, 'Bump hbs from 4.2.0 to 4.2.1', BOT, '2026-04-18T10:00:00+00:00');
  shop.git('checkout', '--quiet', 'main');
  shop.merge(
    'dependabot/npm/hbs',
    'Merge pull request #4 from dependabot/npm/hbs\n\nBump hbs from 4.2.0 to 4.2.1',
    ME,
    '2026-04-20T10:00:00+00:00',
  );
  shop.commit({ '.github/CODEOWNERS': '# owners\n/billing/ @dana\n' }, 'Add code owners (#5)', COLLEAGUE, '2026-04-22T10:00:00+00:00');
  execFileSync('git', ['tag', '-a', 'v1.0.0', '-m', 'First release'], {
    cwd: shop.root,
    env: { ...process.env, GIT_COMMITTER_NAME: ME.name, GIT_COMMITTER_EMAIL: ME.email, GIT_COMMITTER_DATE: '2026-04-25T10:00:00+00:00' },
  });
  shop.git('tag', 'lightweight');
  shop.commit(
    { 'docs/decisions/0001-use-postgres.md': '---\nstatus: accepted\ndate: 2026-05-01\n---\n# Use Postgres\n' },
    'Record the database decision',
    ME,
    '2026-05-01T10:00:00+00:00',
  );

  const infra = new TestRepo(path.join(base, 'infra'));
  infra.commit({ 'main.tf': 'a\n' }, 'Tune autoscaling', LAPTOP, '2026-05-05T10:00:00+00:00');

  const journal = path.join(base, 'journal');
  writeFiles(journal, {
    'brag/2026/2026-04-30-led-billing.md':
      '---\ncareer-kind: brag\ndate: 2026-04-30\nrole: lead\n---\n# Led billing v2\n\n## Impact\n\nInvoices 40% faster.\n',
    'stories/billing.md':
      '---\ncareer-kind: star\ndate: 2026-05-02\n---\n# Billing\n\n## Situation\n\nSlow invoices.\n\n## Task\n\nFix them.\n\n## Action\n\nI rewrote the billing run.\n\n## Result\n\nFrom 30 s to 2 s.\n',
    'stories/draft.md': '---\ncareer-kind: star\ndate: 2026-05-03\n---\n# Draft\n\n## Situation\n\n{Context, scale and constraints.}\n',
  });
  return { shop, infra, journal };
}

function report(args: string[], home: string): Benchmark {
  const r = cli(['report', 'benchmark', ...args, '--range', '2026-Q2', '--json'], home, { HOME: home, GIT_CONFIG_NOSYSTEM: '1' });
  assert.strictEqual(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as Benchmark;
}

describe('report benchmark on real repositories', function () {
  this.timeout(60_000);
  let base: string;
  let repos: ReturnType<typeof evidence>;
  before(() => {
    base = tempDir('report');
    repos = evidence(base);
    fs.mkdirSync(path.join(base, 'home'));
  });
  after(() => removeDir(base));

  it('counts each form with receipts across two repositories and the journal, and reports a missing one', () => {
    const b = report([repos.shop.root, repos.infra.root, path.join(base, 'gone'), '--journal', repos.journal], path.join(base, 'home'));
    assert.deepStrictEqual(
      b.forms.reviewLatency.items.map((r) => r.title),
      ['Fix rounding', 'Billing v2', 'Record the database decision'],
      'the slowest first; a direct commit has no review',
    );
    assert.deepStrictEqual([b.forms.reviewLatency.medianHours, b.forms.reviewLatency.p90Hours], [60, 72]);
    assert.deepStrictEqual(
      b.forms.ownership.items.map((r) => [r.kind, r.title]),
      [
        ['brag', 'Led billing v2'],
        ['tag', 'Tagged v1.0.0'],
        ['followup', 'Stayed with “Billing v2”: Fix rounding'],
      ],
      'CODEOWNERS names @dana: it counts once the handle is known (next test)',
    );
    assert.deepStrictEqual(
      b.forms.designArtifacts.items.map((r) => r.path),
      ['docs/decisions/0001-use-postgres.md'],
    );
    assert.deepStrictEqual([b.forms.interviewStories.ready, b.forms.interviewStories.incomplete], [1, 1]);
    assert.deepStrictEqual([b.glue.mergesForOthers, b.glue.reviewTrailers], [1, 1]);
    assert.deepStrictEqual(b.otherIdentities, [{ ...LAPTOP, commits: 1 }]);
    assert.deepStrictEqual(
      b.problems.map((p) => p.path),
      [path.join(base, 'gone')],
    );
    for (const form of Object.values(b.forms)) assert.strictEqual(form.count, form.items.length);
    // Every receipt resolves: its commit exists in its repository, its file in its folder.
    for (const r of [...Object.values(b.forms).flatMap((f) => f.items), ...b.glue.items]) {
      if (r.sha) execFileSync('git', ['cat-file', '-e', `${r.sha}^{commit}`], { cwd: r.repo });
      if (r.path) assert.ok(fs.existsSync(path.join(r.repo, r.path)), `${r.repo}/${r.path}`);
    }
  });

  it('counts another address once it is given, and reads handles and targets from the journal', () => {
    fs.writeFileSync(
      path.join(repos.journal, 'career-evidence.yml'),
      `identities: [${LAPTOP.email}]\nbenchmark:\n  targets: { ownership: 9 }\n`,
    );
    try {
      const b = report([repos.shop.root, repos.infra.root, '--journal', repos.journal, '--handle', 'dana'], path.join(base, 'home'));
      assert.strictEqual(b.forms.reviewLatency.count, 4);
      assert.ok(b.forms.ownership.items.some((r) => r.kind === 'codeowners' && r.path === '.github/CODEOWNERS'));
      assert.deepStrictEqual(b.otherIdentities, []);
      assert.strictEqual(b.targets.ownership, 9);
      assert.ok(b.gaps.some((g) => g.form === 'ownership'));
    } finally {
      fs.rmSync(path.join(repos.journal, 'career-evidence.yml'));
    }
  });

  it('writes Markdown to a new --out file, and never replaces one', () => {
    const out = path.join(base, 'bench.md');
    const args = ['report', 'benchmark', repos.shop.root, '--range', '2026-Q2', '--journal', repos.journal, '--format', 'md', '--out', out];
    const env = { HOME: path.join(base, 'home'), GIT_CONFIG_NOSYSTEM: '1' };
    assert.strictEqual(cli(args, base, env).code, 0);
    assert.match(fs.readFileSync(out, 'utf8'), /^# Quarterly evidence benchmark — 2026-Q2/);
    fs.writeFileSync(out, 'my edits\n');
    const again = cli(args, base, env);
    assert.strictEqual(again.code, 1);
    assert.match(again.stderr, /exists/);
    assert.strictEqual(fs.readFileSync(out, 'utf8'), 'my edits\n');
  });

  it('--format html: the dashboard as one page, its inlined script and style allowed by their hashes, nothing else', () => {
    const env = { HOME: path.join(base, 'home'), GIT_CONFIG_NOSYSTEM: '1' };
    const r = cli(
      ['report', 'benchmark', repos.shop.root, '--range', '2026-Q2', '--journal', repos.journal, '--format', 'html'],
      base,
      env,
    );
    assert.strictEqual(r.code, 0, r.stderr);
    const html = r.stdout;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    const script = /<script>([\s\S]*?)<\/script>\n<\/body>/.exec(html)![1]!;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    assert.strictEqual(csp, `default-src 'none'; script-src ${hash(script)}; style-src ${hash(style)}; img-src data:`);
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval|<script src|<link|(src|href)="https?:/);
    assert.strictEqual(script, fs.readFileSync(path.join(PROJECT_ROOT, 'dist', 'dashboard.js'), 'utf8').replace(/<\/(script)/gi, '<\\/$1'));
    const data = JSON.parse(/<script type="application\/json" id="dashboard-data">([\s\S]*?)<\/script>/.exec(html)![1]!) as Dashboard;
    assert.strictEqual(data.period.label, '2026-Q2');
    assert.deepStrictEqual(
      data.cards.map((c) => [c.form, c.value]),
      [
        ['ownership', report([repos.shop.root, '--journal', repos.journal], path.join(base, 'home')).forms.ownership.count],
        ['designArtifacts', 1],
        ['reviewLatency', data.cards[2]!.value],
        ['complexityExposure', data.cards[3]!.value],
        ['interviewStories', 1],
      ],
    );
    assert.ok(!html.includes(repos.shop.root), 'no absolute path in the page');
  });

  it('with no identity at all, says how to set one (exit 1)', () => {
    const plain = path.join(base, 'plain');
    fs.mkdirSync(plain);
    execFileSync('git', ['init', '--quiet'], { cwd: plain });
    const r = cli(['report', 'benchmark', plain, '--journal', path.join(base, 'no-journal')], base, {
      HOME: path.join(base, 'home'),
      GIT_CONFIG_NOSYSTEM: '1',
    });
    assert.strictEqual(r.code, 1, r.stderr);
    assert.match(r.stderr, /^career-evidence: no identity to report on: .*--author EMAIL\n$/);
  });

  it('keeps mining results outside the repository: a later report reads only the new history', async () => {
    const cacheDir = path.join(base, 'cache');
    const cache = new MiningCache(cacheDir, 'test');
    const repo = await openRepository(repos.infra.root);
    const opts = { filter: { authors: 'all' as const, othersWork: true, since: '2026-01-01' } };
    const first = await cache.history(repo, opts);
    assert.deepStrictEqual([first.fromCache, first.incremental], [false, false]);
    assert.strictEqual(fs.readdirSync(cacheDir).length, 1);
    const again = await cache.history(repo, opts);
    assert.strictEqual(again.fromCache, true, 'refs as they were: nothing read again');
    assert.deepStrictEqual(again.suggestions, first.suggestions);
    repos.infra.commit({ 'main.tf': 'b\n' }, 'Scale the workers', ME, '2026-05-06T10:00:00+00:00');
    const after = await cache.history(repo, opts);
    assert.deepStrictEqual([after.fromCache, after.incremental], [false, true], 'only the new history is mined');
    assert.deepStrictEqual(
      after.suggestions.map((s) => s.title),
      ['Scale the workers', 'Tune autoscaling'],
    );
    repos.infra.git('tag', '-a', 'v2', '-m', 'Second');
    assert.deepStrictEqual(
      (await cache.history(repo, opts)).tags.map((t) => t.name),
      ['v2'],
      'a new tag moves the refs',
    );
    assert.ok(!fs.readdirSync(repos.infra.root).includes('.cache'), 'nothing written into the repository');
  });

  it('report stories: ready ones first, each incomplete one with what it lacks', () => {
    const r = cli(['report', 'stories', repos.shop.root, '--range', '2026-Q2', '--journal', repos.journal], base, {
      HOME: path.join(base, 'home'),
      GIT_CONFIG_NOSYSTEM: '1',
    });
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout, /## Ready\n\n- \*\*Billing\*\* — 2026-05-02/);
    assert.match(r.stdout, /## Incomplete\n\n- \*\*Draft\*\* — lacks situation, task, action, result/);
  });

  it('bad input: malformed journal entries are listed as problems, 10,000 entries are read, CODEOWNERS garbage is ignored', () => {
    const journal = path.join(base, 'big-journal');
    const files: Record<string, string> = {
      'brag/2026/broken.md': '---\ncareer-kind: brag\ndate: [unclosed\n---\n# Broken\n',
      'career-evidence.yml': 'identities: not-a-list\n',
    };
    for (let i = 0; i < 10_000; i++)
      files[`brag/2026/2026-04-${String(1 + (i % 28)).padStart(2, '0')}-entry-${i}.md`] =
        `---\ncareer-kind: brag\ndate: 2026-04-${String(1 + (i % 28)).padStart(2, '0')}\nrole: ${i % 100 === 0 ? 'owner' : 'contributor'}\n---\n# Entry ${i}\n`;
    writeFiles(journal, files);
    repos.shop.commit(
      { '.github/CODEOWNERS': '# owners\n/billing/ @dana\n\u0000\u0007 garbage @\n*** ***\n' },
      'Garbage in code owners (#9)',
      COLLEAGUE,
      '2026-05-10T10:00:00+00:00',
    );
    const b = report([repos.shop.root, '--journal', journal, '--handle', 'dana'], path.join(base, 'home'));
    assert.ok(
      b.problems.some((p) => p.path.endsWith('broken.md')),
      JSON.stringify(b.problems),
    );
    assert.ok(
      b.problems.some((p) => p.path.endsWith('career-evidence.yml') && /identities/.test(p.message)),
      JSON.stringify(b.problems),
    );
    assert.strictEqual(b.forms.ownership.items.filter((r) => r.kind === 'brag').length, 100, 'the 100 entries marked owner');
    assert.strictEqual(b.forms.ownership.items.filter((r) => r.kind === 'codeowners').length, 1, 'only the line that names @dana');
  });
});
