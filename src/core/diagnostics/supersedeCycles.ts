import { IndexedDocument } from '../index/snapshot';

/** The most file names a cycle's description lists. */
export const CYCLE_NAMES_SHOWN = 4;

/** An edge "`from` is replaced by `to`", with the line of `from`'s document that says so (or of `to`'s). */
interface Replacement {
  to: string;
  /** The document and 1-based line where the link is written. */
  at: { path: string; line: number | null };
}

/** A document on a supersede cycle, and the cycle it is on. */
export interface SupersedeCycle {
  /** The document's path, and the line of the link that continues the cycle (null when unknown). */
  path: string;
  line: number | null;
  /**
   * The file names around the cycle from this document's, ending with it again, or with `…` after
   * {@link CYCLE_NAMES_SHOWN} names (a cycle through thousands of documents is not spelled out).
   */
  cycle: string[];
  /** How many documents are on the cycle. */
  size: number;
}

/**
 * Documents whose supersede links go round in a circle (A superseded by B, B superseded by A, or A
 * superseding itself): no decision of such a chain is the current one. `superseded-by` links of A to
 * B and `supersedes` links of B to A both say "A is replaced by B"; links to documents not in `docs`
 * are ignored (the missing-link check reports them). Pure; linear in documents and links. Each
 * document on a cycle is reported once, in `docs` order.
 */
export function supersedeCycles(docs: readonly IndexedDocument[]): SupersedeCycle[] {
  const replacedBy = replacements(docs);
  if (replacedBy.size === 0) return [];
  const state = new Map<string, 'open' | 'done'>();
  const onCycle = new Map<string, SupersedeCycle>();
  for (const start of replacedBy.keys()) {
    if (state.has(start)) continue;
    // Iterative depth-first walk: `stack` holds the path from `start` and the next edge of each.
    const stack: { path: string; next: number; line: number | null }[] = [{ path: start, next: 0, line: null }];
    state.set(start, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const edges = replacedBy.get(top.path) ?? [];
      if (top.next >= edges.length) {
        state.set(top.path, 'done');
        stack.pop();
        continue;
      }
      const edge = edges[top.next++];
      top.line = edge.at.path === top.path ? edge.at.line : null;
      const seen = state.get(edge.to);
      if (seen === 'open') markCycle(stack, edge.to, onCycle);
      else if (seen === undefined) {
        state.set(edge.to, 'open');
        stack.push({ path: edge.to, next: 0, line: null });
      }
    }
  }
  return docs.map((d) => onCycle.get(d.item.path)).filter((c): c is SupersedeCycle => c !== undefined);
}

/** "Replaced by" edges between the documents of `docs`, by path. */
function replacements(docs: readonly IndexedDocument[]): Map<string, Replacement[]> {
  const paths = new Set(docs.map((d) => d.item.path));
  const out = new Map<string, Replacement[]>();
  const add = (from: string, edge: Replacement) => {
    if (!paths.has(from) || !paths.has(edge.to)) return;
    const list = out.get(from);
    if (!list) out.set(from, [edge]);
    else if (!list.some((e) => e.to === edge.to)) list.push(edge);
  };
  for (const d of docs) {
    for (const l of d.details?.links ?? []) {
      const at = { path: d.item.path, line: l.line };
      if (l.relation === 'superseded-by') add(d.item.path, { to: l.target, at });
      else if (l.relation === 'supersedes') add(l.target, { to: d.item.path, at });
    }
  }
  return out;
}

/** Records the documents of the stack from `back` (the edge back to an open document) to the top. */
function markCycle(stack: readonly { path: string; line: number | null }[], back: string, onCycle: Map<string, SupersedeCycle>): void {
  const from = stack.findIndex((s) => s.path === back);
  const ring = stack.slice(from);
  const names = ring.map((s) => s.path.split('/').pop() ?? s.path);
  ring.forEach((s, i) => {
    if (onCycle.has(s.path)) return;
    const shown = Math.min(names.length, CYCLE_NAMES_SHOWN);
    const cycle = Array.from({ length: shown }, (_, k) => names[(i + k) % names.length]);
    cycle.push(shown === names.length ? names[i] : '…');
    onCycle.set(s.path, { path: s.path, line: s.line, cycle, size: names.length });
  });
}
