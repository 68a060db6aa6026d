/**
 * Translates a user-facing message: `message` in English with `{0}`, `{1}`… standing for `args`, as
 * `vscode.l10n.t` takes it. View models receive one (the extension passes `vscode.l10n.t`), so they
 * stay free of `vscode` and tests can pass {@link english}.
 */
export type Translate = (message: string, ...args: (string | number | boolean)[]) => string;

/** The English text with its arguments put in: what `vscode.l10n.t` gives without a translation. */
export const english: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));
