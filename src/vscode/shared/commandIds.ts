/** Ids that several features name (package.json `contributes`). */

/** View id of the Evidence tree (`contributes.views`). */
export const EVIDENCE_VIEW_ID = 'careerEvidence.evidence';

/** Command run by a suggestion's row: `(folderUri: string, sha: string)` opens its details. */
export const SHOW_SUGGESTION_COMMAND = 'careerEvidence.showSuggestion';
