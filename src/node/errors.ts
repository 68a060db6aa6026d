/**
 * An error caused by the user's input or environment (not a directory, not a git repository, git
 * missing, a bad date). Its message is one line, fit to show as is; the CLI exits 1 with it.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
}
