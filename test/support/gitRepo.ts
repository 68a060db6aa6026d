import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Identity used as the repository's `user.email` in fixtures: "my" work. */
export const ME = { name: 'Dana Developer', email: 'dana@example.com' };
/** Someone else on the team. */
export const COLLEAGUE = { name: 'Sam Colleague', email: 'sam@example.com' };

/** A fresh temporary directory (removed by the caller with `removeDir`). */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `ce-${prefix}-`));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Writes files (relative POSIX paths → text), creating folders. */
export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const full = path.join(root, ...rel.split('/'));
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
}

/** A real git repository in a temp folder, driven with the git CLI (arguments as arrays, no shell). */
export class TestRepo {
  readonly root: string;

  constructor(root = tempDir('repo')) {
    this.root = root;
    fs.mkdirSync(root, { recursive: true });
    this.git('init', '--quiet', '--initial-branch=main');
    this.git('config', 'user.email', ME.email);
    this.git('config', 'user.name', ME.name);
    this.git('config', 'commit.gpgsign', 'false');
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.root, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
  }

  /** Commits `files` with `message` as `who` at `date` (ISO 8601 with offset); returns the commit id. */
  commit(files: Record<string, string>, message: string, who = ME, date = '2026-03-02T10:00:00+01:00'): string {
    writeFiles(this.root, files);
    this.git('add', '--all');
    execFileSync('git', ['commit', '--quiet', '--allow-empty', '-F', '-'], {
      cwd: this.root,
      input: message,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: who.name,
        GIT_AUTHOR_EMAIL: who.email,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_NAME: who.name,
        GIT_COMMITTER_EMAIL: who.email,
        GIT_COMMITTER_DATE: date,
      },
    });
    return this.git('rev-parse', 'HEAD').trim();
  }

  /**
   * Merges `branch` into the current branch with a merge commit (`--no-ff`) whose message is
   * `message`, committed by `merger` at `date`, as hosting services do.
   */
  merge(branch: string, message: string, merger = ME, date = '2026-03-05T16:30:00+01:00'): string {
    execFileSync('git', ['merge', '--quiet', '--no-ff', '-m', message, branch], {
      cwd: this.root,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: merger.name,
        GIT_AUTHOR_EMAIL: merger.email,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_NAME: merger.name,
        GIT_COMMITTER_EMAIL: merger.email,
        GIT_COMMITTER_DATE: date,
      },
    });
    return this.git('rev-parse', 'HEAD').trim();
  }
}

/** ADRs in adr-tools format, as `adr new` writes them. */
export const ADR_TOOLS_FILES: Record<string, string> = {
  'doc/adr/0001-record-architecture-decisions.md': `# 1. Record architecture decisions

Date: 2026-01-12

## Status

Accepted

## Context

We need to record the architectural decisions made on this project.

## Decision

We will use Architecture Decision Records, as described by Michael Nygard.

## Consequences

See Michael Nygard's article.
`,
  'doc/adr/0002-use-postgresql-for-billing.md': `# 2. Use PostgreSQL for billing

Date: 2026-02-03

## Status

Proposed

## Context

Billing needs transactions.

## Decision

Use PostgreSQL.

## Consequences

One more database to run.
`,
};

/**
 * A repository with two adr-tools ADRs and this merged work on main (first-parent line), newest first:
 * - squash merge `Speed up search (#13)` by me;
 * - GitHub merge commit of PR #12 (branch tip by me, merged by a colleague): "Add export to CSV";
 * - a colleague's plain commit (not mine);
 * - my initial commit with the ADRs.
 */
export function evidenceRepo(root?: string): TestRepo {
  const repo = new TestRepo(root);
  repo.commit(ADR_TOOLS_FILES, 'Record the first decisions', ME, '2026-02-03T09:00:00+01:00');
  repo.commit({ 'README.md': '# Shop\n' }, 'Add a README', COLLEAGUE, '2026-02-10T11:00:00+01:00');
  repo.git('checkout', '--quiet', '-b', 'dana/csv-export');
  repo.commit(
    { 'src/export.ts': 'export const csv = 1;\n', 'src/export.test.ts': 'test\n' },
    'Export invoices as CSV',
    ME,
    '2026-03-01T14:00:00+01:00',
  );
  repo.git('checkout', '--quiet', 'main');
  repo.merge(
    'dana/csv-export',
    'Merge pull request #12 from dana/csv-export\n\nAdd export to CSV\n\nFinance can now export invoices without asking engineering.',
    COLLEAGUE,
    '2026-03-05T16:30:00+01:00',
  );
  repo.commit(
    { 'src/search.ts': 'export const fast = true;\nexport const cache = new Map();\n' },
    'Speed up search (#13)\n\nCache the index between queries.',
    ME,
    '2026-03-20T10:00:00+01:00',
  );
  return repo;
}
