import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { CLI, PROJECT_ROOT } from '../support/paths';
import { snapshotOf } from '../support/folderSnapshot';
import { aliasBombLines } from '../support/hostile';
import { ME, removeDir, tempDir, writeFiles } from '../support/gitRepo';

// The bad-input corpus (test/fixtures/bad-input/<area>/<case>.yml, schema in its README.md): each
// case is a folder to make and a CLI command to run in it, with the documented outcome. Every case
// also holds to what all bad input must: exit 0 or 1 (never 2, never a stack trace), a one-line
// error on exit 1, done within the time budget (no hang), and no file changed but those meant.

const CORPUS = path.join(PROJECT_ROOT, 'test', 'fixtures', 'bad-input');
/** A case that takes longer than this hangs (ms). */
const BUDGET_MS = 20_000;

interface Case {
  about: string;
  repo?: boolean;
  gitConfig?: Record<string, string>;
  git?: string[][];
  shallow?: boolean;
  files?: Record<string, string>;
  make?: { path: string; as: string; to?: string; text?: string }[];
  outside?: Record<string, string>;
  run: string[];
  env?: Record<string, string>;
  /** The positive control of a trap: after the checks, these git commands leave these files (regex). */
  control?: { git: string[][]; creates: string[] };
  expect: {
    exit: 0 | 1;
    error?: string;
    stderr?: string;
    stdout?: string;
    notStdout?: string;
    items?: string[];
    notItems?: string[];
    itemCount?: number;
    problems?: [string, string][];
    changed?: Record<string, string>;
    created?: string[];
    missing?: string[];
  };
}

