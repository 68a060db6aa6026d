import { Heading, sectionOf } from '../documents/markdown';
import { hasMeasurableNumber } from '../report/measurable';

/** The four parts of a STAR story, in order. */
export const STAR_PARTS = ['situation', 'task', 'action', 'result'] as const;
/** One part of a STAR story. */
export type StarPart = (typeof STAR_PARTS)[number];

/**
 * The default texts of the STAR story snippet (`snippets/markdown.json`) and of the story template
 * (`templates/builtin.ts`, the `{…}` lines): a part that holds only one of these is still to write.
 * A unit test keeps this list and the snippet in step.
 */
export const STAR_PLACEHOLDERS: readonly string[] = [
  'context, scale, constraints',
  'what you were responsible for',
  'what you did — your decisions and tradeoffs',
  'what changed, with a number',
];

/** What a story has and lacks: the parts missing or still placeholders, and whether the Result measures. */
export interface StoryParts {
  /** Parts with no text of their own yet, in STAR order. */
  missing: StarPart[];
  /** True when the Result states a number that is not a date, version or quarter label. */
  resultHasNumber: boolean;
}

/**
 * Reads a STAR story: each part as a heading (`## Situation`) or a bold label (`**Situation:** …`,
 * `**Situation**: …`, the snippet's form, up to the next label or heading). A part is missing when
 * it is absent, empty, or only a placeholder (`{…}`, `<…>`, `TODO`, `TBD`, `…`, or a default text
 * of {@link STAR_PLACEHOLDERS}). Pure.
 * @param lines the document's lines; @param outline its headings (`headings(lines)`).
 */
export function readStoryParts(lines: readonly string[], outline: readonly Heading[]): StoryParts {
  const labelled = boldLabelParts(lines);
  const text = (part: StarPart): string => {
    const section = sectionOf(lines, outline, part[0].toUpperCase() + part.slice(1));
    const own = section ? section.map((l) => l.text).join('\n') : '';
    return (own.trim() ? own : (labelled.get(part) ?? '')).trim();
  };
  const parts = new Map(STAR_PARTS.map((p) => [p, text(p)]));
  const missing = STAR_PARTS.filter((p) => isPlaceholder(parts.get(p) ?? ''));
  const result = parts.get('result') ?? '';
  return { missing, resultHasNumber: !isPlaceholder(result) && hasMeasurableNumber(result) };
}

const LABEL = /^\s*\*\*(situation|task|action|result)\s*(?::\s*\*\*|\*\*\s*:)\s?(.*)$/i;

/** Parts written as the snippet writes them: `**Situation:** text`, continued until the next label or heading. */
function boldLabelParts(lines: readonly string[]): Map<StarPart, string> {
  const out = new Map<StarPart, string>();
  let current: StarPart | null = null;
  for (const line of lines) {
    const m = LABEL.exec(line);
    if (m) {
      current = m[1].toLowerCase() as StarPart;
      out.set(current, m[2]);
    } else if (/^\s{0,3}#{1,6}\s/.test(line)) current = null;
    else if (current) out.set(current, `${out.get(current)}\n${line}`);
  }
  return out;
}

function isPlaceholder(text: string): boolean {
  const t = text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\{[^{}]*\}|<[^<>]*>/g, '')
    .trim();
  if (!t || /^(todo|tbd|…|\.\.\.)$/i.test(t)) return true;
  return STAR_PLACEHOLDERS.includes(t.toLowerCase());
}
