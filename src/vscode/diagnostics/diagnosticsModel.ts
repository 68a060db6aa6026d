import { CheckOptions, DocumentChecks, Finding } from '../../core/diagnostics/checks';
import { EvidenceSnapshot, IndexedFolder, SnapshotChange } from '../../core/index/snapshot';
import { equalData } from '../../core/index/equalData';

// What the Problems panel shows, computed without VS Code: the findings of every indexed
// document, kept up to date from the index's change lists, and published by difference (only the
// files whose findings changed). The VS Code side only turns findings into `Diagnostic`s.

/** A finding as the Problems panel places it: 0-based line and column, to the end of the line. */
export interface DiagnosticData {
  line: number;
  column: number;
  message: string;
  severity: Finding['severity'];
  code: Finding['code'];
  /** For quick fixes: the missing link target, or the duplicate number. */
  data?: string;
}

/** One file's diagnostics to set (an empty list clears the file). */
export interface FileDiagnostics {
  folder: IndexedFolder;
  /** POSIX, relative to the folder. */
  path: string;
  diagnostics: DiagnosticData[];
}

/** A finding placed for the Problems panel (a finding without a line is put on the first). */
export function toDiagnosticData(finding: Finding): DiagnosticData {
  const d: DiagnosticData = {
    line: Math.max(0, (finding.line ?? 1) - 1),
    column: Math.max(0, (finding.column ?? 1) - 1),
    message: finding.message,
    severity: finding.severity,
    code: finding.code,
  };
  if (finding.data !== undefined) d.data = finding.data;
  return d;
}

/**
 * The Problems panel's findings, folder by folder: {@link take} each change list as it comes (the
 * documents it names are checked again; the others keep their findings), then {@link publish} the
 * latest snapshot to learn which files' diagnostics to set. Several changes taken before one
 * publish are checked once.
 */
export class DiagnosticsModel {
  private readonly checks = new Map<string, DocumentChecks>();
  /** What was published, by folder key and path. */
  private published = new Map<string, { folder: IndexedFolder; path: string; findings: Finding[] }>();

  /** @param options the checks' options (today, proposal age), read at each publish. */
  constructor(private readonly options: () => CheckOptions) {}

  /** Takes a change of the index: what it names is checked again at the next publish. */
  take(change: SnapshotChange): void {
    if (change.layoutChanged) {
      this.checks.clear();
      return;
    }
    for (const key of [...change.added, ...change.changed, ...change.removed]) this.checks.get(key.folder)?.forget([key.path]);
  }

  /** Checks `snapshot` and returns the files whose diagnostics differ from those published last, in folder then path order. */
  publish(snapshot: EvidenceSnapshot): FileDiagnostics[] {
    const opts = this.options();
    const next = new Map<string, { folder: IndexedFolder; path: string; findings: Finding[] }>();
    for (const f of snapshot.folders) {
      let checks = this.checks.get(f.folder.key);
      if (!checks) this.checks.set(f.folder.key, (checks = new DocumentChecks()));
      for (const finding of checks.check(f.documents, f.problems, opts)) {
        const key = `${f.folder.key}\n${finding.path}`;
        const entry = next.get(key);
        if (entry) entry.findings.push(finding);
        else next.set(key, { folder: f.folder, path: finding.path, findings: [finding] });
      }
    }
    for (const key of this.checks.keys()) if (!snapshot.folders.some((f) => f.folder.key === key)) this.checks.delete(key);
    const out: FileDiagnostics[] = [];
    for (const [key, entry] of next) {
      const before = this.published.get(key);
      if (!before || !sameFindings(before.findings, entry.findings))
        out.push({ folder: entry.folder, path: entry.path, diagnostics: entry.findings.map(toDiagnosticData) });
    }
    for (const [key, { folder, path }] of this.published) if (!next.has(key)) out.push({ folder, path, diagnostics: [] });
    this.published = next;
    return out;
  }
}

/** Same findings: the very objects (the checks keep those of unchanged documents), or equal ones. */
function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i] || equalData(x, b[i]));
}
