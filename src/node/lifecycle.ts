import { promises as fs } from 'fs';
import * as path from 'path';
import {
  EditableDocument,
  LinkTarget,
  addLink,
  checkTransition,
  readLinks,
  setStatus,
  supersedesSpelling,
} from '../core/documents/lifecycle';
import { CanonicalStatus, EvidenceItem } from '../core/evidence/model';
import { UserError } from './errors';
import { replaceAtomic } from './fsAtomic';

/** The documents of a scanned folder that edits are planned over: its absolute root and its items (as `ScanResult` and the index's `documentSet` give them). */
export interface DocumentSet {
  root: string;
  items: readonly EvidenceItem[];
}

/** Reads a document's current text: from disk (CLI) or from an editor buffer when open (extension). */
export type TextSource = (absolutePath: string) => Promise<string>;

/** Reads from disk. */
export const readFromDisk: TextSource = (p) => fs.readFile(p, 'utf8');

/** One file's new text, computed but not yet written. */
export interface FileEdit {
  /** Repository-relative POSIX path. */
  path: string;
  absolutePath: string;
  before: string;
  after: string;
}

/** Reverse names of the relations adr-tools and MADR use; others are given as `Forward:Reverse`. */
const REVERSE: Readonly<Record<string, string>> = {
  supersedes: 'Superseded by',
  amends: 'Amended by',
  'relates to': 'Relates to',
  related: 'Relates to',
  'depends on': 'Depended on by',
};

/**
 * Splits a relation as the CLI and adr-tools take it: `Amends`, or `Amends:Amended by` (forward and
 * reverse names, as adr-tools' `-l "5:Amends:Amended by"`).
 */
export function readRelation(spec: string): { forward: string; reverse: string } {
  const [f, r] = spec.split(':').map((s) => s.trim());
  if (!f) throw new UserError('a relation needs a name, e.g. Amends or "Amends:Amended by"');
  return { forward: f, reverse: r || REVERSE[f.toLowerCase()] || `${f} (reverse)` };
}

/**
 * Finds a document by id (`0007`, `7`), file slug, or repository-relative path.
 * @throws UserError when none or several match.
 */
export function findDocument(scan: DocumentSet, ref: string): EvidenceItem {
  const r = ref.trim().replace(/\\/g, '/');
  const byPath = scan.items.filter((i) => i.path === r || i.path.endsWith(`/${r}`));
  if (byPath.length === 1) return byPath[0];
  const n = /^\d+$/.test(r) ? Number(r) : NaN;
  const matches = scan.items.filter(
    (i) => i.id === r || (!Number.isNaN(n) && /^\d+$/.test(i.id) && Number(i.id) === n) || i.path.split('/').pop() === `${r}.md`,
  );
  const decisions = matches.filter((i) => i.kind === 'decision');
  const pick = decisions.length === 1 ? decisions : matches;
  if (pick.length === 1) return pick[0];
  if (pick.length === 0) throw new UserError(`no evidence document "${ref}" under ${scan.root}`);
  throw new UserError(`"${ref}" names several documents (${pick.map((i) => i.path).join(', ')}); give the path`);
}

function target(item: EvidenceItem): LinkTarget {
  return { path: item.path, id: item.id, title: item.title };
}

async function editable(scan: DocumentSet, item: EvidenceItem, read: TextSource): Promise<EditableDocument & { absolutePath: string }> {
  const absolutePath = path.join(scan.root, ...item.path.split('/'));
  return { path: item.path, text: await read(absolutePath), format: item.format, absolutePath };
}

/**
 * Plans a status change in the document's own format.
 * @throws UserError for a transition that is not allowed (see `TRANSITIONS`), or a document whose
 *         format has nowhere to write a status.
 */
export async function planStatusChange(
  scan: DocumentSet,
  item: EvidenceItem,
  status: CanonicalStatus,
  read: TextSource = readFromDisk,
): Promise<FileEdit> {
  const why = checkTransition(item.status, status);
  if (why) throw new UserError(`cannot change ${item.path}: ${why}`);
  if (status === 'superseded')
    throw new UserError('to supersede a document, name its successor (Supersede…, or career-evidence link NEW supersedes OLD)');
  const doc = await editable(scan, item, read);
  try {
    return { path: item.path, absolutePath: doc.absolutePath, before: doc.text, after: setStatus(doc, status) };
  } catch (err) {
    throw new UserError((err as Error).message);
  }
}

