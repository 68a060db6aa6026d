import { Suggestion } from '../../src/core/git/suggestions';

/** A suggestion with plausible defaults, for tests of code that consumes suggestions. */
export function suggestion(over: Partial<Suggestion> = {}): Suggestion {
  return {
    sha: 'a'.repeat(40),
    kind: 'merge',
    title: 'Add export to CSV',
    description: 'Finance can export invoices.',
    descriptionSource: 'message',
    pr: { number: 12, provider: 'github', url: 'https://github.com/acme/shop/pull/12' },
    category: 'feature',
    author: { name: 'Dana Developer', email: 'dana@example.com' },
    coAuthors: [],
    mergedBy: null,
    reviewers: [],
    helpers: [],
    mergedAt: '2026-03-05T16:30:00+01:00',
    authoredAt: '2026-03-01T14:00:00+01:00',
    reviewLatencyHours: 98.5,
    latencyEstimated: false,
    tags: [],
    files: 2,
    insertions: 2,
    deletions: 0,
    paths: ['src/export.ts', 'src/export.test.ts'],
    commits: ['a'.repeat(40)],
    changeId: null,
    ...over,
  };
}
