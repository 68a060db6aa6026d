import { withoutTrailers } from './trailers';

/**
 * Cleans a PR description or commit body for a brag entry: removes HTML comments (PR templates'
 * guidance), unchecked checklist items (`- [ ] …`), the `* commit message` bullet lists GitHub
 * puts in squash-merge bodies, `---`-fenced dependabot metadata, and trailers; folds blank lines.
 */
export function cleanDescription(body: string, squash = false): string {
  let text = withoutTrailers(body).replace(/<!--[\s\S]*?-->/g, '');
  const lines = text.split('\n').filter((l) => !/^\s*[-*]\s+\[ \]\s/.test(l));
  text = lines.join('\n');
  if (squash) {
    // GitHub squash bodies: "* first commit\n\n* second commit" — the branch's commit subjects.
    const paragraphs = text.split(/\n\s*\n/).filter((p) => !/^\* \S.*$/.test(p.trim()) || p.includes('\n'));
    text = paragraphs.join('\n\n');
  }
  text = text.replace(/^---\n[\s\S]*?\n\.\.\.\s*$/m, '').replace(/(^|\n)-{3,}\s*$/, '');
  // Trailing blanks removed line by line: `/[ \t]+$/gm` tries every blank of a long run (quadratic).
  return text
    .split('\n')
    .map(trimBlanksEnd)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** `line` without its trailing spaces and tabs; linear in its length. */
function trimBlanksEnd(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return line.slice(0, end);
}
