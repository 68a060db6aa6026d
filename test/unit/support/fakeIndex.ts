import { readDocument } from '../../../src/core/documents/readDocument';
import { EvidenceKind } from '../../../src/core/evidence/model';
import {
  DocumentKey,
  EMPTY_SNAPSHOT,
  EvidenceSnapshot,
  FolderSnapshot,
  IndexedDocument,
  IndexedFolder,
  SnapshotChange,
  folderSnapshot,
  fullChange,
  nextSnapshot,
} from '../../../src/core/index/snapshot';

/**
 * An in-memory evidence index for view-model tests: folders of documents read from text, and the
 * snapshots and change lists the real index publishes (what the views consume), without files.
 */
export class FakeIndex {
  private current: EvidenceSnapshot = EMPTY_SNAPSHOT;
  private readonly folders = new Map<string, { folder: IndexedFolder; docs: Map<string, IndexedDocument> }>();

  /** Adds a workspace folder (or, with index -1, the journal) with documents `{ path: text }`. */
  folder(name: string, files: Record<string, string>, index = this.folders.size, kind: EvidenceKind = 'decision'): IndexedFolder {
    const folder: IndexedFolder = { key: `file:///ws/${name}`, name, index, root: `/ws/${name}` };
    const docs = new Map<string, IndexedDocument>();
    for (const [path, text] of Object.entries(files)) docs.set(path, read(path, text, kind));
    this.folders.set(folder.key, { folder, docs });
    return folder;
  }

  /** The first snapshot (a full scan). */
  scan(): SnapshotChange {
    const previous = this.current.version > 0 ? this.current : undefined;
    this.current = nextSnapshot(this.current, this.snapshots());
    return fullChange(this.current, previous);
  }

  /** The snapshot as last published. */
  scanSnapshot(): EvidenceSnapshot {
    return this.current;
  }

  /** Writes (or, with `null`, deletes) documents of a folder, and publishes the change list. */
  edit(folder: IndexedFolder, files: Record<string, string | null>, kind: EvidenceKind = 'decision'): SnapshotChange {
    const entry = this.folders.get(folder.key)!;
    const added: DocumentKey[] = [];
    const changed: DocumentKey[] = [];
    const removed: DocumentKey[] = [];
    for (const [path, text] of Object.entries(files)) {
      const key = { folder: folder.key, path };
      if (text === null) {
        entry.docs.delete(path);
        removed.push(key);
      } else {
        (entry.docs.has(path) ? changed : added).push(key);
        entry.docs.set(path, read(path, text, kind));
      }
    }
    const previous = this.current;
    this.current = nextSnapshot(previous, this.snapshots());
    return Object.freeze({ snapshot: this.current, previous, layoutChanged: false, added, changed, removed });
  }

  private snapshots(): FolderSnapshot[] {
    return [...this.folders.values()].map(({ folder, docs }) =>
      folderSnapshot(
        folder,
        [],
        [...docs.values()].sort((a, b) => a.item.path.localeCompare(b.item.path)),
        [],
      ),
    );
  }
}

function read(path: string, text: string, kind: EvidenceKind): IndexedDocument {
  const r = readDocument({ path, text, kind, convention: 'generic' });
  return r.details ? { item: r.item, details: r.details } : { item: r.item };
}

/** An ADR in MADR 4 front matter. */
export function adr(title: string, status: string, date = '2026-02-03', extra = ''): string {
  return `---\nstatus: ${status}\ndate: ${date}\n${extra}---\n# ${title}\n`;
}