/** The documents `item` supersedes, directly or through others (by repository-relative path). */
async function supersededChain(scan: DocumentSet, item: EvidenceItem, read: TextSource): Promise<Set<string>> {
  const seen = new Set<string>();
  const queue = [item];
  while (queue.length > 0) {
    const cur = queue.pop()!;
    const doc = await editable(scan, cur, read).catch(() => null);
    if (!doc) continue;
    for (const l of readLinks(doc)) {
      if (l.relation !== 'supersedes' || seen.has(l.target)) continue;
      seen.add(l.target);
      const next = scan.items.find((i) => i.path === l.target);
      if (next) queue.push(next);
    }
  }
  return seen;
}

/**
 * Plans `newer` superseding `older`: the older document's status becomes superseded with a link
 * to its successor, and the newer one gets a `Supersedes` link back (adr-tools' historical spelling
 * `Supercedes` when the folder already writes it).
 * @throws UserError when a document would supersede itself, when `older` is already superseded, or
 *         when the link would close a cycle.
 */
export async function planSupersede(
  scan: DocumentSet,
  newer: EvidenceItem,
  older: EvidenceItem,
  read: TextSource = readFromDisk,
): Promise<FileEdit[]> {
  if (newer.path === older.path) throw new UserError(`${newer.path} cannot supersede itself`);
  if (older.status === 'superseded') throw new UserError(`${older.path} is already superseded (${older.statusText ?? 'superseded'})`);
  if ((await supersededChain(scan, older, read)).has(newer.path)) {
    throw new UserError(
      `${older.path} already supersedes ${newer.path} (directly or through others): superseding it back would make a cycle`,
    );
  }
  const oldDoc = await editable(scan, older, read);
  const newDoc = await editable(scan, newer, read);
  const folder = older.path.split('/').slice(0, -1).join('/');
  const siblings = await Promise.all(
    scan.items
      .filter((i) => i.format === 'adr-tools' && i.path.startsWith(`${folder}/`))
      .map((i) =>
        editable(scan, i, read).then(
          (d) => d.text,
          () => '',
        ),
      ),
  );
  try {
    return [
      { path: older.path, absolutePath: oldDoc.absolutePath, before: oldDoc.text, after: setStatus(oldDoc, 'superseded', target(newer)) },
      {
        path: newer.path,
        absolutePath: newDoc.absolutePath,
        before: newDoc.text,
        after: addLink(newDoc, supersedesSpelling(siblings), target(older)),
      },
    ];
  } catch (err) {
    throw new UserError((err as Error).message);
  }
}

/**
 * Plans a link `from` —relation→ `to`, written both ways (`Amends` / `Amended by`). A `supersedes`
 * relation is a supersession (see {@link planSupersede}).
 * @throws UserError for a link of a document to itself.
 */
export async function planLink(
  scan: DocumentSet,
  from: EvidenceItem,
  relation: string,
  to: EvidenceItem,
  read: TextSource = readFromDisk,
): Promise<FileEdit[]> {
  const { forward, reverse } = readRelation(relation);
  if (/^super[sc]edes$/i.test(forward)) return planSupersede(scan, from, to, read);
  if (from.path === to.path) throw new UserError(`${from.path} cannot link to itself`);
  const a = await editable(scan, from, read);
  const b = await editable(scan, to, read);
  try {
    return [
      { path: from.path, absolutePath: a.absolutePath, before: a.text, after: addLink(a, forward, target(to)) },
      { path: to.path, absolutePath: b.absolutePath, before: b.text, after: addLink(b, reverse, target(from)) },
    ];
  } catch (err) {
    throw new UserError((err as Error).message);
  }
}

/**
 * Writes planned edits to disk (the CLI's way; the extension applies them as a WorkspaceEdit).
 * Each file is replaced atomically, and only if it still holds the text the edit was planned from,
 * checked first for all of them and again just before each file is replaced.
 * @throws UserError when a file changed in between (nothing of that file is written).
 */
export async function writeEdits(edits: readonly FileEdit[]): Promise<void> {
  for (const e of edits) {
    const now = await fs.readFile(e.absolutePath, 'utf8');
    if (now !== e.before) throw new UserError(`${e.path} changed while it was being edited; nothing written to it`);
  }
  for (const e of edits) await replaceAtomic(e.absolutePath, e.after, { expected: e.before });
}