function cases(): { name: string; c: Case }[] {
  return fs
    .readdirSync(CORPUS, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.yml'))
    .sort()
    .map((f) => ({ name: f.slice(0, -4).split(path.sep).join('/'), c: readCase(path.join(CORPUS, f)) }));
}

function readCase(file: string): Case {
  try {
    return parse(fs.readFileSync(file, 'utf8')) as Case;
  } catch (err) {
    throw new Error(`${path.relative(CORPUS, file)}: ${(err as Error).message}`);
  }
}

/** Generated entries: content too big, binary or special to keep as text in the corpus. */
function make(root: string, outside: string, entry: NonNullable<Case['make']>[number]): void {
  const full = path.join(root, ...entry.path.split('/'));
  fs.mkdirSync(path.dirname(full), { recursive: true });
  const title = `# ${entry.text ?? 'Generated'}\n\n`;
  switch (entry.as) {
    case 'big': // 50 MB of lines
      fs.writeFileSync(full, title + 'All work and no play.\n'.repeat((50 << 20) / 22));
      break;
    case 'long-line': // one line of 10 MB
      fs.writeFileSync(full, title + 'x'.repeat(10 << 20) + '\n');
      break;
    case 'huge-line': // one line of 4 MB: under the size limit, so it is read
      fs.writeFileSync(full, `---\nstatus: accepted\n---\n${title}${'word '.repeat((4 << 20) / 5)}\n`);
      break;
    case 'spaces-heading': // a heading that invites backtracking
      fs.writeFileSync(full, `# 1.${' '.repeat(4000)}x${' '.repeat(4000)}\n\n## Status\n\n${' '.repeat(2000)}[${' '.repeat(2000)}\n`);
      break;
    case 'binary':
      fs.writeFileSync(full, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
      break;
    case 'latin1': // not UTF-8
      fs.writeFileSync(full, Buffer.from(`${title}## Status\n\nAccepted\n\nCaf\xe9 na\xefve\n`, 'latin1'));
      break;
    case 'fifo':
      execFileSync('mkfifo', [full]);
      break;
    case 'link': // `to`: relative to the link's folder; `{outside}` for the folder beside the repository
      fs.symlinkSync((entry.to ?? '').replace('{outside}', outside), full);
      break;
    case 'dir':
      fs.mkdirSync(full, { recursive: true });
      break;
    case 'alias-bomb': // as front matter of a .md file, as the whole of a .yml file
      fs.writeFileSync(full, [...aliasBombLines().filter((l) => full.endsWith('.md') || !/^(---|#)/.test(l)), ''].join('\n'));
      break;
    default:
      throw new Error(`unknown generated entry "${entry.as}"`);
  }
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
}

/** The case's folder (a repository when asked), its sibling `outside` folder and a journal folder. */
function setUp(c: Case): { root: string; outside: string; journal: string; home: string; cleanup: () => void } {
  const base = tempDir('corpus');
  const root = path.join(base, 'repo');
  const outside = path.join(base, 'outside');
  const journal = path.join(base, 'journal');
  const home = path.join(base, 'home'); // no user settings or journal of this machine's user
  fs.mkdirSync(root);
  fs.mkdirSync(outside);
  fs.mkdirSync(home);
  writeFiles(root, c.files ?? {});
  writeFiles(outside, c.outside ?? {});
  for (const entry of c.make ?? []) make(root, outside, entry);
  if (c.repo) {
    git(root, ['init', '--quiet', '--initial-branch=main']);
    for (const [k, v] of Object.entries({ 'user.email': ME.email, 'user.name': ME.name, 'commit.gpgsign': 'false' }))
      git(root, ['config', k, v]);
    if (fs.readdirSync(root).some((f) => f !== '.git')) {
      git(root, ['add', '--all']);
      git(root, ['-c', 'core.hooksPath=/dev/null', 'commit', '--quiet', '--no-verify', '-m', 'Add the case (#1)']);
    }
    // Set after the commit: a trap set before it would be sprung by the commit itself.
    for (const [k, v] of Object.entries(c.gitConfig ?? {})) git(root, ['config', k, v]);
    for (const args of c.git ?? []) git(root, args);
    if (c.shallow) {
      const deep = path.join(base, 'deep');
      fs.renameSync(root, deep);
      git(base, ['clone', '--quiet', '--depth=1', `file://${deep}`, root]);
      git(root, ['config', 'user.email', ME.email]);
    }
  }
  return { root, outside, journal, home, cleanup: () => removeDir(base) };
}

describe('the bad-input corpus (test/fixtures/bad-input)', function () {
  this.timeout(BUDGET_MS * 2);
  const all = cases();
  it('holds at least 45 named cases across documents, writes, git and CLI arguments', () => {
    assert.ok(all.length >= 45, `${all.length} cases`);
    const areas = new Set(all.map((x) => x.name.split('/')[0]));
    assert.deepStrictEqual([...areas].sort(), ['cli', 'documents', 'git', 'writes']);
  });

  for (const { name, c } of all) {
    it(`${name}: ${c.about}`, () => {
      const { root, outside, journal, home, cleanup } = setUp(c);
      try {
        const fill = (s: string) => s.replace('{root}', root).replace('{outside}', outside).replace('{journal}', journal);
        const before = snapshotOf(root);
        const outsideBefore = snapshotOf(outside);
        const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: home };
        delete env.INIT_CWD;
        for (const [k, v] of Object.entries(c.env ?? {})) env[k] = fill(v).replace('{empty}', outside);
        const started = Date.now();
        const r = spawnSync(process.execPath, [CLI, ...c.run.map(fill)], {
          cwd: root,
          encoding: 'utf8',
          env,
          timeout: BUDGET_MS,
          maxBuffer: 256 << 20,
        });
        const took = Date.now() - started;
        assert.ok(!r.error, `${r.error?.message} after ${took} ms (a hang?)`);
        const e = c.expect;
        const stderr = r.stderr ?? '';
        assert.doesNotMatch(stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace');
        assert.strictEqual(r.status, e.exit, `exit ${r.status}; stderr: ${stderr}`);
        // `check` reports the problems it found on stdout and exits 1 with nothing to say on stderr.
        if (e.exit === 1 && c.run[0] === 'check') assert.strictEqual(stderr, '', 'check: problems on stdout only');
        else if (e.exit === 1) {
          assert.strictEqual(stderr.trim().split('\n').length, 1, `one line: ${stderr}`);
          assert.match(stderr, /^career-evidence: /);
        }
        if (e.error) assert.match(stderr, new RegExp(e.error));
        if (e.stderr) assert.match(stderr, new RegExp(e.stderr));
        if (e.stdout) assert.match(r.stdout, new RegExp(e.stdout));
        if (e.notStdout) assert.doesNotMatch(r.stdout, new RegExp(e.notStdout));
        if (e.items || e.notItems || e.problems || e.itemCount !== undefined) {
          const json = JSON.parse(r.stdout) as { items?: { path: string }[]; problems: { path: string; message: string }[] };
          const listed = (json.items ?? []).map((i) => i.path);
          for (const p of e.items ?? []) assert.ok(listed.includes(p), `${p} listed: ${listed.join(', ')}`);
          for (const p of e.notItems ?? []) assert.ok(!listed.includes(p), `${p} not listed`);
          if (e.itemCount !== undefined) assert.strictEqual(listed.length, e.itemCount, listed.join(', '));
          for (const [p, message] of e.problems ?? [])
            assert.ok(
              json.problems.some((x) => x.path === p && new RegExp(message, 'i').test(x.message)),
              `problem ${p} /${message}/ in ${JSON.stringify(json.problems)}`,
            );
        }
        // Nothing changed but what the case says changes (`.git` included), nothing written outside.
        const after = snapshotOf(root);
        const created = [...after.keys()].filter((k) => !before.has(k));
        const createdPatterns = (e.created ?? []).map((x) => new RegExp(x));
        for (const k of created) assert.ok(createdPatterns.some((x) => x.test(k)) || k in (e.changed ?? {}), `unexpected new file ${k}`);
        for (const x of createdPatterns)
          assert.ok(
            created.some((k) => x.test(k)),
            `a new file like ${x}: ${created.join(', ')}`,
          );
        for (const [k, text] of before) {
          if (k in (e.changed ?? {})) assert.strictEqual(Buffer.from(after.get(k) ?? '', 'base64').toString('utf8'), e.changed![k], k);
          else assert.strictEqual(after.get(k), text, `${k} unchanged`);
        }
        assert.deepStrictEqual(snapshotOf(outside), outsideBefore, 'nothing written outside the repository');
        for (const m of e.missing ?? []) assert.ok(!fs.existsSync(fill(m)), `${m} must not exist`);
        if (c.control) {
          // git itself springs the traps we must not: so the case could fail, were we to run them.
          for (const args of c.control.git) spawnSync('git', args, { cwd: root, env: { ...env, PATH: process.env.PATH } });
          const sprung = [...snapshotOf(root).keys()].filter((k) => !after.has(k));
          for (const x of c.control.creates)
            assert.ok(
              sprung.some((k) => new RegExp(x).test(k)),
              `control: git leaves ${x}`,
            );
        }
      } finally {
        cleanup();
      }
    });
  }
});
