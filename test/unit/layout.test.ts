import * as assert from 'assert';
import { DEFAULT_DECISION_FOLDERS, candidateFolders, isEvidenceFileName } from '../../src/core/documents/layout';
import { normalizePosix } from '../../src/core/naming/posixPath';

describe('candidateFolders', () => {
  it('uses the default decision folders when no configuration file exists', () => {
    const { folders, problems } = candidateFolders({});
    assert.deepStrictEqual(
      folders.filter((f) => f.kind === 'decision').map((f) => [f.path, f.convention]),
      [
        ['doc/adr', 'adr-tools'],
        ['docs/decisions', 'generic'],
        ['docs/adr', 'generic'],
        ['docs/architecture/decisions', 'generic'],
      ],
    );
    assert.deepStrictEqual(problems, []);
  });

  it('follows adr-tools .adr-dir (the folder it names, made relative to the root by the caller)', () => {
    const { folders } = candidateFolders({ adrDir: { path: '../.adr-dir', folder: 'architecture/decisions' } });
    assert.deepStrictEqual(folders[0], { path: 'architecture/decisions', kind: 'decision', convention: 'adr-tools', source: '.adr-dir' });
    assert.ok(!folders.some((f) => f.source === 'default' && f.kind === 'decision'), 'defaults are replaced');
  });

  it('reports an empty .adr-dir', () => {
    assert.strictEqual(candidateFolders({ adrDir: { path: '.adr-dir', folder: '' } }).problems[0].message, '.adr-dir is empty');
  });

  it('refuses an .adr-dir pointing outside the workspace folder, with a problem, and searches the usual places', () => {
    const { folders, problems } = candidateFolders({ adrDir: { path: '.adr-dir', folder: '../../etc' } });
    assert.deepStrictEqual(
      folders.filter((f) => f.kind === 'decision').map((f) => [f.path, f.source]),
      DEFAULT_DECISION_FOLDERS.map((d) => [d.path, 'default']),
    );
    assert.strictEqual(problems.length, 1);
    assert.match(problems[0].message, /outside the workspace folder/);
  });

  it('reads log4brains adrFolder and per-package folders', () => {
    const yml =
      'project:\n  name: shop\n  adrFolder: ./docs/adr\n  packages:\n    - name: backend\n      path: ./packages/backend\n      adrFolder: ./packages/backend/docs/adr\n';
    const { folders } = candidateFolders({ log4brainsYml: yml });
    assert.deepStrictEqual(
      folders.filter((f) => f.convention === 'log4brains').map((f) => f.path),
      ['docs/adr', 'packages/backend/docs/adr'],
    );
  });

  it('refuses a .log4brains.yml folder outside the workspace folder, with a problem', () => {
    const { folders, problems } = candidateFolders({ log4brainsYml: 'project:\n  adrFolder: ../../elsewhere\n' });
    assert.ok(!folders.some((f) => f.convention === 'log4brains'));
    assert.match(problems[0].message, /"..\/..\/elsewhere" is outside the workspace folder/);
  });

  it('reports a .log4brains.yml that is not YAML', () => {
    const { problems } = candidateFolders({ log4brainsYml: 'project: [' });
    assert.strictEqual(problems.length, 1);
    assert.strictEqual(problems[0].path, '.log4brains.yml');
  });
});

describe('layout helpers', () => {
  it('normalizes POSIX paths', () => {
    assert.strictEqual(normalizePosix('./docs//adr/'), 'docs/adr');
    assert.strictEqual(normalizePosix('a/../../b'), '../b');
    assert.strictEqual(normalizePosix('/etc'), null);
  });
  it('skips templates, indexes and READMEs', () => {
    for (const name of ['adr-template.md', 'adr-template-minimal.md', 'template.md', 'index.md', 'README.md', 'backlog.md', 'notes.txt']) {
      assert.ok(!isEvidenceFileName(name), name);
    }
    assert.ok(isEvidenceFileName('0001-record-architecture-decisions.md'));
  });
});
