import { CanonicalStatus } from '../../core/evidence/model';
import { StatusInfo, statusInfo } from '../../core/evidence/status';
import { EvidenceSnapshot, SnapshotChange, documentAt } from '../../core/index/snapshot';

// What the status decorations show, computed without VS Code: a letter per file (P proposed, Dr
// draft, R rejected, D deprecated, S superseded; accepted has none), dimmed when the document no
// longer applies, kept up to date from the index's change lists.

/** A file's decoration: the status letter, its tooltip, and whether the file is dimmed. */
export interface StatusBadge {
  letter: string;
  tooltip: string;
  dim: boolean;
}

/** Which files' decorations to ask VS Code for again: all of them, or these (folder root and path). */
export type DecorationRefresh = { all: true } | { all: false; files: { root: string; path: string }[] };

/** The badge of a status, or undefined when it has none (accepted, no status). */
export function statusBadge(status: CanonicalStatus | null | undefined): StatusBadge | undefined {
  const info: StatusInfo | undefined = status ? statusInfo(status) : undefined;
  return info?.badge ? { letter: info.badge.letter, tooltip: info.label, dim: info.badge.dim } : undefined;
}

/**
 * Each document's status by its absolute path (`root` + separator + path): looked up when VS Code
 * asks for a file's decoration. After a full scan every decoration is asked for again, after an
 * edit only those of the files whose status changed.
 */
export class DecorationsModel {
  private byPath = new Map<string, CanonicalStatus>();

  /** @param sep the platform's path separator (`path.sep`). */
  constructor(private readonly sep: string) {}

  /** The decoration of the file at `absolutePath`, if its status has one. */
  badge(absolutePath: string): StatusBadge | undefined {
    return statusBadge(this.byPath.get(absolutePath));
  }

  /** Takes a change of the index; says which decorations to ask for again. */
  apply(change: SnapshotChange): DecorationRefresh {
    if (change.layoutChanged) return this.replaceAll(change.snapshot);
    const files: { root: string; path: string }[] = [];
    for (const key of [...change.added, ...change.changed, ...change.removed]) {
      const folder = change.snapshot.folders.find((f) => f.folder.key === key.folder);
      if (!folder) continue;
      const file = this.absolute(folder.folder.root, key.path);
      const status = documentAt(folder, key.path)?.item.status ?? undefined;
      if (this.byPath.get(file) === status) continue;
      if (status) this.byPath.set(file, status);
      else this.byPath.delete(file);
      files.push({ root: folder.folder.root, path: key.path });
    }
    return { all: false, files };
  }

  private replaceAll(snapshot: EvidenceSnapshot): DecorationRefresh {
    this.byPath = new Map();
    for (const f of snapshot.folders)
      for (const { item } of f.documents) if (item.status) this.byPath.set(this.absolute(f.folder.root, item.path), item.status);
    return { all: true }; // every file: cheaper than naming 10,000 of them
  }

  /** Joined by hand: the index's paths are normal already, and normalising 10,000 of them is not free. */
  private absolute(root: string, rel: string): string {
    return root + this.sep + (this.sep === '/' ? rel : rel.split('/').join(this.sep));
  }
}
