import { AuthorCount, parseShortlog } from '../../core/git/lookalikes';
import { Repository } from './repository';

/**
 * Every author of HEAD's history with their commit count (`git shortlog -sne HEAD`, `.mailmap`
 * applied), most commits first. Empty for a repository without commits or when git fails.
 */
export async function authorCounts(repo: Repository): Promise<AuthorCount[]> {
  try {
    // HEAD named: without a revision, shortlog reads a log from standard input.
    return parseShortlog(await repo.git.raw(['shortlog', '-sne', 'HEAD', '--']));
  } catch {
    return [];
  }
}
