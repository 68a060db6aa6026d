import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { cli } from '../support/cli';
import { removeDir, tempDir, writeFiles } from '../support/gitRepo';
import { addTeamStatusAlias } from '../../src/node/statusVocabulary';
import { readChangedFile, scanEvidence } from '../../src/node/scanEvidence';

const RATIFIED = '# 1. Use Postgres\n\nDate: 2026-01-05\n\n## Status\n\nRatified\n\n## Context\n\nx\n';
const PARKED = '# 2. Use Kafka\n\nDate: 2026-01-06\n\n## Status\n\nParked until Q3\n\n## Context\n\nx\n';

describe('status words of a team and of a user', () => {
  let dir: string;
  let journal: string;
  beforeEach(() => {
    dir = tempDir('vocab');
    journal = tempDir('vocab-journal');
    writeFiles(dir, { 'doc/adr/0001-use-postgres.md': RATIFIED, 'doc/adr/0002-use-kafka.md': PARKED });
  });
  afterEach(() => {
    removeDir(dir);
    removeDir(journal);
  });

  const unknown = (cwd: string, ...args: string[]) => {
    const r = cli(['check', '--json', '--journal', journal, ...args], cwd);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    return (JSON.parse(r.stdout).problems as { path: string; code: string }[])
      .filter((p) => p.code === 'unknown-status')
      .map((p) => p.path);
  };

  it('are unknown statuses until a team shares them in .career-evidence/statuses.yml', () => {
    assert.deepStrictEqual(unknown(dir), ['doc/adr/0001-use-postgres.md', 'doc/adr/0002-use-kafka.md']);
    writeFiles(dir, { '.career-evidence/statuses.yml': 'statusAliases:\n  ratified: accepted\n' });
    assert.deepStrictEqual(unknown(dir), ['doc/adr/0002-use-kafka.md']);
    const scan = JSON.parse(cli(['scan', '--json', '--journal', journal], dir).stdout);
    const item = scan.items.find((i: { id: string }) => i.id === '0001');
    assert.deepStrictEqual([item.status, item.statusText], ['accepted', 'Ratified']);
  });

  it("are the user's own in the journal's career-evidence.yml, winning over the team's", () => {
    writeFiles(dir, { '.career-evidence/statuses.yml': 'statusAliases:\n  parked: rejected\n' });
    writeFiles(journal, { 'career-evidence.yml': 'statusAliases:\n  parked: proposed\n  ratified: accepted\n' });
    assert.deepStrictEqual(unknown(dir), []);
    const items = JSON.parse(cli(['scan', '--json', '--journal', journal], dir).stdout).items as { id: string; status: string }[];
    assert.deepStrictEqual(
      items.map((i) => [i.id, i.status]),
      [
        ['0001', 'accepted'],
        ['0002', 'proposed'],
      ],
    );
  });

  it('a bad team file is a problem listed with the documents; a bad journal file a warning; neither hides anything', () => {
    writeFiles(dir, { '.career-evidence/statuses.yml': 'statusAliases: [oops\n' });
    writeFiles(journal, { 'career-evidence.yml': 'statusAliases:\n  ratified: approvedish\n' });
    const r = cli(['scan', '--json', '--journal', journal], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    const scan = JSON.parse(r.stdout);
    assert.strictEqual(scan.items.length, 2);
    assert.ok(scan.problems.some((p: { path: string }) => p.path === '.career-evidence/statuses.yml'));
    assert.match(r.stderr, /career-evidence\.yml: status alias "ratified": "approvedish" is not a status/);
  });

  it('"share with the team" creates the file, then edits it in place, keeping what is there', async () => {
    const file = await addTeamStatusAlias(dir, 'Ratified', 'accepted');
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'statusAliases:\n  ratified: accepted\n');
    fs.writeFileSync(file, '# ours\nstatusAliases:\n  ratified: accepted\n');
    await addTeamStatusAlias(dir, 'parked', 'proposed');
    assert.strictEqual(fs.readFileSync(file, 'utf8'), '# ours\nstatusAliases:\n  ratified: accepted\n  parked: proposed\n');
    assert.deepStrictEqual(unknown(dir), []);
    fs.writeFileSync(file, 'statusAliases: [oops\n');
    await assert.rejects(addTeamStatusAlias(dir, 'x', 'accepted'), /not valid YAML: .*nothing written/);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'statusAliases: [oops\n');
    assert.deepStrictEqual(fs.readdirSync(path.dirname(file)), ['statuses.yml']);
  });

  it('a changed team file rescans; a changed document is read again with the words of its scan', async () => {
    writeFiles(dir, { '.career-evidence/statuses.yml': 'statusAliases:\n  ratified: accepted\n' });
    const scan = await scanEvidence(dir);
    assert.strictEqual(readChangedFile(dir, scan.folders, '.career-evidence/statuses.yml', scan.statusAliases), 'rescan');
    const reading = readChangedFile(dir, scan.folders, 'doc/adr/0001-use-postgres.md', scan.statusAliases);
    assert.ok(typeof reading === 'object' && reading.result !== 'gone');
    assert.strictEqual(reading.result.item.status, 'accepted');
  });
});
