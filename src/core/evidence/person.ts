/** People as git and evidence documents write them: `Name <email>`. */

/** A person as git records them (after `.mailmap`). */
export interface Person {
  name: string;
  /** The address between `<` and `>`, as written (may be empty: `Name <>`). */
  email: string;
}

/**
 * Reads `Name <email>` (a git author line, a `Co-authored-by:` trailer, a `decision-makers` entry):
 * the address is the last `<…>` at the end of the text and holds no white space or angle bracket;
 * the name is what stands before it, trimmed. Null when the text does not end with such an address.
 * Linear in the text's length.
 */
export function readPerson(text: string): Person | null {
  const t = text.trim();
  if (!t.endsWith('>')) return null;
  const open = t.lastIndexOf('<');
  if (open < 0) return null;
  const email = t.slice(open + 1, -1);
  if (/[<>\s]/.test(email)) return null;
  return { name: t.slice(0, open).trim(), email };
}
