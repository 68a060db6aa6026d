import * as assert from 'assert';
import { readDocument, DocumentSource } from '../../src/core/documents/readDocument';

function read(path: string, text: string, convention: DocumentSource['convention'] = 'generic') {
  return readDocument({ path, text, kind: 'decision', convention });
}

describe('readDocument', () => {
  describe('adr-tools', () => {
    // From adr-tools' own doc/adr/0009-help-scripts.md (status followed by a link line).
    const amends = `# 9. Help scripts

Date: 2018-06-26

## Status

Accepted

Amends [5. Help comments](0005-help-comments.md)

## Context

Issue #51 requested a way to show more detailed help.
`;
    it('reads number, title, date and the first non-link status line', () => {
      const { item, problems } = read('doc/adr/0009-help-scripts.md', amends, 'adr-tools');
      assert.deepStrictEqual(item, {
        kind: 'decision',
        format: 'adr-tools',
        id: '0009',
        title: 'Help scripts',
        status: 'accepted',
        statusText: 'Accepted',
        date: '2018-06-26',
        path: 'doc/adr/0009-help-scripts.md',
      });
      assert.deepStrictEqual(problems, []);
    });

    it('takes "Superseded by" as the status when adr-tools removed the status word', () => {
      const text = '# 2. Old idea\n\nDate: 2020-01-01\n\n## Status\n\nSuperseded by [3. New idea](0003-new-idea.md)\n\n## Context\n\nx\n';
      const { item } = read('doc/adr/0002-old-idea.md', text, 'adr-tools');
      assert.strictEqual(item.status, 'superseded');
      assert.strictEqual(item.statusText, 'Superseded by [3. New idea](0003-new-idea.md)');
    });

    it('is recognised in a generic folder by its `# N. Title` and `## Status`', () => {
      const { item } = read('docs/adr/0001-x.md', '# 1. Use X\n\nDate: 2021-05-05\n\n## Status\n\nProposed\n');
      assert.strictEqual(item.format, 'adr-tools');
      assert.strictEqual(item.status, 'proposed');
    });

    it('reads CRLF line ends and a UTF-8 BOM', () => {
      const text = '\ufeff# 4. Markdown format\r\n\r\nDate: 2016-02-12\r\n\r\n## Status\r\n\r\nAccepted\r\n';
      const { item, problems } = read('doc/adr/0004-markdown-format.md', text, 'adr-tools');
      assert.strictEqual(item.title, 'Markdown format');
      assert.strictEqual(item.status, 'accepted');
      assert.strictEqual(item.date, '2016-02-12');
      assert.deepStrictEqual(problems, []);
    });
  });

  describe('MADR', () => {
    it('reads MADR 4 front matter (status, date) and the H1 title', () => {
      // Shape of MADR's template/adr-template.md, filled in.
      const text =
        '---\nstatus: "superseded by ADR-0123"\ndate: 2024-03-01\ndecision-makers: [Ann, Bo]\n---\n\n# Use Plain JUnit5 for advanced test assertions\n\n## Context and Problem Statement\n';
      const { item, problems } = read('docs/decisions/0005-use-junit5.md', text);
      assert.strictEqual(item.format, 'madr');
      assert.strictEqual(item.title, 'Use Plain JUnit5 for advanced test assertions');
      assert.strictEqual(item.status, 'superseded');
      assert.strictEqual(item.statusText, 'superseded by ADR-0123');
      assert.strictEqual(item.date, '2024-03-01');
      assert.deepStrictEqual(problems, []);
    });

    it('keeps a non-canonical status as text only (MADR 0003 "on hold")', () => {
      const text = '---\nparent: Decisions\nnav_order: 3\nstatus: on hold\n---\n# Write Own MADR Tooling\n';
      const { item } = read('docs/decisions/0003-provide-own-madr-tools.md', text);
      assert.strictEqual(item.status, null);
      assert.strictEqual(item.statusText, 'on hold');
      assert.strictEqual(item.date, null);
    });

    it('reads MADR 2.x bullets under the title', () => {
      const text =
        '# Use Markdown Architectural Decision Records\n\n* Status: accepted\n* Deciders: Oliver\n* Date: 2017-12-17\n\n## Context and Problem Statement\n';
      const { item } = read('docs/adr/0000-use-markdown.md', text);
      assert.strictEqual(item.format, 'madr');
      assert.strictEqual(item.status, 'accepted');
      assert.strictEqual(item.date, '2017-12-17');
      assert.strictEqual(item.id, '0000');
    });

    it('lists a document with broken front matter, titled from its file name, with the YAML error line and column', () => {
      const text = '---\nstatus: [accepted\ndate: 2024-01-01\n---\n# Heading\n';
      const { item, problems } = read('docs/decisions/0007-broken-front-matter.md', text);
      assert.strictEqual(item.title, 'Heading');
      assert.strictEqual(problems.length, 1);
      assert.match(problems[0].message, /front matter is not valid YAML/);
      // Where the parser notices: the line after the unclosed `[`, first column.
      assert.deepStrictEqual([problems[0].line, problems[0].column], [3, 1]);
      const quote = read('docs/decisions/0008-x.md', '---\ntitle: x\nstatus: "open\n---\n# X\n').problems[0];
      assert.deepStrictEqual([quote.line, quote.column], [3, 14], 'the end of the unclosed quote');
    });

    it('reports an unclosed front matter fence and a missing title', () => {
      const { item, problems } = read('docs/decisions/0008-no-end.md', '---\nstatus: accepted\n');
      assert.strictEqual(item.title, 'No end');
      assert.deepStrictEqual(
        problems.map((p) => p.message),
        ['front matter is not closed by a `---` line', 'no `# Title` heading; the title is taken from the file name'],
      );
    });

    it('does not take a heading inside a code fence as the title', () => {
      const { item } = read('docs/decisions/0001-fenced.md', '```\n# not this\n```\n\n# Real title\n');
      assert.strictEqual(item.title, 'Real title');
    });
  });

  describe('log4brains', () => {
    const text =
      '# Use Log4brains to manage the ADRs\n\n- Status: draft\n- Date: 2020-12-22\n- Tags: dev-tools, doc\n\n## Context and Problem Statement\n';
    it('reads bullet metadata and keeps the slug as id', () => {
      const { item } = read('docs/adr/20201222-use-log4brains.md', text, 'log4brains');
      assert.strictEqual(item.format, 'log4brains');
      assert.strictEqual(item.id, '20201222-use-log4brains');
      assert.strictEqual(item.status, 'draft');
      assert.strictEqual(item.date, '2020-12-22');
    });
    it('defaults a missing status to accepted and the date to the file name', () => {
      const { item } = read('docs/adr/20210105-no-status.md', '# No status\n\n## Context\n', 'log4brains');
      assert.strictEqual(item.status, 'accepted');
      assert.strictEqual(item.statusText, null);
      assert.strictEqual(item.date, '2021-01-05');
    });
  });

  it('reads our own documents and their declared kind', () => {
    const text = '---\ncareer-kind: rfc\ncareer-schema: 1\nstatus: draft\ndate: 2026-11-21\n---\n\n# Move search to a queue\n';
    const { item } = readDocument({ path: 'docs/rfcs/0001-move-search.md', text, kind: 'rfc', convention: 'generic' });
    assert.strictEqual(item.format, 'career-evidence');
    assert.strictEqual(item.kind, 'rfc');
    assert.strictEqual(item.status, 'draft');
  });
});
