import * as vscode from 'vscode';
import { AuthorCount, addressesLikeYou } from '../../core/git/lookalikes';
import { authorCounts } from '../../node/git/authors';
import { configValue } from '../../node/git/repository';
import { Services } from '../services/services';
import { SET_IDENTITIES_COMMAND } from '../shared/commandIds';

/** Arguments for automation and tests: the addresses to save, without asking. */
export interface SetIdentitiesArgs {
  emails?: string[];
}

const EMAIL = /^[^<>\s@]+@[^<>\s]+$/;
/** How many of a repository's authors are offered when the user's name is not known. */
const MOST_ACTIVE = 30;

/**
 * "Career Evidence: Set My Identities…" (`(folderUri?: string, args?)`): a multi-select of the
 * e-mail addresses that may be the user's in the folder's repository — their current identities,
 * then the addresses that commit under their name (`user.name`, `.mailmap` applied), checked; the
 * most active authors when no name is known — plus "Another address…". The choice is saved in
 * User settings (`careerEvidence.identities`, never a workspace's settings) and the merged work
 * is read again. Resolves with the addresses saved, or undefined when cancelled.
 */
export function registerSetIdentities(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(
      SET_IDENTITIES_COMMAND,
      async (folderUri?: string, args: SetIdentitiesArgs = {}): Promise<string[] | undefined> => {
        const chosen = args.emails ?? (await askIdentities(services, folderUri));
        if (!chosen) return undefined;
        const emails = [...new Set(chosen.map((e) => e.trim()).filter((e) => EMAIL.test(e)))];
        const config = vscode.workspace.getConfiguration('careerEvidence');
        await config.update('identities', emails, vscode.ConfigurationTarget.Global);
        vscode.window.setStatusBarMessage(
          vscode.l10n.t('$(account) Career Evidence: {0} identities saved in User settings', emails.length),
          5000,
        );
        await services.mergedWork.refresh();
        return emails;
      },
    ),
  );
}

async function askIdentities(services: Services, folderUri: string | undefined): Promise<string[] | undefined> {
  const folders = services.git.folders();
  const folder = folders.find((f) => f.uri.toString() === folderUri) ?? folders[0];
  const repo = folder && (await services.git.repository(folder));
  const saved = vscode.workspace.getConfiguration('careerEvidence').inspect<string[]>('identities')?.globalValue ?? [];
  let current: string[] = [...saved];
  let offered: { author: AuthorCount; likely: boolean }[] = [];
  if (folder && repo) {
    current = [...new Set([...current, ...(await services.git.identities(folder, repo))])];
    const [authors, name] = await Promise.all([authorCounts(repo), configValue(repo, 'user.name')]);
    const likely = addressesLikeYou(authors, current, name ? [name] : []);
    offered = likely.map((author) => ({ author, likely: true }));
    if (offered.length === 0 && current.length === 0) offered = authors.slice(0, MOST_ACTIVE).map((author) => ({ author, likely: false }));
  }
  type Item = vscode.QuickPickItem & { email?: string };
  const another: Item = { label: vscode.l10n.t('$(add) Another address…'), alwaysShow: true };
  const items: Item[] = [
    ...current.map((email) => ({ label: email, description: vscode.l10n.t('yours now'), picked: true, email })),
    ...offered.map(({ author, likely }) => ({
      label: author.email,
      description:
        author.commits === 1
          ? vscode.l10n.t('{0} · 1 commit', author.name)
          : vscode.l10n.t('{0} · {1} commits', author.name, author.commits),
      detail: likely ? vscode.l10n.t('Commits under your name') : undefined,
      picked: likely,
      email: author.email,
    })),
    another,
  ];
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: vscode.l10n.t('Which e-mail addresses are you?'),
    placeHolder: vscode.l10n.t('Your merged work is found by these addresses (saved in your User settings, not in the repository)'),
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  const emails = picked.flatMap((i) => (i.email ? [i.email] : []));
  if (picked.includes(another)) {
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('Another address of yours'),
      prompt: vscode.l10n.t('An e-mail address you commit with'),
      validateInput: (v) => (EMAIL.test(v.trim()) ? undefined : vscode.l10n.t('An e-mail address, e.g. dana@example.com')),
    });
    if (typed) emails.push(typed.trim());
  }
  return emails;
}
