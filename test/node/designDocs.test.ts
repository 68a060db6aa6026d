import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { createDocument } from '../../src/node/createDocument';
import { openRepository } from '../../src/node/git/repository';
import { cli } from '../support/cli';
import { ADR_TOOLS_FILES, TestRepo, removeDir, tempDir, writeFiles } from '../support/gitRepo';
import { SHARED } from '../support/paths';

const read = (root: string, rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');

describe('design documents (real folders, CLI)', function () {
  this.timeout(30_000);
  const dirs: string[] = [];
  const dir = (prefix: string) => {
    const d = tempDir(prefix);
    dirs.push(d);
    return d;
  };
  after(() => dirs.forEach(removeDir));

  it('creates every kind from the CLI, each read back with its kind and the sections of its template', () => {
    const root = dir('kinds');
    const sections: Record<string, string[]> = {
      adr: ['Context and Problem Statement', 'Decision Drivers', 'Considered Options', 'Decision Outcome', 'Pros and Cons of the Options'],
      rfc: [
        'Summary',
        'Motivation',
        'Proposed design',
        'Drawbacks',
        'Alternatives considered',
        'Prior art',
        'Unresolved questions',
        'Rollout',
      ],
      design: ['Context and scope', 'Goals and non-goals', 'Design', 'Alternatives considered', 'Cross-cutting concerns', 'Risks'],
      tradeoff: ['The question', 'Options', 'Criteria', 'Scores', 'Decision', 'Risk if we ignore it'],
      postmortem: [
        'Summary',
        'Impact',
        'Timeline',
        'Root cause and contributing factors',
        'Resolution',
        'What went well',
        'What went badly',
        'Where we got lucky',
        'Action items',
      ],
      log: ['I proposed', 'It did not move because', 'So I did', 'Links'],
      growth: ['Goal', 'Key concepts', 'Implementation plan', 'Metrics of success', 'Post-mortem notes'],
    };
    for (const [kind, heads] of Object.entries(sections)) {
      const r = cli(['new', kind, `A ${kind} title`, '--dir', root, '--json']);
      assert.strictEqual(r.code, 0, r.stderr);
      const text = read(root, JSON.parse(r.stdout).path);
      for (const h of heads) assert.match(text, new RegExp(`^#{2,3} ${h.replace(/[()]/g, '\\$&')}$`, 'm'), `${kind}: ${h}`);
    }
    assert.match(read(root, 'docs/growth/0001-a-growth-title.md'), /^horizon: \d{4}-\d{2}-\d{2}$/m);
    assert.match(read(root, 'docs/postmortems/0001-a-postmortem-title.md'), /Blameless/);
    const scan = JSON.parse(cli(['scan', root, '--json']).stdout);
    assert.deepStrictEqual(
      scan.items.map((i: { kind: string }) => i.kind),
      ['decision', 'rfc', 'design', 'tradeoff', 'postmortem', 'log', 'growth'],
    );
    assert.deepStrictEqual(scan.problems, []);
  });

  it('supersedes and links in adr-tools format from the CLI (corpus copy), refusing self, cycles and double supersession', () => {
    const root = dir('adrtools');
    fs.cpSync(path.join(SHARED, 'corpus/adr/adr-tools/doc'), path.join(root, 'doc'), { recursive: true });
    const original2 = read(root, 'doc/adr/0002-implement-as-shell-scripts.md');
    const r = cli(['new', 'adr', 'Use a single binary', '--dir', root, '--supersedes', '2', '--status', 'accepted', '--json']);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.deepStrictEqual(JSON.parse(r.stdout).number, 10);
    assert.strictEqual(
      read(root, 'doc/adr/0002-implement-as-shell-scripts.md'),
      original2.replace('\nAccepted\n', '\nSuperseded by [10. Use a single binary](0010-use-a-single-binary.md)\n'),
    );
    assert.match(
      read(root, 'doc/adr/0010-use-a-single-binary.md'),
      /## Status\n\nAccepted\n\nSupersedes \[2\. Implement as shell scripts\]\(0002-implement-as-shell-scripts\.md\)\n\n## Context/,
    );
    const bad: [string[], RegExp][] = [
      [['link', '10', 'supersedes', '10'], /cannot supersede itself/],
      [['link', '2', 'supersedes', '10'], /would make a cycle/],
      [['new', 'adr', 'Again', '--supersedes', '2'], /already superseded/],
      [['status', '10', 'proposed'], /accepted can become deprecated or superseded, not proposed/],
      [['status', '10', 'finished'], /status wants proposed, accepted/],
      [['status', '99', 'accepted'], /no evidence document "99"/],
    ];
    for (const [args, message] of bad) {
      const before = fs
        .readdirSync(path.join(root, 'doc/adr'))
        .map((f) => read(root, `doc/adr/${f}`))
        .join('\n');
      const out = cli([...args, '--dir', root]);
      assert.strictEqual(out.code, 1, `${args.join(' ')}: ${out.stderr}`);
      assert.match(out.stderr, message);
      assert.strictEqual(
        fs
          .readdirSync(path.join(root, 'doc/adr'))
          .map((f) => read(root, `doc/adr/${f}`))
          .join('\n'),
        before,
        'nothing written',
      );
    }
    assert.strictEqual(cli(['link', '10', 'Amends:Amended by', '5', '--dir', root]).code, 0);
    assert.match(
      read(root, 'doc/adr/0005-help-comments.md'),
      /Amended by \[9\. Help scripts\]\(0009-help-scripts\.md\)\n\nAmended by \[10\. Use a single binary\]\(0010-use-a-single-binary\.md\)\n/,
    );
    assert.strictEqual(cli(['status', '10', 'deprecated', '--dir', root]).code, 0);
    assert.match(read(root, 'doc/adr/0010-use-a-single-binary.md'), /## Status\n\nDeprecated\n/);
  });

  it('writes "Supercedes" where the folder already spells it that way (adr-tools before 3.0)', () => {
    const root = dir('spelling');
    writeFiles(root, {
      ...ADR_TOOLS_FILES,
      'doc/adr/0003-old.md':
        '# 3. Old\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\nSupercedes [1. Record architecture decisions](0001-record-architecture-decisions.md)\n',
    });
    assert.strictEqual(cli(['new', 'adr', 'Newer', '--dir', root, '--supersedes', '2']).code, 0);
    assert.match(
      read(root, 'doc/adr/0004-newer.md'),
      /\nSupercedes \[2\. Use PostgreSQL for billing\]\(0002-use-postgresql-for-billing\.md\)\n/,
    );
  });

  it('supersedes in MADR 4 (corpus copy) and log4brains formats', () => {
    const root = dir('madr');
    fs.cpSync(path.join(SHARED, 'corpus/adr/madr/docs'), path.join(root, 'docs'), { recursive: true });
    const r = cli(['new', 'adr', 'Use CC-BY-SA', '--dir', root, '--supersedes', '1', '--json']);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.strictEqual(JSON.parse(r.stdout).path, 'docs/decisions/0019-use-cc-by-sa.md');
    assert.match(
      read(root, 'docs/decisions/0001-use-CC0-or-MIT-as-license.md'),
      /^---\nparent: Decisions\nnav_order: 1\nstatus: "superseded by ADR-0019"\n---\n/,
    );
    // The folder has MADR's adr-template.md (the MADR project's own): it is the template used.
    const created = read(root, 'docs/decisions/0019-use-cc-by-sa.md');
    assert.match(
      created,
      /^---\n# Configuration for the Jekyll template "Just the Docs"\nparent: Decisions\nnav_order: 100\ntitle: ADR Template\n\n# These are optional elements\. Feel free to remove any of them\.\nstatus: proposed\ndate: \d{4}-\d{2}-\d{2}\n# decision-makers: /,
    );
    assert.match(created, /\nsupersedes:\n {2}- 0001-use-CC0-or-MIT-as-license\.md\n---\n/);
    assert.match(created, /\n# Use CC-BY-SA\n\n## Context and Problem Statement\n/);

    const l4b = dir('l4b');
    writeFiles(l4b, {
      '.log4brains.yml': 'project:\n  name: x\n  adrFolder: ./docs/adr\n',
      'docs/adr/20200101-first.md': '# First\n\n- Status: accepted\n- Date: 2020-01-01\n\n## Context\n',
    });
    const n = cli(['new', 'adr', 'Second', '--dir', l4b, '--supersedes', '20200101-first', '--json']);
    assert.strictEqual(n.code, 0, n.stderr);
    const second = JSON.parse(n.stdout).path as string;
    assert.match(second, /^docs\/adr\/\d{8}-second\.md$/);
    const slug = path.basename(second, '.md');
    assert.strictEqual(
      read(l4b, 'docs/adr/20200101-first.md'),
      `# First\n\n- Status: superseded by [${slug}](${slug}.md)\n- Date: 2020-01-01\n\n## Context\n`,
    );
  });

  it('writes the way the folder already writes: MADR 2.x bullets, and a folder per RFC', async () => {
    const root = dir('styles');
    writeFiles(root, {
      'docs/adr/0001-use-markdown.md': '# Use Markdown\n\n* Status: accepted\n* Date: 2017-12-17\n\n## Context and Problem Statement\n',
      'rfc/0001-first-rfc/README.md': '# First RFC\n\nStatus: accepted\n',
      'rfc/0002-second-rfc/README.md': '# Second RFC\n',
    });
    const adr = await createDocument(root, 'decision', 'Use YAML', '2026-11-21', 'Dana');
    assert.strictEqual(adr.path, 'docs/adr/0002-use-yaml.md');
    assert.match(adr.text, /^# Use YAML\n\n\* Status: proposed\n\* Deciders: Dana\n\* Date: 2026-11-21\n/);
    const rfc = await createDocument(root, 'rfc', 'Third RFC', '2026-11-21', null);
    assert.strictEqual(rfc.path, 'rfc/0003-third-rfc/README.md');
    const scan = JSON.parse(cli(['scan', root, '--json']).stdout);
    assert.deepStrictEqual(
      scan.items.map((i: { id: string; kind: string; title: string }) => `${i.kind} ${i.id} ${i.title}`),
      ['decision 0001 Use Markdown', 'decision 0002 Use YAML', 'rfc 0001 First RFC', 'rfc 0002 Second RFC', 'rfc 0003 Third RFC'],
    );
  });

  it('numbers past ADRs that exist only on other branches and remote-tracking refs', async () => {
    const repo = new TestRepo(path.join(dir('branches'), 'repo'));
    repo.commit(ADR_TOOLS_FILES, 'ADRs');
    repo.git('checkout', '--quiet', '-b', 'colleague/adr-3');
    repo.commit({ 'doc/adr/0003-colleague.md': '# 3. Colleague\n\n## Status\n\nProposed\n' }, 'ADR 3');
    repo.git('checkout', '--quiet', 'main');
    repo.git('update-ref', 'refs/remotes/origin/other', repo.commit({ 'doc/adr/0004-remote.md': '# 4. Remote\n' }, 'ADR 4'));
    repo.git('reset', '--quiet', '--hard', 'HEAD~1');
    const created = await createDocument(repo.root, 'decision', 'Mine', '2026-11-21', null, { repo: await openRepository(repo.root) });
    assert.strictEqual(created.path, 'doc/adr/0005-mine.md');
    const offline = await createDocument(repo.root, 'decision', 'Without git', '2026-11-21', null);
    assert.strictEqual(offline.path, 'doc/adr/0006-without-git.md', 'numbers are not reused either way');
  });

  it('fills repository templates: adr-tools placeholders, MADR adr-template.md, ours with a warning for unknown placeholders', async () => {
    const a = dir('tpl-adrtools');
    writeFiles(a, {
      ...ADR_TOOLS_FILES,
      'doc/adr/templates/template.md': '# NUMBER. TITLE\n\nDate: DATE\n\n## Status\n\nSTATUS\n\n## Why\n',
    });
    const x = await createDocument(a, 'decision', 'Templated', '2026-11-21', null);
    assert.strictEqual(x.text, '# 3. Templated\n\nDate: 2026-11-21\n\n## Status\n\nProposed\n\n## Why\n');
    const m = dir('tpl-madr');
    writeFiles(m, {
      'docs/decisions/adr-template.md': fs.readFileSync(path.join(SHARED, 'corpus/adr/madr/template/adr-template.md'), 'utf8'),
    });
    const y = await createDocument(m, 'decision', 'From MADR template', '2026-11-21', null);
    assert.match(
      y.text,
      /^---\n# These are optional metadata elements\. Feel free to remove any of them\.\nstatus: proposed\ndate: 2026-11-21\ndecision-makers: \{list/,
    );
    assert.match(y.text, /\n# From MADR template\n/);
    const o = dir('tpl-ours');
    writeFiles(o, {
      '.career-evidence/templates/rfc.md':
        '# {{title}}\n\nBy {{author}} on {{date}}, owner {{owner}}.\n\n## Summary\n\n${1:What and why}\n',
    });
    const z = await createDocument(o, 'rfc', 'Cost $5 {x}', '2026-11-21', 'Dana');
    assert.strictEqual(z.text, '# Cost $5 {x}\n\nBy Dana on 2026-11-21, owner {{owner}}.\n\n## Summary\n\nWhat and why\n');
    assert.strictEqual(z.snippet, '# Cost \\$5 {x\\}\n\nBy Dana on 2026-11-21, owner {{owner}}.\n\n## Summary\n\n${1:What and why}\n');
    assert.deepStrictEqual(z.warnings, ['unknown placeholder {{owner}} in .career-evidence/templates/rfc.md left as is']);
  });

  it('refuses a read-only folder with a clear error, writing nothing', async () => {
    const root = dir('readonly');
    writeFiles(root, ADR_TOOLS_FILES);
    const folder = path.join(root, 'doc/adr');
    execFileSync('chattr', ['+i', folder]); // immutable: not even root may create files in it
    try {
      await assert.rejects(createDocument(root, 'decision', 'Blocked', '2026-11-21', null), /cannot write in .*doc\/adr: EPERM/);
    } finally {
      execFileSync('chattr', ['-i', folder]);
    }
    assert.deepStrictEqual(fs.readdirSync(folder).sort(), ['0001-record-architecture-decisions.md', '0002-use-postgresql-for-billing.md']);
  });
});
