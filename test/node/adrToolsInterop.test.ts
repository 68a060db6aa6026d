import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { cli } from '../support/cli';
import { removeDir, tempDir } from '../support/gitRepo';

// Interoperability with the real adr-tools (Debian package adr-tools 3.0, installed by the test
// command): the same operation done by adr-tools and by us must leave the same bytes, and adr-tools
// must read what we write.

function adr(cwd: string, ...args: string[]): string {
  return execFileSync('adr', args, { cwd, encoding: 'utf8', env: { ...process.env, EDITOR: 'true', VISUAL: 'true' } });
}

function twoRepos(): [string, string] {
  const base = tempDir('adr-interop');
  const make = (name: string) => {
    const dir = path.join(base, name);
    fs.mkdirSync(dir);
    execFileSync('git', ['init', '--quiet'], { cwd: dir });
    adr(dir, 'init', 'doc/adr');
    adr(dir, 'new', 'Use X');
    return dir;
  };
  return [make('theirs'), make('ours')];
}

const read = (dir: string, name: string) => fs.readFileSync(path.join(dir, 'doc', 'adr', name), 'utf8');

describe('interoperability with adr-tools 3.0', function () {
  this.timeout(30_000);
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => removeDir(path.dirname(d))));

  it('supersedes exactly as `adr new -s` does', () => {
    const [theirs, ours] = twoRepos();
    dirs.push(theirs);
    adr(theirs, 'new', '-s', '2', 'Use Y');
    const r = cli(['new', 'adr', 'Use Y', '--dir', ours, '--supersedes', '2', '--status', 'accepted']);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.strictEqual(read(ours, '0002-use-x.md'), read(theirs, '0002-use-x.md'));
    assert.strictEqual(read(ours, '0003-use-y.md'), read(theirs, '0003-use-y.md'));
  });

  it('links exactly as `adr link` does, and adr-tools reads our links', () => {
    const [theirs, ours] = twoRepos();
    dirs.push(theirs);
    adr(theirs, 'link', '2', 'Amends', '1', 'Amended by');
    const r = cli(['link', '2', 'Amends:Amended by', '1', '--dir', ours]);
    assert.strictEqual(r.code, 0, r.stderr);
    for (const f of ['0001-record-architecture-decisions.md', '0002-use-x.md']) assert.strictEqual(read(ours, f), read(theirs, f), f);
    assert.strictEqual(cli(['new', 'adr', 'Use Z', '--dir', ours, '--supersedes', '2']).code, 0);
    const graph = adr(ours, 'generate', 'graph');
    assert.match(graph, /_2 -> _1 \[label="Amends", weight=0\]/);
    assert.match(graph, /_3 -> _2 \[label="Supersedes", weight=0\]/);
    assert.match(adr(ours, 'generate', 'toc'), /\* \[3\. Use Z\]\(0003-use-z\.md\)/);
  });
});
