/**
 * Conventional Commits (conventionalcommits.org 1.0) prefixes: `type(scope)!: description`.
 * The type becomes a brag-document category; the prefix is removed from titles.
 */

/** Categories of merged work, from conventional-commit types; `other` when none applies. */
export type Category = 'feature' | 'fix' | 'performance' | 'refactor' | 'docs' | 'ci' | 'build' | 'chore' | 'test' | 'other';

const TYPES: Readonly<Record<string, Category>> = {
  feat: 'feature',
  feature: 'feature',
  fix: 'fix',
  bugfix: 'fix',
  perf: 'performance',
  refactor: 'refactor',
  docs: 'docs',
  doc: 'docs',
  ci: 'ci',
  build: 'build',
  deps: 'build',
  chore: 'chore',
  test: 'test',
  tests: 'test',
};

const PREFIX = /^([A-Za-z]+)(?:\(([^)]*)\))?(!)?:\s+(.+)$/;

/** Splits a conventional-commit title: `feat(api)!: add x` → feature, `add x`, breaking. */
export function readConventionalTitle(title: string): { category: Category; title: string; breaking: boolean; scope: string | null } {
  const m = PREFIX.exec(title.trim());
  const category = m ? TYPES[m[1].toLowerCase()] : undefined;
  if (!m || !category) return { category: 'other', title: title.trim(), breaking: false, scope: null };
  const rest = m[4].trim();
  return { category, title: rest.charAt(0).toUpperCase() + rest.slice(1), breaking: m[3] === '!', scope: m[2] ?? null };
}
