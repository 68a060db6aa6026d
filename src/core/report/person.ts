import { Person } from '../evidence/person';

/**
 * Who a report is for: e-mail addresses (git's, `.mailmap`'s, the journal's and settings'
 * identities), names, and hosting handles (`@dana`, for CODEOWNERS and document people lists).
 */
export interface ReportPerson {
  emails: readonly string[];
  /** Display names (`user.name`, and names seen with the person's addresses). */
  names: readonly string[];
  /** Handles without the `@`. */
  handles: readonly string[];
}

/** Answers "is this the report's person?" for addresses, names, handles and free text, case-insensitively. */
export class PersonMatcher {
  private readonly emails: ReadonlySet<string>;
  private readonly names: ReadonlySet<string>;
  private readonly handles: ReadonlySet<string>;

  constructor(person: ReportPerson) {
    this.emails = new Set(person.emails.map(foldName));
    this.names = new Set(person.names.map(foldName).filter(Boolean));
    this.handles = new Set(person.handles.map((h) => foldName(h.replace(/^@/, ''))).filter(Boolean));
  }

  /** The person's e-mail addresses, lower case. */
  get addresses(): string[] {
    return [...this.emails];
  }

  isEmail(email: string | null | undefined): boolean {
    return !!email && this.emails.has(foldName(email));
  }

  is(p: Person | null | undefined): boolean {
    return !!p && this.isEmail(p.email);
  }

  /**
   * True when a written name means the person: an address (`dana@example.com`, `Dana <dana@…>`),
   * a handle (`@dana`) or a full name (`Dana Developer`), as document people lists write them.
   */
  isNamed(text: string): boolean {
    const t = foldName(text);
    const email = /<([^<>\s]+@[^<>\s]+)>|^([^<>\s]+@[^<>\s]+)$/.exec(t);
    if (email) return this.emails.has(email[1] ?? email[2]);
    if (t.startsWith('@')) return this.handles.has(t.slice(1));
    return this.names.has(t) || this.handles.has(t);
  }

  /** True when the text of a CODEOWNERS line names the person: `@handle` or an address among its owners. */
  ownsIn(line: string): boolean {
    const owners = line.trim().split(/\s+/).slice(1);
    return owners.some((o) => (o.startsWith('@') ? this.handles.has(foldName(o.slice(1))) : this.emails.has(foldName(o))));
  }
}

/** A name, address or handle as compared: white space folded, lower case. */
export function foldName(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}
