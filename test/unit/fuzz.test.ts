import * as assert from 'assert';
import fc from 'fast-check';
import { readFrontMatter } from '../../src/core/documents/frontMatter';
import { readLinks, setStatus } from '../../src/core/documents/lifecycle';
import { readDocument } from '../../src/core/documents/readDocument';
import { CANONICAL_STATUSES, canonicalStatus } from '../../src/core/evidence/status';
import { CanonicalStatus } from '../../src/core/evidence/model';
import { readExposureRules } from '../../src/core/git/exposure';
import { cleanDescription } from '../../src/core/git/description';
import { readMergedChange } from '../../src/core/git/mergeShapes';
import { readRemoteUrl } from '../../src/core/git/remote';
import { readTrailers, withoutTrailers } from '../../src/core/git/trailers';
import { cleanTitle, numberedFileName, slugify } from '../../src/core/naming/fileName';

// Property-based tests of the parsers and writers with fast-check: each property never throws
// where its docstring does not say so, and each run of a property stays under a second.
// FUZZ_RUNS sets the runs per property (1,000 in the test suite; `npm run fuzz` runs 100,000).
const RUNS = Number(process.env.FUZZ_RUNS) || 1000;
/** The suite runs the same cases every time (FUZZ_SEED); `npm run fuzz` draws new ones. */
const SEED = process.env.FUZZ_SEED === 'random' ? undefined : Number(process.env.FUZZ_SEED) || 20261201;
const PER_PROPERTY_MS = Number(process.env.FUZZ_RUNS) > 1000 ? 600_000 : 1000;

/** Markdown-ish text: lines made of the fragments documents are made of, and arbitrary text. */
const fragment = fc.oneof(
  fc.constantFrom(
    '---',
    '...',
    '# ',
    '## Status',
    '## ',
    'Date: ',
    '* Status: ',
    '- Date: ',
    'status: ',
    'date: ',
    'Supersedes ',
    '[',
    '](',
    ')',
    ':',
    '&a ',
    '*a',
    '<!--',
    '-->',
    '```',
    '\t',
    ' ',
    '\r',
    '\u00a0',
    '\ufeff',
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
);
const markdown = fc
  .array(
    fc.array(fragment, { maxLength: 8 }).map((parts) => parts.join('')),
    { maxLength: 12 },
  )
  .map((lines) => lines.join('\n'));
const path = fc.constantFrom('doc/adr/0001-a.md', 'docs/decisions/0002-b.md', 'docs/rfcs/x.md', 'docs/adr/20201222-c.md');

/** Checks `property` with the suite's number of runs, and that it stays within the time budget. */
function check<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void): void {
  const started = Date.now();
  fc.assert(fc.property(arbitrary, predicate), { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) });
  assert.ok(Date.now() - started < PER_PROPERTY_MS, `took ${Date.now() - started} ms`);
}

describe(`fuzzing: parsers and writers (${RUNS} runs per property)`, function () {
  this.timeout(Math.max(20_000, PER_PROPERTY_MS * 2));

  it('readDocument reads any text in any convention: never throws, always a titled item at its path', () => {
    check(
      fc.record({
        text: markdown,
        path,
        kind: fc.constantFrom('decision', 'rfc', 'brag' as const),
        convention: fc.constantFrom('adr-tools', 'log4brains', 'generic' as const),
      }),
      (src) => {
        const r = readDocument(src);
        assert.strictEqual(r.item.path, src.path);
        assert.ok(typeof r.item.title === 'string' && r.item.title.length > 0);
        assert.ok(r.item.status === null || CANONICAL_STATUSES.includes(r.item.status));
      },
    );
  });

  it('readFrontMatter and readLinks never throw', () => {
    check(fc.tuple(markdown, path), ([text, p]) => {
      const lines = text.split('\n');
      const fm = readFrontMatter(lines);
      assert.ok(fm.bodyStart >= 0 && fm.bodyStart <= lines.length);
      for (const l of readLinks({ path: p, text, format: 'madr' }, lines)) assert.ok(typeof l.target === 'string');
    });
  });

  it('canonicalStatus gives a canonical word or null, whatever the text', () => {
    check(fc.string({ maxLength: 300 }), (s) => {
      const status = canonicalStatus(s);
      assert.ok(status === null || CANONICAL_STATUSES.includes(status));
    });
  });

  it('git message readers (trailers, merge shapes, descriptions) never throw', () => {
    check(markdown, (message) => {
      readTrailers(message);
      withoutTrailers(message);
      cleanDescription(message, true);
      const change = readMergedChange({ parents: ['a', 'b'], message });
      assert.ok(['merge', 'squash', 'commit', 'rebase'].includes(change.kind));
      readMergedChange({ parents: ['a'], message });
    });
  });

  it('remote URLs and exposure rules never throw', () => {
    check(fc.string({ maxLength: 200 }), (s) => {
      readRemoteUrl(s);
      readExposureRules(s);
    });
  });

  it('file-name slugs are always safe: no separators, no dot-dot, no control characters, never empty, at most 255 bytes', () => {
    check(fc.string({ unit: 'binary', maxLength: 400 }), (title) => {
      const slug = slugify(title);
      assert.ok(slug.length > 0);
      assert.ok(!/[/\\]|\.\.|^\./.test(slug), slug);
      assert.ok(!/[\u0000-\u001f\u007f]/.test(slug), slug);
      const fileName = numberedFileName(9999999, 4, slug);
      assert.ok(Buffer.byteLength(fileName) <= 255);
      assert.ok(!/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(fileName), `reserved device name ${fileName}`);
      let clean: string | undefined;
      try {
        clean = cleanTitle(title);
      } catch (err) {
        assert.strictEqual((err as Error).message, 'title is empty'); // the one documented error
      }
      if (clean !== undefined) assert.ok(!/[\u0000-\u001f\u007f-\u009f]/.test(clean) && Array.from(clean).length <= 200);
    });
  });

  it('a status edit of an adr-tools record round-trips and changes nothing but the status line', () => {
    const words = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,30}$/);
    const status = fc.constantFrom<CanonicalStatus>('proposed', 'accepted', 'rejected', 'deprecated', 'draft');
    check(
      fc.record({ title: words, context: words, eol: fc.constantFrom('\n', '\r\n'), from: status, to: status }),
      ({ title, context, eol, from, to }) => {
        const text = [
          `# 7. ${title}`,
          '',
          'Date: 2026-01-01',
          '',
          '## Status',
          '',
          from[0].toUpperCase() + from.slice(1),
          '',
          '## Context',
          '',
          context,
          '',
        ].join(eol);
        const after = setStatus({ path: 'doc/adr/0007-x.md', text, format: 'adr-tools' }, to);
        const read = readDocument({ path: 'doc/adr/0007-x.md', text: after, kind: 'decision', convention: 'adr-tools' });
        assert.strictEqual(read.item.status, to);
        const [a, b] = [text.split(eol), after.split(eol)];
        assert.strictEqual(a.length, b.length);
        assert.deepStrictEqual(
          a.map((l, i) => (l === b[i] ? null : i)).filter((i) => i !== null),
          from === to ? (a[6] === b[6] ? [] : [6]) : [6],
        );
      },
    );
  });
});
