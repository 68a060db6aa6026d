import { CanonicalStatus, EvidenceKind } from './model';

/** What each kind of evidence document is, where it lives by default and how it starts. */
export interface KindInfo {
  /** Singular label, as offered by New Design Doc. */
  label: string;
  /** Group label in the tree and reports. */
  plural: string;
  /** One line for pickers and help. */
  description: string;
  /** Folder New Design Doc writes to when the repository has none for this kind (POSIX, repo-relative). */
  newFolder: string;
  /** Folders scanned for this kind when no configuration names one, most specific first. */
  scanFolders: readonly string[];
  /** Status a new document starts with. */
  initialStatus: CanonicalStatus;
  /** Kept in the personal journal (outside repositories), not offered by New Design Doc. */
  journal?: boolean;
  /** How a count of them reads in running text: one, many (`1 decision record`, `2 RFCs`). */
  counted: readonly [string, string];
}

/** The kinds, in the order they are offered and grouped. */
export const KINDS: Readonly<Record<EvidenceKind, KindInfo>> = {
  decision: {
    label: 'ADR',
    plural: 'Decisions',
    description: 'Architecture decision record, in the repo’s ADR convention (adr-tools, MADR, log4brains)',
    newFolder: 'docs/decisions',
    scanFolders: [],
    initialStatus: 'proposed',
    counted: ['decision record', 'decision records'],
  },
  rfc: {
    label: 'RFC',
    plural: 'RFCs',
    description: 'Request for comments: a proposal others review before it is built',
    newFolder: 'docs/rfcs',
    scanFolders: ['docs/rfcs', 'rfcs/text', 'rfcs', 'rfc'],
    initialStatus: 'draft',
    counted: ['RFC', 'RFCs'],
  },
  design: {
    label: 'Design doc',
    plural: 'Design docs',
    description: 'Context, goals and non-goals, the design, alternatives, cross-cutting concerns, risks',
    newFolder: 'docs/design',
    scanFolders: ['docs/design', 'docs/designs', 'design'],
    initialStatus: 'draft',
    counted: ['design doc', 'design docs'],
  },
  tradeoff: {
    label: 'Tradeoff note',
    plural: 'Tradeoff notes',
    description: 'Options scored on impact, effort, reusability and learnings',
    newFolder: 'docs/tradeoffs',
    scanFolders: ['docs/tradeoffs'],
    initialStatus: 'proposed',
    counted: ['tradeoff note', 'tradeoff notes'],
  },
  postmortem: {
    label: 'Postmortem',
    plural: 'Postmortems',
    description: 'Blameless incident review: impact, timeline, root cause, action items with owners',
    newFolder: 'docs/postmortems',
    scanFolders: ['docs/postmortems', 'postmortems'],
    initialStatus: 'draft',
    counted: ['postmortem', 'postmortems'],
  },
  log: {
    label: 'Engineering log entry',
    plural: 'Engineering log',
    description: '“I proposed X; it did not move because Y; so I did Z” — with date and links',
    newFolder: 'docs/engineering-log',
    scanFolders: ['docs/engineering-log'],
    initialStatus: 'accepted',
    counted: ['engineering-log entry', 'engineering-log entries'],
  },
  growth: {
    label: 'Growth card',
    plural: 'Growth cards',
    description: 'Goal, key concepts, plan, metrics of success and post-mortem notes, on a 90-day horizon',
    newFolder: 'docs/growth',
    scanFolders: ['docs/growth'],
    initialStatus: 'proposed',
    counted: ['growth card', 'growth cards'],
  },
  brag: {
    label: 'Brag entry',
    plural: 'Brag document',
    description: 'What you did and the result it changed, with receipts — accepted from your merged work',
    newFolder: 'brag',
    scanFolders: [],
    initialStatus: 'accepted',
    journal: true,
    counted: ['brag entry', 'brag entries'],
  },
  star: {
    label: 'STAR story',
    plural: 'Interview stories',
    description: 'Situation, Task, Action, Result — an interview-ready story',
    newFolder: 'stories',
    scanFolders: [],
    initialStatus: 'draft',
    journal: true,
    counted: ['STAR story', 'STAR stories'],
  },
};

/** Every kind, in display order. */
export const EVIDENCE_KINDS = Object.keys(KINDS) as EvidenceKind[];

/** True for a kind name (`career-kind` front matter, CLI arguments). */
export function isEvidenceKind(v: unknown): v is EvidenceKind {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(KINDS, v);
}

/** Reads a kind as users type it: `adr`, `ADR`, `design-doc`, `tradeoff-note`, `eng-log` … */
export function parseKind(text: string): EvidenceKind | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  const aliases: Record<string, EvidenceKind> = {
    adr: 'decision',
    decision: 'decision',
    rfc: 'rfc',
    design: 'design',
    'design-doc': 'design',
    tradeoff: 'tradeoff',
    'tradeoff-note': 'tradeoff',
    postmortem: 'postmortem',
    'post-mortem': 'postmortem',
    log: 'log',
    'eng-log': 'log',
    'engineering-log': 'log',
    'engineering-log-entry': 'log',
    growth: 'growth',
    'growth-card': 'growth',
    star: 'star',
    'star-story': 'star',
  };
  return aliases[t] ?? null;
}

/** `n` documents of `kind` in running text: `1 decision record`, `3 RFCs`. */
export function countOf(kind: EvidenceKind, n: number): string {
  return `${n} ${KINDS[kind].counted[n === 1 ? 0 : 1]}`;
}
