/** Ids that several features name (package.json `contributes`). */

/** View id of the Evidence tree (`contributes.views`). */
export const EVIDENCE_VIEW_ID = 'careerEvidence.evidence';

/** Command run by a suggestion's row: `(folderUri: string, sha: string)` opens its details. */
export const SHOW_SUGGESTION_COMMAND = 'careerEvidence.showSuggestion';

/** Shows all history in the Suggestions group again after a range scan. */
export const SHOW_ALL_MERGED_WORK_COMMAND = 'careerEvidence.showAllMergedWork';

/** Asks who the user is (`(folderUri?: string)`): their e-mail addresses, saved in User settings. */
export const SET_IDENTITIES_COMMAND = 'careerEvidence.setIdentities';

/** Asks whether to fetch the pull requests' details of a folder's repository (`(folderUri?: string, answer?: 'yes' | 'not-now' | 'never')`). */
export const FETCH_PULL_REQUESTS_COMMAND = 'careerEvidence.fetchPullRequests';
