import { CanonicalStatus } from './model';

const CANONICAL: readonly CanonicalStatus[] = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded', 'draft'];

/**
 * Maps a status as written to its canonical lower-case word, or null.
 * Reads the leading word only, so `"Superseded by [3. X](0003-x.md)"` and MADR 4's
 * `"superseded by ADR-0123"` are `superseded`; adr-tools' historical misspelling
 * `"Superceded"` is accepted too. `"on hold"` and other words give null.
 */
export function canonicalStatus(text: string | null | undefined): CanonicalStatus | null {
  if (!text) return null;
  const word = /^[\s*_`]*([A-Za-z]+)/.exec(text)?.[1]?.toLowerCase();
  if (!word) return null;
  if (word === 'superceded') return 'superseded';
  return (CANONICAL as readonly string[]).includes(word) ? (word as CanonicalStatus) : null;
}
