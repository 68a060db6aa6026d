import * as assert from 'assert';
import { cleanTitle, datedFileName, nextNumber, numberedFileName, slugify } from '../../src/core/naming/fileName';

describe('cleanTitle and slugify', () => {
  const hostile: [string, string][] = [
    ['../../x', 'x'],
    ['a/b', 'a-b'],
    ['..\\..\\windows\\system32', 'windows-system32'],
    ['line\nbreak\tand\u0000nul\u202Ebidi', 'line-break-and-nul-bidi'],
    ['Café à la crème', 'cafe-a-la-creme'],
    ['....', 'untitled'],
    ['日本語のタイトル', 'untitled'],
    ['Use \u001b[1;31mred\u001b[0m and \u001b]0;pwned\u0007links \u001b]8;;http://x\u001b\\ok', 'use-red-and-links-ok'],
  ];
  for (const [title, slug] of hostile) {
    it(`${JSON.stringify(title)} → ${slug}`, () => assert.strictEqual(slugify(cleanTitle(title)), slug));
  }

  it('cuts a 300-character title to a slug of at most 60 characters at a word boundary', () => {
    const title = 'word '.repeat(60);
    const slug = slugify(cleanTitle(title));
    assert.ok(slug.length <= 60, `${slug.length}`);
    assert.ok(!slug.endsWith('-'));
    assert.match(slug, /^(word-)*word$/);
  });

  it('keeps at most 200 characters of a title and strips control characters', () => {
    assert.strictEqual(cleanTitle('x'.repeat(300)).length, 200);
    assert.strictEqual(cleanTitle('  a\u0007b  '), 'a b');
  });

  it('refuses an empty title', () => {
    assert.throws(() => cleanTitle(' \u0000\n '), /title is empty/);
  });
});

describe('numbering', () => {
  it("takes the highest number + 1 and the folder's padding", () => {
    assert.deepStrictEqual(nextNumber(['0001-a.md', '0009-b.md', 'README.md', 'template.md']), { next: 10, width: 4 });
    assert.deepStrictEqual(nextNumber(['001-a.md', '002-b.md']), { next: 3, width: 3 });
    // Past 9999999 the numbering widens, and a widened number counts for the next one.
    assert.deepStrictEqual(nextNumber(['9999999-last.md']).next, 10000000);
    assert.deepStrictEqual(nextNumber(['9999999-last.md', '10000000-first.md']).next, 10000001);
    // log4brains dates are not numbers.
    assert.deepStrictEqual(nextNumber(['0003-c.md', '20201222-use-log4brains.md']).next, 4);
    assert.deepStrictEqual(nextNumber([]), { next: 1, width: 4 });
  });
  it('ignores log4brains date prefixes', () => {
    assert.deepStrictEqual(nextNumber(['20201222-use-log4brains.md']), { next: 1, width: 4 });
  });
  it('builds file names', () => {
    assert.strictEqual(numberedFileName(7, 4, 'use-postgres'), '0007-use-postgres.md');
    assert.strictEqual(datedFileName('2026-11-21', 'x', 0), '20261121-x.md');
    assert.strictEqual(datedFileName('2026-11-21', 'x', 1), '20261121-x-2.md');
  });
});
