/**
 * "Quantify everything": does a result state a number? One detector for every report — a brag
 * entry's impact (`(impact needs a number)`) and a STAR story's Result (ready or incomplete).
 */

/**
 * Numbers that measure nothing, removed before looking for a digit: template placeholders
 * (`{…}`), dates (`2026-03-05`, `2026/03`, `5 March 2026`, `Mar 5, 2026`), quarter labels (`2026-Q3`,
 * `Q3 2026`, `Q3`), versions (`v2`, `v1.4`, `1.4.2`), times of day (`10:30`), issue and PR numbers
 * (`#123`, `!45`) and ordinals of a list (`1.` at the start of a line). Each pattern is linear.
 */
const NOT_MEASURES: readonly RegExp[] = [
  /\{[^{}]*\}/g,
  /\b\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?\b/g,
  /\b\d{4}\/\d{1,2}(\/\d{1,2})?\b/g,
  /\b\d{1,2}(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b/gi,
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}(st|nd|rd|th)?,?\s+)?\d{4}\b/gi,
  /\b\d{4}-?Q[1-4]\b/gi,
  /\b[QH][1-4](\s+\d{4})?\b/g,
  /\bv\d+(\.\d+)*\b/gi,
  /\b\d+\.\d+\.\d+(\.\d+)*\b/g,
  /\b\d{1,2}:\d{2}\b/g,
  /[#!]\d+\b/g,
  /^\s*\d+[.)]\s/gm,
];

/**
 * True when `text` states a number that measures something ("p99 from 800 ms to 200 ms", "3
 * hires", "40%", "1.5× faster"), once dates, versions, quarter labels and the other numbers of
 * {@link NOT_MEASURES} are taken out. Pure; linear in the text.
 */
export function hasMeasurableNumber(text: string): boolean {
  let rest = text;
  for (const pattern of NOT_MEASURES) rest = rest.replace(pattern, ' ');
  return /\d/.test(rest);
}
