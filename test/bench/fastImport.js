// Writes generated git histories through git fast-import (the benchmarks' and UI tests' large
// repositories): fast, and byte-for-byte the same history each time.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync, spawn } = require('child_process');

function git(cwd, args) {
  return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
}

/**
 * Writes a history into a new repository at `dir` (once: a marker in .git keeps it) and checks out
 * main. `build(commit)` makes the commits: `commit(ref, from, merges, msg, who, file, text?)`
 * returns the new commit's mark; `who` is a number (author `Dev N <devN@example.com>`) or a
 * `{ name, email }`; `text` is the file's new content (a line naming the commit by default).
 * Commits are a minute apart from 2020-09-13. `user.email` is dev0@example.com, `user.name` Dev 0.
 * Resolves with `dir`.
 */
function fastImportRepo(dir, label, build) {
  if (fs.existsSync(path.join(dir, '.git', 'bench-ready'))) return Promise.resolve(dir);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  git(dir, ['init', '--quiet', '--initial-branch=main']);
  git(dir, ['config', 'user.email', 'dev0@example.com']);
  git(dir, ['config', 'user.name', 'Dev 0']);
  process.stderr.write(`generating the ${label} history (once)…\n`);
  const started = Date.now();
  const child = spawn('git', ['fast-import', '--quiet'], { cwd: dir, stdio: ['pipe', 'inherit', 'inherit'] });
  let mark = 0;
  let t = 1_600_000_000;
  const out = [];
  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}`;
  const commit = (ref, from, merges, msg, who, file, text) => {
    mark++;
    t += 60;
    const person = typeof who === 'number' ? `Dev ${who} <dev${who}@example.com>` : `${who.name} <${who.email}>`;
    out.push(`commit ${ref}\nmark :${mark}\nauthor ${person} ${t} +0000\ncommitter ${person} ${t} +0000\n${data(`${msg}\n`)}`);
    if (from) out.push(`from :${from}\n`);
    for (const m of merges) out.push(`merge :${m}\n`);
    out.push(`M 100644 inline ${file}\n${data(text ?? `line ${String(mark).padStart(6, '0')}\n`)}\n`);
    if (out.length > 2000) child.stdin.write(out.splice(0).join(''));
    return mark;
  };
  build(commit);
  child.stdin.end(out.join(''));
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`fast-import exited ${code}`));
      git(dir, ['checkout', '--quiet', '-f', 'main']);
      fs.writeFileSync(path.join(dir, '.git', 'bench-ready'), '');
      process.stderr.write(
        `generated ${git(dir, ['rev-list', '--count', 'HEAD']).trim()} commits in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
      resolve(dir);
    });
  });
}

/**
 * What a new user opens in the first-minutes measurements: 25 adr-tools ADRs (doc/adr) written over
 * a history of 9,000 commits by 40 people — one in ten commits a merged pull request, every 40th of
 * them the user's (dev0@example.com) — plus 120 commits under the user's name from another address
 * (Dev 0 <dev0@old-laptop.local>), which the view should point out.
 */
function adrHistoryRepo(dir) {
  return fastImportRepo(dir, '25 ADRs / 9,000 commits', (commit) => {
    let main = commit('refs/heads/main', 0, [], 'Initial commit', 1, 'README.md', '# Platform\n');
    let adrs = 0;
    for (let i = 1; i < 9000;) {
      if (i % 350 === 0 && adrs < 25) {
        adrs++;
        const n = String(adrs).padStart(4, '0');
        const status =
          adrs % 5 === 0
            ? 'Proposed'
            : adrs % 7 === 0
              ? `Superseded by [${adrs + 1}. Next](${String(adrs + 1).padStart(4, '0')}-decision-${adrs + 1}.md)`
              : 'Accepted';
        const text = `# ${adrs}. Decision ${adrs} about the platform's deployment and its long-term operational consequences\n\nDate: 2021-0${(adrs % 9) + 1}-1${adrs % 9}\n\n## Status\n\n${status}\n\n## Context\n\nWhy ${adrs}.\n\n## Decision\n\nWe will do ${adrs}.\n\n## Consequences\n\nSome.\n`;
        main = commit('refs/heads/main', main, [], `docs: record ADR ${adrs}`, adrs % 40, `doc/adr/${n}-decision-${adrs}.md`, text);
        i++;
      } else if (i % 10 === 0) {
        const who = i % 400 === 0 ? 0 : i % 40;
        const side = commit('refs/heads/side', main, [], `Work on change ${i}`, who, `src/area${i % 30}/m${i % 300}.go`);
        main = commit(
          'refs/heads/main',
          main,
          [side],
          `Merge pull request #${i} from dev${who}/change-${i}\n\nImprove area ${i % 30}: change ${i}`,
          1,
          `CHANGELOG/${i % 50}.md`,
        );
        i += 2;
      } else {
        const who = i % 75 === 0 ? { name: 'Dev 0', email: 'dev0@old-laptop.local' } : i % 40;
        main = commit('refs/heads/main', main, [], `Refactor module ${i}`, who, `lib/m${i % 500}.go`);
        i++;
      }
    }
  });
}

module.exports = { fastImportRepo, adrHistoryRepo };
