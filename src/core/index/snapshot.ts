import { EvidenceFolder } from '../documents/layout';
import { EVIDENCE_KINDS } from '../evidence/kinds';
import { DocumentDetails, EvidenceItem, Problem, ReadResult } from '../evidence/model';
import { equalData } from './equalData';

/**
 * What the evidence index publishes: immutable snapshots of every indexed folder, each new one
 * with a higher version and a change list saying what differs from the one before. A snapshot is
 * never changed once published — its objects are frozen, its lists are read-only by type (freezing
 * a list of thousands of documents would copy it on every edit) and replaced, never changed: a
 * consumer keeps the one it was handed for as long as it likes, and learns what changed from the
 * change list, never by comparing objects.
 */

/** A folder the index reads: a workspace folder, or the personal journal. */
export interface IndexedFolder {
  /** Identifies the folder across snapshots: the workspace folder's URI as a string. */
  readonly key: string;
  /** Shown when several folders are open; `Journal` for the journal. */
  readonly name: string;
  /** Position among the workspace folders; -1 for the journal. */
  readonly index: number;
  /** Absolute file-system path of the folder. */
  readonly root: string;
}

/** A document of the index with what else it says about itself (the one `{ item, details }` pair). */
export interface IndexedDocument {
  readonly item: EvidenceItem;
  readonly details?: DocumentDetails;
}

/** One folder's documents as of a snapshot. */
export interface FolderSnapshot {
  readonly folder: IndexedFolder;
  /** The evidence folders found (where New Design Doc writes, which folder a changed file is in). */
  readonly layout: readonly EvidenceFolder[];
  /** Documents in scan order: by kind, then path. */
  readonly documents: readonly IndexedDocument[];
  /** What was wrong with documents or configuration files (each document is still listed). */
  readonly problems: readonly Problem[];
}

/** Every indexed folder, in workspace order (the journal last). */
export interface EvidenceSnapshot {
  /** Grows by one with every snapshot published. */
  readonly version: number;
  readonly folders: readonly FolderSnapshot[];
}

/** A document named across folders: the folder's key and the path relative to it (POSIX). */
export interface DocumentKey {
  readonly folder: string;
  readonly path: string;
}

/** What differs between two snapshots. */
export interface SnapshotChange {
  readonly snapshot: EvidenceSnapshot;
  /** The snapshot this one replaces; undefined for the first. */
  readonly previous: EvidenceSnapshot | undefined;
  /**
   * True when anything may differ (the first scan, a rescan, folders or their layout changed): the
   * lists below are then empty and consumers start again from the snapshot.
   */
  readonly layoutChanged: boolean;
  readonly added: readonly DocumentKey[];
  /** Documents read anew that read differently (content, problems or who added them). */
  readonly changed: readonly DocumentKey[];
  readonly removed: readonly DocumentKey[];
}

/** The empty snapshot: what is published before anything was read. */
export const EMPTY_SNAPSHOT: EvidenceSnapshot = Object.freeze({ version: 0, folders: Object.freeze([]) as readonly FolderSnapshot[] });

/**
 * A frozen folder snapshot. It takes the lists it is given as they are: the caller hands over new
 * lists (or those of an earlier snapshot) and changes them no more.
 */
export function folderSnapshot(
  folder: IndexedFolder,
  layout: readonly EvidenceFolder[],
  documents: readonly IndexedDocument[],
  problems: readonly Problem[],
): FolderSnapshot {
  return Object.freeze({ folder: Object.freeze(folder), layout, documents, problems });
}

/** The next snapshot: `folders` under the version after `previous`'s. */
export function nextSnapshot(previous: EvidenceSnapshot, folders: readonly FolderSnapshot[]): EvidenceSnapshot {
  return Object.freeze({ version: previous.version + 1, folders: Object.freeze([...folders]) });
}

/** The change list of a snapshot that replaces everything (first scan, rescan). */
export function fullChange(snapshot: EvidenceSnapshot, previous: EvidenceSnapshot | undefined): SnapshotChange {
  return Object.freeze({ snapshot, previous, layoutChanged: true, added: [], changed: [], removed: [] });
}

/** What reading one changed file gave: its new reading, or that it is gone. */
export type FileReading = { readonly rel: string; readonly result: ReadResult } | { readonly rel: string; readonly result: 'gone' };

