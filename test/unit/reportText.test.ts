import * as assert from 'assert';
import { columns, formatScan, formatSuggestions } from '../../src/core/report/text';
import { suggestion } from '../support/suggestion';

describe('text reports', () => {
  it('aligns columns and leaves the last one unpadded', () => {
    assert.deepStrictEqual(
      columns([
        ['1', 'Short', 'x'],
        ['10', 'Longer title', 'y'],
      ]),
      ['  1   Short         x', '  10  Longer title  y'],
    );
  });

  it('groups scan output by kind and lists problems with lines', () => {
    const text = formatScan({
      root: '/r',
      items: [
        {
          kind: 'decision',
          format: 'adr-tools',
          id: '0001',
          title: 'Record decisions',
          status: 'accepted',
          statusText: 'Accepted',
          date: '2016-02-12',
          path: 'doc/adr/0001-record.md',
        },
        {
          kind: 'rfc',
          format: 'career-evidence',
          id: '0001',
          title: 'Queue',
          status: null,
          statusText: 'on hold',
          date: null,
          path: 'docs/rfcs/0001-queue.md',
        },
      ],
      problems: [{ path: 'docs/rfcs/0001-queue.md', line: 3, message: 'front matter is not valid YAML: x' }],
    });
    assert.strictEqual(
      text,
      'Evidence in /r\n\nDecisions (1)\n  0001  Record decisions  accepted  2016-02-12  doc/adr/0001-record.md\n\nRFCs (1)\n  0001  Queue  on hold  —  docs/rfcs/0001-queue.md\n\nProblems (1)\n  docs/rfcs/0001-queue.md:3  front matter is not valid YAML: x\n',
    );
  });

  it('groups suggestions by how they were merged and shows receipts', () => {
    const s = suggestion({
      kind: 'squash',
      title: 'Speed up search',
      pr: { number: 13, provider: 'github', url: null },
      mergedAt: '2026-03-20T10:00:00+01:00',
      files: 1,
      insertions: 2,
      deletions: 0,
    });
    const text = formatSuggestions({ repo: '/r', defaultBranch: 'main', shallow: false, suggestions: [s] }, 'd@x');
    assert.strictEqual(
      text,
      'Merged work in /r (d@x): 1 suggestion\n\nSquash-merged pull requests (1)\n  2026-03-20  #13  Speed up search  +2 −0 in 1 file\n',
    );
  });
});
