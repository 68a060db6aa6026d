import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as path from 'path';
import { apiTarget } from '../../src/core/pullRequests/model';
import { PullRequestCache } from '../../src/node/pullRequests/cache';
import { enrichWithPullRequests, fetchReviewsGiven, pullRequestSource, reviewPeriods } from '../../src/node/pullRequests/enrich';
import { GithubSource } from '../../src/node/pullRequests/githubSource';
import { suggestion } from '../support/suggestion';
import { COLLEAGUE, ME, TestRepo, removeDir, tempDir } from '../support/gitRepo';
import { CLI } from '../support/paths';

// Issue 15, online and only when asked: GitHub's GraphQL API against a fake server on 127.0.0.1 —
// batches, the cache, rate limits, refusals, malformed and hostile answers, an Enterprise base
// URL, the CLI's --fetch-prs with a fake `gh` — and the proof that by default nothing connects.

interface Seen {
  path: string;
  authorization: string | undefined;
  numbers: number[];
}

/** A fake GraphQL endpoint: `answer(numbers, i)` gives the i-th request's status, headers and body. */
async function fakeGithub(answer: (numbers: number[], i: number) => { status?: number; headers?: Record<string, string>; body: string }) {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      const query = (JSON.parse(text) as { query: string }).query;
      const numbers = [...query.matchAll(/pullRequest\(number: (\d+)\)/g)].map((m) => Number(m[1]));
      seen.push({ path: req.url ?? '', authorization: req.headers.authorization, numbers });
      const a = answer(numbers, seen.length - 1);
      res.writeHead(a.status ?? 200, { 'content-type': 'application/json', ...a.headers });
      res.end(a.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { seen, url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

/** A well-formed answer for `numbers`: opened, ready, reviewed by sam (then approved), merged. */
function answerFor(numbers: number[], extra: Record<string, unknown> = {}): string {
  const repository = Object.fromEntries(
    numbers.map((n) => [
      `pr${n}`,
      {
        number: n,
        body: `Why ${n}: the export was slow.\n\n<!-- template -->\n- [ ] docs`,
        createdAt: '2026-03-01T10:00:00Z',
        mergedAt: '2026-03-05T15:30:00Z',
        author: { login: 'dana' },
        timelineItems: { nodes: [{ createdAt: '2026-03-02T10:00:00Z' }] },
        reviews: {
          nodes: [
            { author: { login: 'dana' }, submittedAt: '2026-03-02T11:00:00Z', state: 'COMMENTED' },
            { author: { login: 'sam' }, submittedAt: '2026-03-03T10:00:00Z', state: 'CHANGES_REQUESTED' },
            { author: { login: 'sam' }, submittedAt: '2026-03-04T10:00:00Z', state: 'APPROVED' },
          ],
        },
        ...extra,
      },
    ]),
  );
  return JSON.stringify({ data: { repository } });
}

const target = (url: string) => ({ provider: 'github' as const, api: `${url}/api/v3`, owner: 'acme', name: 'shop', webHost: 'github.com' });
const many = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    suggestion({ sha: String(i).padStart(40, '0'), pr: { number: i + 1, provider: 'github', url: null } }),
  );

describe('pull requests from GitHub, only when asked (fake API on 127.0.0.1)', function () {
  this.timeout(30_000);
  const scratch = tempDir('prs');
  after(() => removeDir(scratch));

  it('fetches 150 pull requests in two batched requests, then nothing: the cache answers', async () => {
    const api = await fakeGithub((numbers) => ({ body: answerFor(numbers) }));
    try {
      const cache = new PullRequestCache(path.join(scratch, 'cache-batches'));
      const source = new GithubSource(target(api.url), 'secret-token');
      const first = await enrichWithPullRequests(many(150), source, 'github', cache);
      assert.deepStrictEqual(first.report, { fromCache: 0, fetched: 150, requests: 2, stopped: null });
      assert.deepStrictEqual(
        api.seen.map((s) => [s.path, s.authorization, s.numbers.length]),
        [
          ['/api/graphql', 'bearer secret-token', 100],
          ['/api/graphql', 'bearer secret-token', 50],
        ],
        'Enterprise: /api/graphql beside /api/v3; the token sent to this host only',
      );
      const s = first.suggestions[11];
      assert.deepStrictEqual(
        [
          s.description,
          s.descriptionSource,
          s.readyAt,
          s.firstReviewAt,
          s.approvedAt,
          s.waitingForFirstReviewHours,
          s.reviewToMergeHours,
          s.latencyEstimated,
          s.reviewerLogins,
          s.reviewLatencyHours,
        ],
        [
          'Why 12: the export was slow.',
          'pull-request',
          '2026-03-02T10:00:00.000Z',
          '2026-03-03T10:00:00.000Z',
          '2026-03-04T10:00:00.000Z',
          24,
          53.5,
          false,
          ['sam'],
          98.5,
        ],
        "the author's own comment is no review; waiting from ready for review; first commit → merge kept",
      );
      const second = await enrichWithPullRequests(many(150), source, 'github', cache);
      assert.deepStrictEqual(second.report, { fromCache: 150, fetched: 0, requests: 0, stopped: null });
      assert.strictEqual(api.seen.length, 2, 'a second run sends nothing');
      assert.ok(
        !fs
          .readFileSync(fs.readdirSync(path.join(scratch, 'cache-batches')).map((f) => path.join(scratch, 'cache-batches', f))[0], 'utf8')
          .includes('secret-token'),
        'the token is not written down',
      );
    } finally {
      await api.close();
    }
  });

  it('stops when the rate limit is used up with batches left, keeping the batch it read (the rest on a later run)', async () => {
    const api = await fakeGithub((numbers) => ({ headers: { 'x-ratelimit-remaining': '0' }, body: answerFor(numbers) }));
    try {
      const cache = new PullRequestCache(path.join(scratch, 'cache-used-up'));
      const r = await enrichWithPullRequests(many(150), new GithubSource(target(api.url), 't'), 'github', cache);
      assert.deepStrictEqual(r.report, {
        fromCache: 0,
        fetched: 100,
        requests: 1,
        stopped: `${new URL(api.url).host}'s rate limit is used up: the rest is fetched on a later run`,
      });
      assert.strictEqual(api.seen.length, 1);
    } finally {
      await api.close();
    }
  });

  it('stops at a rate limit (Retry-After) and keeps what it fetched; says why on 401, a server error and a malformed answer', async () => {
    const cases: [{ status?: number; headers?: Record<string, string>; body: string }, RegExp][] = [
      [
        { status: 403, headers: { 'retry-after': '60' }, body: '{"message":"secondary rate limit"}' },
        /rate limit was reached \(try again in 60 s\)/,
      ],
      [{ status: 401, body: '{"message":"Bad credentials"}' }, /refused the token \(401\)/],
      [{ status: 502, body: 'bad gateway' }, /answered 502/],
      [{ body: '{"data": {"repository": ' }, /malformed answer/],
    ];
    for (const [second, why] of cases) {
      const api = await fakeGithub((numbers, i) => (i === 0 ? { body: answerFor(numbers) } : second));
      try {
        const r = await enrichWithPullRequests(
          many(150),
          new GithubSource(target(api.url), 't0ken-abc'),
          'github',
          new PullRequestCache(path.join(scratch, `cache-${second.status ?? 'bad'}`)),
        );
        assert.match(r.report.stopped ?? '', why);
        assert.strictEqual(r.report.fetched, 100, 'the first batch is kept');
        assert.strictEqual(r.suggestions[120].descriptionSource, 'message', 'the rest as mined');
        assert.strictEqual(r.suggestions[120].openedAt, undefined);
      } finally {
        await api.close();
      }
    }
    // Not reachable at all: said, not thrown.
    const r = await new GithubSource(target('http://127.0.0.1:1'), 'x').fetch([1]);
    assert.match(r.stopped ?? '', /could not reach 127\.0\.0\.1:1/);
  });

  it('reads a hostile answer as text only: control characters removed, a bad login or date dropped, another number ignored', async () => {
    const api = await fakeGithub(() => ({
      body: JSON.stringify({
        data: {
          repository: {
            pr1: {
              number: 1,
              body: 'Fine \u001b[31mred\u001b[0m <img src=x onerror=alert(1)>',
              createdAt: 'yesterday',
              mergedAt: '2026-03-05T15:30:00Z',
              author: { login: 'dana' },
              timelineItems: { nodes: [] },
              reviews: { nodes: [{ author: { login: '../../etc/passwd' }, submittedAt: '2026-03-03T10:00:00Z', state: 'APPROVED' }] },
            },
            pr2: { number: 99, body: 'not the one asked for' },
          },
        },
      }),
    }));
    try {
      const out = await new GithubSource(target(api.url), 'x').fetch([1, 2]);
      assert.deepStrictEqual(out.facts, [
        {
          number: 1,
          body: 'Fine [31mred[0m <img src=x onerror=alert(1)>',
          openedAt: null,
          readyAt: null,
          firstReviewAt: null,
          approvedAt: null,
          mergedAt: '2026-03-05T15:30:00.000Z',
          reviewers: [],
        },
      ]);
    } finally {
      await api.close();
    }
  });

  it('fetches GitLab merge requests by iid, 100 a request, with the token to that host only', async () => {
    const seen: { url: string; authorization: string | undefined }[] = [];
    const server = http.createServer((req, res) => {
      seen.push({ url: req.url ?? '', authorization: req.headers.authorization });
      if ((req.url ?? '').includes('/notes?')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(
          JSON.stringify([
            { author: { username: 'dana' }, created_at: '2026-03-01T11:00:00Z', system: false, body: 'my own note' },
            { author: { username: 'bot' }, created_at: '2026-03-01T11:30:00Z', system: true, body: 'added 1 commit' },
            { author: { username: 'sam' }, created_at: '2026-03-01T12:00:00Z', system: false, body: 'Looks good, one question' },
            { author: { username: 'lee' }, created_at: '2026-03-01T15:00:00Z', system: true, body: 'approved this merge request' },
          ]),
        );
      }
      const iids = [...(req.url ?? '').matchAll(/iids\[\]=(\d+)/g)].map((m) => Number(m[1]));
      const body =
        seen.filter((x) => !x.url.includes('/notes?')).length === 3
          ? 'not json'
          : JSON.stringify([
              ...iids.map((iid) => ({
                iid,
                description: `MR ${iid}\u0007 explained`,
                created_at: '2026-03-01T10:00:00.000+01:00',
                merged_at: '2026-03-02T10:00:00.000Z',
                author: { username: 'dana' },
                reviewers: [{ username: 'sam' }, { username: 'dana' }, { username: '../x' }],
              })),
              { iid: 9999, description: 'not asked for' },
            ]);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const gitlab = {
        provider: 'gitlab' as const,
        api: `http://127.0.0.1:${port}/api/v4`,
        owner: 'group/sub',
        name: 'proj',
        webHost: 'gitlab.com',
      };
      const list = many(150).map((s) => ({ ...s, pr: s.pr && { ...s.pr, provider: 'gitlab' as const } }));
      const r = await enrichWithPullRequests(
        list,
        pullRequestSource(gitlab, 'glpat-secret'),
        'gitlab',
        new PullRequestCache(path.join(scratch, 'cache-gitlab')),
      );
      assert.deepStrictEqual(
        r.report,
        { fromCache: 0, fetched: 150, requests: 152, stopped: null },
        "two lists of 100 and 50, and each one's notes",
      );
      assert.match(seen[0].url, /^\/api\/v4\/projects\/group%2Fsub%2Fproj\/merge_requests\?iids\[\]=1&iids\[\]=2&.*&per_page=100$/);
      assert.strictEqual(seen[0].authorization, 'Bearer glpat-secret');
      const s = r.suggestions[0];
      assert.deepStrictEqual(
        [s.description, s.descriptionSource, s.openedAt, s.firstReviewAt, s.approvedAt, s.reviewerLogins],
        [
          'MR 1 explained',
          'pull-request',
          '2026-03-01T09:00:00.000Z',
          '2026-03-01T12:00:00.000Z',
          '2026-03-01T15:00:00.000Z',
          ['sam', 'lee'],
        ],
        "the author's own notes and system notes other than an approval are no review",
      );
      const broken = await pullRequestSource(gitlab, 'x').fetch([1]);
      assert.match(broken.stopped ?? '', /malformed answer/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('searches the reviews given to others, following pages, once per quarter that has ended (GitHub and GitLab)', async () => {
    const bodies: { q: string; after: string | null }[] = [];
    const github = http.createServer((req, res) => {
      let text = '';
      req.on('data', (c) => (text += c));
      req.on('end', () => {
        const { variables } = JSON.parse(text) as { variables: { q: string; after: string | null } };
        bodies.push(variables);
        const page = variables.after === 'cursor-1' ? 2 : 1;
        const node = (n: number) => ({
          number: n,
          title: `Their change ${n}`,
          mergedAt: '2026-02-10T10:00:00Z',
          url: `https://github.com/acme/shop/pull/${n}`,
          author: { login: 'sam' },
        });
        const nodes = variables.q.includes('merged:2026-01-01..2026-03-31')
          ? page === 1
            ? [node(7), node(8)]
            : [node(9), { number: 10, title: 'no date' }]
          : [];
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ data: { search: { pageInfo: { hasNextPage: page === 1 && nodes.length > 0, endCursor: 'cursor-1' }, nodes } } }),
        );
      });
    });
    await new Promise<void>((resolve) => github.listen(0, '127.0.0.1', resolve));
    try {
      const port = (github.address() as AddressInfo).port;
      const source = new GithubSource(target(`http://127.0.0.1:${port}`), 't');
      const cache = new PullRequestCache(path.join(scratch, 'cache-reviews'));
      const periods = reviewPeriods('2026-05-20');
      assert.deepStrictEqual(
        periods.map((p) => p.label),
        ['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2'],
      );
      const first = await fetchReviewsGiven(source, cache, periods, '2026-05-20');
      assert.deepStrictEqual(
        [first.reviews.map((r) => r.number), first.requests, first.stopped],
        [[7, 8, 9], 6, null],
        'one search a quarter, its second page followed; a result without a date dropped',
      );
      assert.match(bodies[3].q, /^repo:acme\/shop is:pr is:merged reviewed-by:@me -author:@me merged:2026-01-01\.\.2026-03-31$/);
      assert.strictEqual(bodies[5].q.endsWith('merged:2026-04-01..2026-05-20'), true, 'the running quarter up to today');
      const again = await fetchReviewsGiven(source, cache, periods, '2026-05-20');
      assert.strictEqual(again.requests, 0, 'all cached: ended quarters for good, the running one for today');
      const tomorrow = await fetchReviewsGiven(source, cache, periods, '2026-05-21');
      assert.strictEqual(tomorrow.requests, 1, 'the next day, only the running quarter again');
      assert.strictEqual(first.reviews[0].url, 'https://github.com/acme/shop/pull/7');
    } finally {
      await new Promise((resolve) => github.close(resolve));
    }
    const pages: string[] = [];
    const gitlab = http.createServer((req, res) => {
      const url = req.url ?? '';
      pages.push(url);
      res.setHeader('content-type', 'application/json');
      if (url.endsWith('/user')) return res.end(JSON.stringify({ username: 'dana' }));
      const page = Number(/[?&]page=(\d+)/.exec(url)?.[1]);
      if (page === 1) res.setHeader('x-next-page', '2');
      const mr = (iid: number, author: string, merged: string) => ({
        iid,
        title: `MR ${iid}`,
        merged_at: merged,
        author: { username: author },
        web_url: `https://evil.example/${iid}`,
      });
      res.end(
        JSON.stringify(
          page === 1
            ? [mr(1, 'sam', '2026-02-01T10:00:00Z'), mr(2, 'dana', '2026-02-02T10:00:00Z')]
            : [mr(3, 'lee', '2025-01-01T10:00:00Z'), mr(4, 'lee', '2026-03-01T10:00:00Z')],
        ),
      );
    });
    await new Promise<void>((resolve) => gitlab.listen(0, '127.0.0.1', resolve));
    try {
      const port = (gitlab.address() as AddressInfo).port;
      const source = pullRequestSource(
        { provider: 'gitlab', api: `http://127.0.0.1:${port}/api/v4`, owner: 'acme', name: 'shop', webHost: 'gitlab.com' },
        'glpat',
      );
      const r = await source.reviewsGiven('2026-01-01', '2026-03-31');
      assert.deepStrictEqual(
        r.reviews.map((x) => [x.number, x.url]),
        [
          [1, null],
          [4, null],
        ],
        "others' merge requests of the period; a link to another host dropped",
      );
      assert.strictEqual(r.requests, 3);
      assert.match(
        pages[1],
        /\/projects\/acme%2Fshop\/merge_requests\?state=merged&reviewer_username=dana&updated_after=2026-01-01T00:00:00Z&per_page=100&page=1$/,
      );
    } finally {
      await new Promise((resolve) => gitlab.close(resolve));
    }
  });

  it('asks the API of the origin: api.github.com, an Enterprise host /api/v3, GitLab /api/v4, or the override', () => {
    assert.strictEqual(apiTarget({ provider: 'github', base: 'https://github.com/acme/shop' })?.api, 'https://api.github.com');
    assert.deepStrictEqual(apiTarget({ provider: 'github', base: 'https://github.example.com/acme/shop' }), {
      provider: 'github',
      api: 'https://github.example.com/api/v3',
      owner: 'acme',
      name: 'shop',
      webHost: 'github.example.com',
    });
    assert.strictEqual(apiTarget({ provider: 'gitlab', base: 'https://gitlab.com/group/sub/proj' })?.owner, 'group/sub');
    assert.strictEqual(
      apiTarget({ provider: 'github', base: 'https://github.com/a/b' }, 'https://ghe.corp/api/v3/')?.api,
      'https://ghe.corp/api/v3',
    );
    assert.strictEqual(apiTarget({ provider: 'bitbucket', base: 'https://bitbucket.org/a/b' }), null);
  });

  describe('the CLI', () => {
    let repo: TestRepo;
    const bin = path.join(scratch, 'bin');
    const trap = path.join(scratch, 'socket-trap.js');
    const trapLog = path.join(scratch, 'sockets.log');
    before(() => {
      repo = new TestRepo(path.join(scratch, 'shop'));
      repo.commit({ 'README.md': '# Shop\n' }, 'Start', COLLEAGUE, '2026-02-01T10:00:00Z');
      repo.git('checkout', '--quiet', '-b', 'dana/csv');
      repo.commit({ 'src/csv.ts': '1\n' }, 'Export invoices as CSV', ME, '2026-03-01T10:00:00Z');
      repo.git('checkout', '--quiet', 'main');
      repo.merge('dana/csv', 'Merge pull request #12 from dana/csv\n\nAdd export to CSV', COLLEAGUE, '2026-03-05T16:30:00+01:00');
      repo.git('remote', 'add', 'origin', 'https://github.com/acme/shop.git');
      // A fake `gh` that prints a token, and a trap that records (and refuses) every socket Node opens.
      fs.mkdirSync(bin, { recursive: true });
      fs.writeFileSync(path.join(bin, 'gh'), '#!/bin/sh\n[ "$1 $2" = "auth token" ] && echo fake-gh-token-1234\n', { mode: 0o755 });
      // Every way Node opens a connection: fetch (undici keeps its own copy of net's internals),
      // http(s).request/get, net and tls connect, and a socket's connect.
      fs.writeFileSync(
        trap,
        `const fs = require('fs');
const note = (what) => fs.appendFileSync(${JSON.stringify(trapLog)}, what + '\\n');
const wrap = (obj, name, label) => { const f = obj[name]; obj[name] = function (...args) { note(label); return f.apply(this, args); }; };
const net = require('net'); const tls = require('tls'); const http = require('http'); const https = require('https');
wrap(globalThis, 'fetch', 'fetch');
for (const [m, label] of [[http, 'http'], [https, 'https']]) { wrap(m, 'request', label + '.request'); wrap(m, 'get', label + '.get'); }
wrap(net, 'connect', 'net.connect'); wrap(net, 'createConnection', 'net.createConnection'); wrap(tls, 'connect', 'tls.connect');
wrap(net.Socket.prototype, 'connect', 'socket.connect');\n`,
      );
    });
    // The repository given as DIR (the CLI starts from $PWD, which is the test's own). Not spawnSync:
    // the fake server answers from this process's event loop.
    const run = (args: string[], env: Record<string, string> = {}) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        const at = args[0] === 'report' ? 2 : 1;
        const child = spawn(process.execPath, [CLI, ...args.slice(0, at), repo.root, ...args.slice(at)], {
          cwd: repo.root,
          env: { ...process.env, GH_TOKEN: '', GITHUB_TOKEN: '', HOME: scratch, XDG_CACHE_HOME: path.join(scratch, 'xdg'), ...env },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (status) => resolve({ status, stdout, stderr }));
      });

    it("--fetch-prs uses the token of `gh auth token` and --api-url, and writes the pull request's description and times", async () => {
      const api = await fakeGithub((numbers) => ({ body: answerFor(numbers) }));
      try {
        const r = await run(['suggest', '--all-authors', '--json', '--fetch-prs', '--api-url', `${api.url}/api/v3`], {
          PATH: `${bin}${path.delimiter}${process.env.PATH}`,
        });
        assert.strictEqual(r.status, 0, r.stderr);
        assert.match(r.stderr, /1 pull request\(s\) fetched from 127\.0\.0\.1:\d+ in 1 request\(s\), 0 from the cache/);
        assert.deepStrictEqual(
          api.seen.filter((s) => s.numbers.length > 0).map((s) => [s.authorization, s.numbers]),
          [['bearer fake-gh-token-1234', [12]]],
        );
        const csv = (
          JSON.parse(r.stdout).suggestions as { title: string; description: string; descriptionSource: string; latencyEstimated: boolean }[]
        ).find((s) => s.title === 'Add export to CSV')!;
        assert.deepStrictEqual(
          [csv.description, csv.descriptionSource, csv.latencyEstimated],
          ['Why 12: the export was slow.', 'pull-request', false],
        );
        assert.ok(!r.stdout.includes('fake-gh-token') && !r.stderr.includes('fake-gh-token'), 'the token is never printed');
        // The pull request, then one search of reviews given per quarter of the reports' window.
        assert.strictEqual(api.seen.length, 6);
        assert.match(r.stderr, /0 review\(s\) you gave to others' pull requests, 5 request\(s\)/);
        // The benchmark reads what was fetched (from the cache: a report never connects).
        const report = await run([
          'report',
          'benchmark',
          '--range',
          '2026-Q1',
          '--author',
          'dana@example.com',
          '--json',
          '--api-url',
          `${api.url}/api/v3`,
        ]);
        assert.strictEqual(report.status, 0, report.stderr);
        assert.strictEqual(JSON.parse(report.stdout).forms.reviewLatency.medianHoursToFirstReview, 24);
        assert.strictEqual(api.seen.length, 6, 'the report sent nothing');
      } finally {
        await api.close();
      }
    });

    it('opens no connection at all with the default options — and the trap does catch one (positive control)', async () => {
      fs.rmSync(trapLog, { force: true });
      const preload = { NODE_OPTIONS: `--require ${trap}` };
      for (const args of [
        ['suggest', '--all-authors', '--json'],
        ['overview'],
        ['scan'],
        ['check'],
        ['report', 'benchmark', '--range', '2026-Q1', '--author', 'dana@example.com'],
      ]) {
        const r = await run(args, preload);
        assert.ok(r.status === 0 || r.status === 1, `${args.join(' ')}: ${r.stderr}`);
      }
      assert.ok(!fs.existsSync(trapLog), `a socket was opened: ${fs.existsSync(trapLog) ? fs.readFileSync(trapLog, 'utf8') : ''}`);
      const control = await run(['suggest', '--all-authors', '--fetch-prs', '--api-url', 'http://127.0.0.1:1/api/v3'], {
        ...preload,
        GH_TOKEN: 'control-token',
      });
      assert.strictEqual(control.status, 0, control.stderr);
      assert.ok(fs.existsSync(trapLog) && fs.readFileSync(trapLog, 'utf8').length > 0, 'the trap saw the --fetch-prs connection');
    });
  });
});
