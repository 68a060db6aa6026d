#!/usr/bin/env node
// `npm run bench` (reports): the quarterly benchmark, end to end and its pure builder. A script, not a timed test.
//   - express (../shared/corpus): a cold report (no mining cache) against the raw `git log` that reads the
//     same first-parent history, as a ratio; then the warm report (mining cache, nothing new)
//   - 30 repositories with distinct histories (generated with git fast-import, a seed each, cached under
//     .vscode-test/bench/reports): cold, then warm after one new commit in one of them (target ≤ 1 s)
//   - the report builder alone on 10,000 evidence items (target ≤ 50 ms)
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync, spawn } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const CACHE = path.join(ROOT, '.vscode-test', 'bench', 'reports');
const RUNS = Number(process.env.BENCH_RUNS || 5);
const REPOS = 30;
const COMMITS = 2000;
const out = (name) => require(path.join(ROOT, 'out', 'src', ...name.split('/')));
const { gatherEvidence } = out('node/report/gather.js');
const { MiningCache } = out('node/report/miningCache.js');
const { buildBenchmark } = out('core/report/benchmark.js');
const { readDocument } = out('core/documents/readDocument.js');
const { periodOf, quarterDays, quartersBefore } = out('core/evidence/quarters.js');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (n) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const git = (cwd, args) => execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
const time = async (f) => {
  const t = process.hrtime.bigint();
  const r = await f();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, r };
};

/** One repository of `COMMITS` commits, one in three a merged pull request, by ten people; `seed` makes it distinct. */
function generated(seed) {
  const dir = path.join(CACHE, `repo-${String(seed).padStart(2, '0')}`);
  if (fs.existsSync(path.join(dir, '.git', 'bench-ready'))) return Promise.resolve(dir);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  git(dir, ['init', '--quiet', '--initial-branch=main']);
  const child = spawn('git', ['fast-import', '--quiet'], { cwd: dir, stdio: ['pipe', 'inherit', 'inherit'] });
  let mark = 0;
  let t = Date.parse('2025-10-01T00:00:00Z') / 1000 + seed * 17;
  const step = Math.floor((Date.parse('2026-11-25T00:00:00Z') / 1000 - t) / COMMITS);
  const chunks = [];
  const commit = (ref, from, merge, msg, who, file) => {
    mark++;
    t += step;
    const data = `${msg}\n`;
    chunks.push(
      `commit ${ref}\nmark :${mark}\nauthor Dev ${who} <dev${who}@example.com> ${t} +0000\ncommitter Dev ${who} <dev${who}@example.com> ${t} +0000\ndata ${Buffer.byteLength(data)}\n${data}`,
      from ? `from :${from}\n` : '',
      merge ? `merge :${merge}\n` : '',
      `M 100644 inline ${file}\ndata 16\nseed ${String(seed).padStart(2, '0')} ${String(mark).padStart(6, '0')}\n\n`,
    );
    return mark;
  };
  let main = commit('refs/heads/main', 0, 0, `Start repository ${seed}`, 0, 'README.md');
  for (let i = 1; mark < COMMITS; i++) {
    if (i % 3 === 0) {
      const side = commit('refs/heads/side', main, 0, `Work ${seed}-${i}`, i % 10, `src/s${seed}/f${i % 200}.js`);
      main = commit(
        'refs/heads/main',
        main,
        side,
        `Merge pull request #${i} from dev/f-${i}\n\nFeature ${seed}-${i}: faster queries`,
        (i + 1) % 10,
        `src/s${seed}/m${i % 50}.js`,
      );
    } else main = commit('refs/heads/main', main, 0, `fix: handle retry ${seed}-${i} (#${i})`, i % 10, `src/s${seed}/r${i % 300}.js`);
  }
  child.stdin.end(chunks.join(''));
  return new Promise((resolve, reject) =>
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`fast-import exited ${code}`));
      git(dir, ['checkout', '--quiet', '-f', 'main']);
      git(dir, ['config', 'user.email', 'dev3@example.com']);
      fs.writeFileSync(path.join(dir, '.git', 'bench-ready'), '');
      resolve(dir);
    }),
  );
}

async function report(folders, period, cacheDir) {
  const since = quartersBefore(period.from, 4)[0].from;
  const gathered = await gatherEvidence({
    folders,
    roots: [],
    journalDir: path.join(os.tmpdir(), 'ce-bench-no-journal'),
    since,
    identities: [],
    handles: [],
    miningCache: cacheDir ? new MiningCache(cacheDir, 'bench') : undefined,
  });
  return buildBenchmark(gathered.set, { person: gathered.person, period });
}

