import { CanonicalStatus, DocumentDetails, EvidenceItem, EvidenceKind } from '../../core/evidence/model';
import { IndexedFolder } from '../../core/index/snapshot';
import { Suggestion } from '../../core/git/suggestions';

// The rows of the Evidence view, as `EvidenceTreeModel` makes them: plain data (a document row is
// a thin view of its document), no `vscode`; `EvidenceTreeProvider` maps them to `TreeItem`s.

/** A document of a snapshot as the view lists it: with its folder. */
export interface ListedDocument {
  readonly item: EvidenceItem;
  readonly details?: DocumentDetails;
  readonly folder: IndexedFolder;
}

/** How a row opens: not at all, or collapsed or expanded at first. */
export type Collapsible = 'none' | 'collapsed' | 'expanded';

/** A file of the index, as a row points at it (the provider makes the URI). */
export interface RowResource {
  readonly folder: IndexedFolder;
  readonly path: string;
}

interface RowBase {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly collapsible: Collapsible;
  /** A codicon name. */
  readonly icon?: string;
  /** The `viewItem` of menus' `when` clauses. */
  readonly contextValue: string;
}

/** A group of documents (Decisions, 2026-Q1, Proposed, a tag). */
export interface GroupRow extends RowBase {
  readonly type: 'group';
  readonly key: string;
  members: ListedDocument[];
  /** Its document rows, made on first expansion. */
  children?: DocumentRow[];
}

/**
 * A document in a group. Expanding a large group makes thousands of rows at once while VS Code
 * shows a few dozen, so a row is a thin view of its listed document: its id, label and description
 * are made when first read, and made again after the document changes.
 */
export class DocumentRow implements RowBase {
  readonly type = 'document';
  readonly contextValue: string;
  /** The file the row opens: the same for the row's life (a row is one document's, at one path). */
  readonly resource: RowResource;
  /** Rows of the document's links, made on first expansion; set back to undefined by the model when its links change. */
  links?: LinkRow[];
  private current: ListedDocument;
  private description_: string | undefined;

  constructor(
    doc: ListedDocument,
    /** Key of the group the row is in (a document can be in two groups when grouped by tag). */
    readonly groupKey: string,
    /** The folder's name, shown when several workspace folders are open. */
    private readonly folderName: string | undefined,
    /**
     * Show the status as the icon (when the view groups by kind, the group says the kind): a long
     * title pushes the description, where the status is written, out of a narrow sidebar.
     */
    private readonly statusIcon = false,
  ) {
    this.current = doc;
    this.contextValue = `document.${doc.item.kind}`;
    this.resource = { folder: doc.folder, path: doc.item.path };
  }

  /** The listed document the row shows; setting it (after an edit) makes the row describe it anew. */
  get doc(): ListedDocument {
    return this.current;
  }

  set doc(doc: ListedDocument) {
    this.current = doc;
    this.description_ = undefined;
  }

  get id(): string {
    return `doc:${this.groupKey}:${this.current.folder.key}:${this.current.item.path}`;
  }

  get label(): string {
    return this.current.item.title;
  }

  get icon(): string {
    const { kind, status } = this.current.item;
    return this.statusIcon && status ? STATUS_ICONS[status] : KIND_ICONS[kind];
  }

  get description(): string {
    if (this.description_ === undefined) {
      const { item } = this.current;
      let description = item.status ?? item.statusText ?? '';
      if (item.date) description = description ? `${description} · ${item.date}` : item.date;
      if (this.folderName) description = description ? `${description} · ${this.folderName}` : this.folderName;
      this.description_ = description;
    }
    return this.description_;
  }

  get collapsible(): Collapsible {
    return (this.current.details?.links.length ?? 0) > 0 ? 'collapsed' : 'none';
  }
}

/** A link of a document (supersedes, superseded by, amends…). */
export interface LinkRow extends RowBase {
  readonly type: 'link';
  readonly parent: DocumentRow;
  readonly relation: string;
  readonly resource: RowResource;
  readonly exists: boolean;
}

/** The Suggestions group: its description is the number of suggestions shown (set when the list changes). */
export interface SuggestionsRow extends RowBase {
  readonly type: 'suggestions';
  description?: string;
}

/**
 * A group of suggestions under Suggestions: a quarter of merge or a category, or Maintenance
 * (sync merges, releases and version bumps, collapsed).
 */
export interface SuggestionGroupRow extends RowBase {
  readonly type: 'suggestionGroup';
  readonly rows: readonly SuggestionRow[];
}

/** A row that runs a command when clicked (set your identities, manage workspace trust, show all history). */
export interface ActionRow extends RowBase {
  readonly type: 'action';
  readonly command: string;
  readonly arguments?: readonly unknown[];
  readonly tooltip?: string;
}

/** A brag-entry suggestion. */
export interface SuggestionRow extends RowBase {
  readonly type: 'suggestion';
  readonly folderUri: string;
  readonly suggestion: Suggestion;
}

/** A line of a suggestion's details. */
export interface DetailRow extends RowBase {
  readonly type: 'detail';
  tooltip?: string;
}

/** A line of text (why there is nothing to show). */
export interface MessageRow extends RowBase {
  readonly type: 'message';
}

/** The Benchmark group: the quarterly evidence benchmark of the quarter shown. */
export interface BenchmarkRow extends RowBase {
  readonly type: 'benchmark';
}

/** One form of the benchmark (or glue work): its figure, its gap, and its receipts as children. */
export interface BenchmarkFormRow extends RowBase {
  readonly type: 'benchmarkForm';
  readonly form: string;
  /** The whole figure, and the gap with its next step when the form is below its target. */
  readonly tooltip: string;
  readonly receipts: readonly (ReceiptRow | IdentityRow)[];
}

/** An address that commits under one of the user's names but is not theirs: one click adds it to their identities. */
export interface IdentityRow extends RowBase {
  readonly type: 'identity';
  readonly email: string;
}

/** A receipt of a form: what opens it (a file, a pull request's page), or nothing to open. */
export interface ReceiptRow extends RowBase {
  readonly type: 'receipt';
  /** Absolute path of the document or journal entry it is. */
  readonly file?: string;
  /** The pull request's web address. */
  readonly url?: string;
  readonly tooltip: string;
}

/** A row of the Evidence view. */
export type TreeRow =
  | GroupRow
  | DocumentRow
  | LinkRow
  | SuggestionsRow
  | SuggestionRow
  | DetailRow
  | MessageRow
  | BenchmarkRow
  | BenchmarkFormRow
  | ReceiptRow
  | IdentityRow
  | SuggestionGroupRow
  | ActionRow;

/** Codicons of how a change landed (suggestion rows, benchmark receipts). */
export const CHANGE_ICONS = { merge: 'git-merge', squash: 'git-pull-request', rebase: 'git-pull-request', commit: 'git-commit' } as const;

/** Codicons of the canonical statuses (document rows, when grouped by kind). */
const STATUS_ICONS: Readonly<Record<CanonicalStatus, string>> = {
  proposed: 'circle-large-outline',
  draft: 'edit',
  accepted: 'pass-filled',
  rejected: 'circle-slash',
  deprecated: 'warning',
  superseded: 'arrow-right',
};

const KIND_ICONS: Readonly<Record<EvidenceKind, string>> = {
  decision: 'law',
  rfc: 'comment-discussion',
  design: 'symbol-structure',
  tradeoff: 'checklist',
  postmortem: 'flame',
  log: 'notebook',
  growth: 'rocket',
  brag: 'star-full',
  star: 'mortar-board',
};
