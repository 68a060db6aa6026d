/**
 * Why a workspace folder has no suggestions, and so what would help: `restricted` (Restricted Mode:
 * trusting the workspace), `identity` (who the user is is not known: setting their e-mail
 * addresses), `other` (the reason's own words: not a repository, git missing, a cancelled scan).
 */
export type UnavailableCause = 'restricted' | 'identity' | 'other';