async function main() {
  fs.mkdirSync(CACHE, { recursive: true });
  const express = path.join(ROOT, '.vscode-test', 'bench', 'express');
  if (!fs.existsSync(path.join(express, '.git')))
    execFileSync('git', [
      'clone',
      '--quiet',
      '--branch',
      'main',
      path.join(ROOT, '..', 'shared', 'corpus', 'express-history.bundle'),
      express,
    ]);
  git(express, ['config', 'user.email', 'doug@somethingdoug.com']);

  // express, 2014-Q2 for its most active contributor
  const q2 = periodOf(quarterDays(2014, 2));
  const since = quartersBefore(q2.from, 4)[0].from;
  const raw = [];
  const cold = [];
  const warm = [];
  for (let i = 0; i < RUNS; i++) {
    raw.push(
      (
        await time(() =>
          git(express, ['log', '--first-parent', '--numstat', '-z', `--since=${since}`, '--format=%H%x00%P%x00%aE%x00%cI%x00%B', 'HEAD']),
        )
      ).ms,
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ce-bench-cache-'));
    cold.push((await time(() => report([express], q2, dir))).ms);
    warm.push((await time(() => report([express], q2, dir))).ms);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `reports, express 2014-Q2: raw git log ${ms(median(raw))}, cold report ${ms(median(cold))} (${(median(cold) / median(raw)).toFixed(2)}× raw), warm report ${ms(median(warm))}`,
  );

  // 30 repositories
  const repos = [];
  for (let s = 0; s < REPOS; s++) repos.push(await generated(s));
  const now = periodOf(quarterDays(2026, 4));
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ce-bench-30-'));
  const first = await time(() => report(repos, now, cacheDir));
  const noChange = [];
  for (let i = 0; i < RUNS; i++) noChange.push((await time(() => report(repos, now, cacheDir))).ms);
  const one = repos[7];
  fs.writeFileSync(path.join(one, 'bench-new.txt'), `${Date.now()}\n`);
  git(one, ['add', 'bench-new.txt']);
  execFileSync('git', ['commit', '--quiet', '-m', 'One new change'], {
    cwd: one,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Dev 3',
      GIT_AUTHOR_EMAIL: 'dev3@example.com',
      GIT_COMMITTER_NAME: 'Dev 3',
      GIT_COMMITTER_EMAIL: 'dev3@example.com',
    },
  });
  const afterOne = await time(() => report(repos, now, cacheDir));
  git(one, ['reset', '--quiet', '--hard', 'HEAD~1']); // the cached history is rewritten: the next bench run re-mines from the fork point
  fs.rmSync(cacheDir, { recursive: true, force: true });
  console.log(
    `reports, ${REPOS} repositories × ${COMMITS} commits: first ${ms(first.ms)}, warm after one new commit in one ${ms(afterOne.ms)} (target ≤ 1000 ms), warm with nothing new ${ms(median(noChange))}; ${afterOne.r.forms.reviewLatency.count} merged changes of dev3 this quarter`,
  );

  // the builder alone: 10,000 items
  const changes = [];
  for (let i = 0; i < 8000; i++) {
    const day = `2026-${String(10 + (i % 3)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const sha = i.toString(16).padStart(40, 'a');
    changes.push({
      sha,
      kind: 'merge',
      title: `Change ${i}`,
      description: '',
      pr: { number: i, provider: 'github', url: null },
      category: 'feature',
      author: { name: 'Dev 3', email: 'dev3@example.com' },
      coAuthors: [],
      mergedBy: null,
      reviewers: [],
      helpers: [],
      mergedAt: `${day}T12:00:00Z`,
      authoredAt: `${day}T02:00:00Z`,
      reviewLatencyHours: 10 + (i % 90),
      latencyEstimated: false,
      tags: i % 3 ? ['data'] : [],
      files: 1,
      insertions: 1,
      deletions: 0,
      paths: [`src/f${i % 60}.ts`],
      commits: [sha],
      changeId: null,
    });
  }
  const documents = Array.from({ length: 2000 }, (_, i) => {
    const r = readDocument({
      path: `docs/decisions/${i}-x.md`,
      text: `---\ndate: 2026-11-01\ndecision-makers: [Dev 3]\n---\n# X${i}\n`,
      kind: 'decision',
      convention: 'generic',
    });
    return { item: r.item, details: r.details };
  });
  const set = {
    repositories: [{ root: '/r', changes: changes.reverse(), documents, tags: [], codeowners: [] }],
    journal: null,
    problems: [],
  };
  const person = { emails: ['dev3@example.com'], names: ['Dev 3'], handles: [] };
  for (let i = 0; i < 3; i++) buildBenchmark(set, { person, period: now }); // warm-ups: the figure is the steady state
  const builds = [];
  for (let i = 0; i < Math.max(RUNS, 9); i++) builds.push((await time(() => buildBenchmark(set, { person, period: now }))).ms);
  console.log(`reports, builder on 10,000 evidence items: ${ms(median(builds))} (target ≤ 50 ms)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
