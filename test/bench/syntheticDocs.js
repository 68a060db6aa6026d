// The synthetic evidence workspace of the index benchmarks: 10,000 evidence documents in mixed
// formats (4,000 adr-tools ADRs, 3,000 RFCs and 3,000 design docs with our front matter) plus 1,000
// malformed ones (unparseable front matter). Generated once and cached (a `.ready` marker).
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

/** Writes the documents under `dir` unless already there. */
function generateDocs(dir) {
  if (fs.existsSync(path.join(dir, '.ready'))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  const write = (rel, text) => {
    const f = path.join(dir, rel);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, text);
  };
  for (let i = 1; i <= 4000; i++)
    write(
      `doc/adr/${String(i).padStart(4, '0')}-decision-${i}.md`,
      `# ${i}. Decision ${i}\n\nDate: 2025-0${(i % 9) + 1}-1${i % 9}\n\n## Status\n\n${i % 3 ? 'Accepted' : 'Proposed'}\n\n## Context\n\nText ${i}.\n`,
    );
  for (let i = 1; i <= 3000; i++)
    write(
      `docs/rfcs/${String(i).padStart(4, '0')}-rfc-${i}.md`,
      `---\ncareer-kind: rfc\ncareer-schema: 1\nstatus: draft\ndate: 2026-0${(i % 9) + 1}-01\ndecision-makers: [Dev ${i % 20}]\ntags: [t${i % 7}]\n---\n\n# RFC ${i}\n\n## Summary\n\nText.\n`,
    );
  for (let i = 1; i <= 3000; i++)
    write(
      `docs/design/${String(i).padStart(4, '0')}-design-${i}.md`,
      `---\ncareer-kind: design\nstatus: accepted\ndate: 2024-1${i % 3}-02\ntags: [a, b]\n---\n\n# Design ${i}\n`,
    );
  for (let i = 1; i <= 1000; i++)
    write(`docs/tradeoffs/${String(i).padStart(4, '0')}-broken-${i}.md`, `---\nstatus: [broken\n---\n# Broken ${i}\n`);
  fs.writeFileSync(path.join(dir, '.ready'), '');
  return dir;
}

/**
 * The same documents committed to a git repository (one commit per folder, by two authors), so
 * dates and authors come from `git log` as in a real repository.
 */
function generateRepo(dir) {
  if (fs.existsSync(path.join(dir, '.git', 'bench-ready'))) return dir;
  fs.rmSync(path.join(dir, '.ready'), { force: true });
  generateDocs(dir);
  fs.rmSync(path.join(dir, '.ready'));
  const git = (args, env = {}) =>
    execFileSync('git', args, { cwd: dir, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  git(['init', '--quiet', '--initial-branch', 'main']);
  const authors = [
    ['Ada Lovelace', 'ada@example.com'],
    ['Grace Hopper', 'grace@example.com'],
  ];
  ['doc/adr', 'docs/rfcs', 'docs/design', 'docs/tradeoffs'].forEach((folder, i) => {
    const [name, email] = authors[i % 2];
    const env = {
      GIT_AUTHOR_NAME: name,
      GIT_AUTHOR_EMAIL: email,
      GIT_COMMITTER_NAME: name,
      GIT_COMMITTER_EMAIL: email,
      GIT_AUTHOR_DATE: `2026-0${i + 1}-01T10:00:00Z`,
      GIT_COMMITTER_DATE: `2026-0${i + 1}-01T10:00:00Z`,
    };
    git(['add', '--', folder]);
    git(['-c', 'commit.gpgsign=false', 'commit', '--quiet', '-m', `Add ${folder}`], env);
  });
  fs.writeFileSync(path.join(dir, '.git', 'bench-ready'), '');
  return dir;
}

module.exports = { generateDocs, generateRepo };
