import { promises as fs } from 'fs';
import * as path from 'path';
import { UserError } from './errors';

function tempName(target: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}.tmp`,
  );
}

/**
 * Creates `target` with `text` atomically and exclusively: written whole under a temporary name,
 * then hard-linked to its name, which fails if that name exists. Resolves false (nothing written)
 * when `target` already exists; never overwrites.
 * @throws UserError when the folder cannot be written.
 */
export async function createExclusive(target: string, text: string): Promise<boolean> {
  const temp = tempName(target);
  try {
    await fs.writeFile(temp, text, { flag: 'wx' });
  } catch (err) {
    throw new UserError(`cannot write in ${path.dirname(target)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    await fs.link(temp, target);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new UserError(`cannot create ${target}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  } finally {
    await fs.unlink(temp).catch(() => undefined);
  }
}

/** Options of {@link replaceAtomic}. */
export interface ReplaceOptions {
  /**
   * The text `target` must still hold when it is replaced (checked after the new text is written
   * aside, just before the rename): when another program saved it meanwhile, nothing is replaced
   * and a UserError says so. Given for a user's document, whose permissions are kept too.
   */
  expected?: string;
}

/**
 * Replaces `target` with `text` atomically (temporary file beside it + rename): readers see the old
 * or the new content, never a mix, and a failure leaves no temporary file behind. Without
 * `expected` (our own state files) the folder is created when missing.
 * @throws UserError when `expected` is given and the file no longer holds it; the file system's error otherwise.
 */
export async function replaceAtomic(target: string, text: string, options: ReplaceOptions = {}): Promise<void> {
  const temp = tempName(target);
  let mode: number | undefined;
  if (options.expected === undefined) await fs.mkdir(path.dirname(target), { recursive: true });
  else mode = (await fs.stat(target)).mode;
  try {
    await fs.writeFile(temp, text, mode === undefined ? undefined : { mode });
    if (options.expected !== undefined && (await fs.readFile(target, 'utf8')) !== options.expected) {
      throw new UserError(`${path.basename(target)} was changed by another program while it was being edited; nothing written to it`);
    }
    await fs.rename(temp, target);
  } catch (err) {
    await fs.unlink(temp).catch(() => undefined);
    throw err;
  }
}
