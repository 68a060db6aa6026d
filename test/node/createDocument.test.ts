import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { createDocument } from '../../src/node/createDocument';
import { scanEvidence } from '../../src/node/scanEvidence';
import { ADR_TOOLS_FILES, removeDir, tempDir, writeFiles } from '../support/gitRepo';

describe('createDocument (real folders)', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir('create')));
  afterEach(() => removeDir(dir));

  it('writes the next adr-tools ADR where the repository keeps them', async () => {
    writeFiles(dir, ADR_TOOLS_FILES);
    const doc = await createDocument(dir, 'decision', 'Cache search results', '2026-11-21', 'Dana');
    assert.strictEqual(doc.path, 'doc/adr/0003-cache-search-results.md');
    assert.match(fs.readFileSync(doc.absolutePath, 'utf8'), /^# 3\. Cache search results\n\nDate: 2026-11-21\n/);
    const scan = await scanEvidence(dir);
    assert.deepStrictEqual(
      scan.items.map((i) => i.id),
      ['0001', '0002', '0003'],
    );
  });

  it("fills a template the folder holds by name (0000-TEMPLATE.md, decision-template.md), in the folder's convention", async () => {
    writeFiles(dir, {
      ...ADR_TOOLS_FILES,
      'doc/adr/0000-TEMPLATE.md': '# NUMBER. TITLE\n\nDate: DATE\n\n## Status\n\nSTATUS\n\n## Context\n\nOur own context prompt\n',
    });
    const doc = await createDocument(dir, 'decision', 'Cache search results', '2026-11-21', 'Dana');
    assert.strictEqual(doc.template, 'doc/adr/0000-TEMPLATE.md');
    assert.strictEqual(
      fs.readFileSync(doc.absolutePath, 'utf8'),
      '# 3. Cache search results\n\nDate: 2026-11-21\n\n## Status\n\nProposed\n\n## Context\n\nOur own context prompt\n',
    );
    assert.deepStrictEqual(
      (await scanEvidence(dir)).items.map((i) => i.path),
      ['doc/adr/0001-record-architecture-decisions.md', 'doc/adr/0002-use-postgresql-for-billing.md', doc.path],
      'the template is not a decision',
    );

    const madr = tempDir('create-madr');
    try {
      writeFiles(madr, {
        'docs/decisions/0001-first.md': '---\nstatus: accepted\ndate: 2026-01-01\n---\n# First\n',
        'docs/decisions/decision-template.md': '---\nstatus: {proposed}\ndate: {YYYY-MM-DD}\n---\n# {short title}\n\n## Our sections\n',
      });
      const made = await createDocument(madr, 'decision', 'Use queues', '2026-11-21', null);
      assert.strictEqual(made.template, 'docs/decisions/decision-template.md');
      assert.strictEqual(
        fs.readFileSync(made.absolutePath, 'utf8'),
        '---\nstatus: proposed\ndate: 2026-11-21\n---\n# Use queues\n\n## Our sections\n',
      );
    } finally {
      removeDir(madr);
    }
  });

  it('gives concurrent creations distinct numbers and overwrites nothing', async () => {
    writeFiles(dir, ADR_TOOLS_FILES);
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => createDocument(dir, 'decision', `Parallel ${n}`, '2026-11-21', null)));
    const names = results.map((r) => path.basename(r.path).slice(0, 4)).sort();
    assert.deepStrictEqual(names, ['0003', '0004', '0005', '0006', '0007']);
    const original = fs.readFileSync(path.join(dir, 'doc/adr/0001-record-architecture-decisions.md'), 'utf8');
    assert.strictEqual(original, ADR_TOOLS_FILES['doc/adr/0001-record-architecture-decisions.md']);
    assert.deepStrictEqual(
      fs.readdirSync(path.join(dir, 'doc/adr')).filter((f) => f.endsWith('.tmp')),
      [],
    );
  });

  it('keeps hostile titles inside the folder', async () => {
    for (const title of ['../../x', 'a/b', 'ctl\u0000\u001b[31m', 'y'.repeat(300)]) {
      const doc = await createDocument(dir, 'rfc', title, '2026-11-21', null);
      assert.ok(doc.absolutePath.startsWith(path.join(dir, 'docs', 'rfcs') + path.sep), doc.absolutePath);
      assert.ok(path.basename(doc.absolutePath).length <= 70);
    }
    assert.deepStrictEqual(fs.readdirSync(path.join(dir, 'docs/rfcs')).sort(), [
      '0001-x.md',
      '0002-a-b.md',
      '0003-ctl.md',
      `0004-${'y'.repeat(60)}.md`,
    ]);
  });

  it('refuses an empty title and a folder that is a file, leaving the file alone', async () => {
    await assert.rejects(createDocument(dir, 'decision', '   ', '2026-11-21', null), /title is empty/);
    writeFiles(dir, { 'docs/tradeoffs': 'I am a file' });
    await assert.rejects(createDocument(dir, 'tradeoff', 'X', '2026-11-21', null), /cannot create folder docs\/tradeoffs/);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'docs/tradeoffs'), 'utf8'), 'I am a file');
  });
});