const kindOrder = (k: string) => EVIDENCE_KINDS.indexOf(k as never);
/** Document order within a kind: as `localeCompare`, through one collator (many times faster per call). */
const byPath = new Intl.Collator();

/** Scan order of two documents: by kind, then path. */
export function compareDocuments(a: EvidenceItem, b: EvidenceItem): number {
  return kindOrder(a.kind) - kindOrder(b.kind) || byPath.compare(a.path, b.path);
}

/**
 * A folder snapshot with the given files read anew: each reading replaces, adds or removes its
 * document and its problems; a document that reads as before (item, details and problems equal)
 * is left as it was and not reported. Who added a file (git's `added`) is kept across re-reads:
 * an edit does not change it. Returns the same snapshot object when nothing changed.
 */
export function withReadings(
  snapshot: FolderSnapshot,
  readings: readonly FileReading[],
): { snapshot: FolderSnapshot; added: string[]; changed: string[]; removed: string[] } {
  const added: string[] = [];
  const changed: string[] = [];
  const removed: string[] = [];
  let documents: IndexedDocument[] | undefined;
  let problems: Problem[] | undefined;
  for (const reading of readings) {
    const docs = documents ?? snapshot.documents;
    const at = docs.findIndex((d) => d.item.path === reading.rel);
    const problemsBefore = (problems ?? snapshot.problems).filter((p) => p.path === reading.rel);
    if (reading.result === 'gone') {
      if (at < 0 && problemsBefore.length === 0) continue; // never listed (a deleted temporary file)
      documents ??= snapshot.documents.slice();
      problems = (problems ?? snapshot.problems).filter((p) => p.path !== reading.rel);
      if (at >= 0) documents.splice(at, 1);
      removed.push(reading.rel);
      continue;
    }
    const before = at >= 0 ? docs[at] : undefined;
    const gitAdded = before?.details?.added;
    const details = reading.result.details && gitAdded ? { ...reading.result.details, added: gitAdded } : reading.result.details;
    const next: IndexedDocument = details ? { item: reading.result.item, details } : { item: reading.result.item };
    if (before && equalData([before.item, before.details, problemsBefore], [next.item, next.details, reading.result.problems])) continue;
    documents ??= snapshot.documents.slice();
    problems = [...(problems ?? snapshot.problems).filter((p) => p.path !== reading.rel), ...reading.result.problems];
    if (at >= 0) {
      documents[at] = next;
      changed.push(reading.rel);
    } else {
      const insertAt = documents.findIndex((d) => compareDocuments(d.item, next.item) > 0);
      documents.splice(insertAt < 0 ? documents.length : insertAt, 0, next);
      added.push(reading.rel);
    }
  }
  if (!documents && !problems) return { snapshot, added, changed, removed };
  return {
    snapshot: folderSnapshot(snapshot.folder, snapshot.layout, documents ?? snapshot.documents, problems ?? snapshot.problems),
    added,
    changed,
    removed,
  };
}

/** Who added each document, by path: a folder snapshot with `details.added` set from it; the paths whose value changed. */
export function withAdditions(
  snapshot: FolderSnapshot,
  additionOf: (path: string) => { name: string; email: string; date: string } | undefined,
): { snapshot: FolderSnapshot; changed: string[] } {
  const changed: string[] = [];
  let documents: IndexedDocument[] | undefined;
  snapshot.documents.forEach((d, i) => {
    if (!d.details) return;
    const a = additionOf(d.item.path);
    const was = d.details.added;
    if (a ? was && was.name === a.name && was.email === a.email && was.date === a.date : !was) return;
    documents ??= snapshot.documents.slice();
    documents[i] = { item: d.item, details: { ...d.details, added: a && { name: a.name, email: a.email, date: a.date } } };
    changed.push(d.item.path);
  });
  if (!documents) return { snapshot, changed };
  return { snapshot: folderSnapshot(snapshot.folder, snapshot.layout, documents, snapshot.problems), changed };
}

/** The document at `path` (POSIX, relative to the folder) in a folder snapshot, if listed. */
export function documentAt(snapshot: FolderSnapshot, path: string): IndexedDocument | undefined {
  return snapshot.documents.find((d) => d.item.path === path);
}

/** The items of a folder snapshot, for planners that take `{ root, items }` (lifecycle edits). */
export function documentSet(snapshot: FolderSnapshot): { root: string; items: readonly EvidenceItem[] } {
  return { root: snapshot.folder.root, items: snapshot.documents.map((d) => d.item) };
}
