import { DocumentFormat, EvidenceKind } from '../evidence/model';
import { cleanTitle, datedFileName, nextNumber, numberedFileName, slugify } from '../naming/fileName';
import { KINDS } from '../evidence/kinds';
import { renderTemplate } from '../templates/builtin';
import { RepoTemplate, fillTemplate } from '../templates/overrides';
import { EvidenceFolder, NEW_FOLDER_FOR_KIND } from './layout';

/** What New Design Doc needs to know about the target repository. */
export interface NewDocumentRequest {
  kind: EvidenceKind;
  /** Title as typed; cleaned here (see `cleanTitle`). */
  title: string;
  /** The existing folder for this kind, or null to create the default one (`NEW_FOLDER_FOR_KIND`). */
  folder: EvidenceFolder | null;
  /** File names already in the folder (used for numbering and the collision check). */
  existingNames: readonly string[];
  /**
   * File names of the folder on other local branches and remote-tracking refs (numbering only), so
   * two open pull requests do not take the same number (adr-tools #102, MADR #28).
   */
  otherNames?: readonly string[];
  /** A template the repository provides for this kind, or none for the built-in one. */
  template?: RepoTemplate;
  /** Text selected in the editor, for our templates' `{{selection}}`. */
  selection?: string;
  /** Most common format of the documents already in the folder, or null when it is empty. */
  existingFormat: DocumentFormat | null;
  /**
   * How the folder's documents are laid out: MADR 2.x bullet metadata instead of front matter, and
   * a folder per document (`rfc/0001-title/README.md`).
   */
  style?: { madrBullets?: boolean; folderPerDocument?: boolean };
  /** Local calendar date, `YYYY-MM-DD`. */
  date: string;
  author: string | null;
  /** 0 first; the writer raises it after losing a race for a file name, to take the next number. */
  attempt: number;
}

/** A document ready to be written exclusively at `path` (relative to the root, POSIX). */
export interface NewDocumentPlan {
  folder: string;
  fileName: string;
  path: string;
  /** Number given to the document, or null for date-named log4brains files. */
  number: number | null;
  format: DocumentFormat;
  title: string;
  text: string;
  /** The text with snippet tab stops, when the template has them. */
  snippet: string | null;
  /** Template placeholders left visible. */
  warnings: string[];
}

/**
 * Plans a new document in the repository's own convention: which folder, file name, number and text.
 * Pure. @throws Error `title is empty` for a title with nothing printable.
 */
export function planNewDocument(req: NewDocumentRequest): NewDocumentPlan {
  const title = cleanTitle(req.title);
  const slug = slugify(title);
  const folder = req.folder?.path ?? NEW_FOLDER_FOR_KIND[req.kind];
  const format = chooseFormat(req);
  let fileName: string;
  let number: number | null;
  if (format === 'log4brains') {
    number = null;
    fileName = datedFileName(req.date, slug, req.attempt);
    for (let a = req.attempt; req.existingNames.includes(fileName); a++) fileName = datedFileName(req.date, slug, a + 1);
  } else {
    const numbering = nextNumber([...req.existingNames, ...(req.otherNames ?? [])]);
    number = numbering.next + req.attempt;
    fileName = numberedFileName(number, numbering.width, slug);
    if (req.style?.folderPerDocument) fileName = `${fileName.replace(/\.md$/, '')}/README.md`;
  }
  const values = { title, number, date: req.date, author: req.author };
  const filled = req.template
    ? fillTemplate(req.template, { ...values, selection: req.selection, kind: req.kind }, KINDS[req.kind].initialStatus)
    : { text: renderTemplate(req.kind, format, values, { madrBullets: req.style?.madrBullets }), snippet: null, warnings: [] };
  return { folder, fileName, path: `${folder}/${fileName}`, number, format, title, ...filled };
}

function chooseFormat(req: NewDocumentRequest): DocumentFormat {
  if (req.kind !== 'decision') return 'career-evidence';
  if (req.folder?.convention === 'adr-tools') return 'adr-tools';
  if (req.folder?.convention === 'log4brains') return 'log4brains';
  if (req.existingFormat === 'adr-tools' || req.existingFormat === 'log4brains') return req.existingFormat;
  return 'madr';
}
