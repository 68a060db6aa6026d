import { branchDescription, needsBranchDescription } from '../../core/git/branchDescription';
import { BranchInfo, Suggestion } from '../../core/git/suggestions';
import { streamGit } from './logStream';

/** Suggestions passed on together: one git call describes the merges among them. */
const CHUNK = 500;
/** Commit ids per git call (the command line stays far below Windows' 32,767 characters). */
const IDS_PER_CALL = 400;

/**
 * Gives merges whose message says nothing beyond their title a description from their merged
 * branch's commit messages (`descriptionSource: 'branch-commits'`), then passes every suggestion on
 * to `emit` in the order it was pushed. Suggestions go in chunks: a chunk's branch commits are read
 * with one `git log --no-walk` per {@link IDS_PER_CALL} ids while the next chunk fills, so the cost
 * is one read of the described commits' messages, and memory holds a chunk or two.
 */
export class BranchDescriber {
  private chunk: Suggestion[] = [];
  private done: Promise<void> = Promise.resolve();
  /** The first failure (git, or an abort): the chunks after it are not emitted. */
  private failure: unknown;

  /**
   * @param branches what `readBranches` found for each merge on the first-parent line.
   * @param safeLog the `git log` options that keep the repository's configuration from running anything.
   */
  constructor(
    private readonly root: string,
    private readonly branches: ReadonlyMap<string, BranchInfo>,
    private readonly safeLog: readonly string[],
    private readonly emit: (s: Suggestion) => void,
    private readonly signal?: AbortSignal,
  ) {}

  push(s: Suggestion): void {
    this.chunk.push(s);
    if (this.chunk.length >= CHUNK) this.flush();
  }

  /** Resolves when every suggestion pushed was described and emitted; rejects when git failed (or `signal` aborted). */
  async end(): Promise<void> {
    this.flush();
    await this.done;
    if (this.failure !== undefined) throw this.failure;
  }

  private flush(): void {
    const chunk = this.chunk;
    this.chunk = [];
    if (chunk.length === 0) return;
    this.done = this.done
      .then(async () => {
        if (this.failure !== undefined) return;
        const wanted = chunk.filter((s) => needsBranchDescription(s) && (this.branches.get(s.sha)?.commits?.length ?? 0) > 0);
        const messages = await this.messages(wanted.flatMap((s) => this.branches.get(s.sha)!.commits!));
        const described = new Set(wanted);
        for (const s of chunk) {
          const branch = described.has(s) ? this.branches.get(s.sha) : undefined;
          const texts = branch?.commits?.map((id) => messages.get(id)).filter((m): m is string => m !== undefined) ?? [];
          const description = branch ? branchDescription(s.title, texts, (branch.commitCount ?? 0) - (branch.commits?.length ?? 0)) : '';
          this.emit(description ? { ...s, description, descriptionSource: 'branch-commits' } : s);
        }
      })
      .catch((err: unknown) => {
        this.failure ??= err; // kept for end(): never an unhandled rejection while git still streams
      });
  }

  /** The raw messages (`%B`) of `ids`, by id. */
  private async messages(ids: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let i = 0; i < ids.length; i += IDS_PER_CALL) {
      let text = '';
      // `--no-walk`: these commits only; ids are 40 hex digits from git itself, never options.
      const args = ['log', ...this.safeLog, '--no-walk=unsorted', '-z', '--format=%H%x1f%B', ...ids.slice(i, i + IDS_PER_CALL), '--'];
      await streamGit(this.root, args, (t) => (text += t), this.signal);
      for (const record of text.split('\0')) {
        const at = record.indexOf('\x1f');
        if (at > 0) out.set(record.slice(0, at).replace(/^\n/, ''), record.slice(at + 1));
      }
    }
    return out;
  }
}
