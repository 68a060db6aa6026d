import { promises as fs } from 'fs';
import * as path from 'path';
import { UserError } from './errors';

function tempName(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}.tmp`);
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

/**
 * Replaces `target` with `text` atomically (temporary file + rename): readers see the old or the
 * new content, never a mix. For our own state files only — never for a user's document.
 */
export async function replaceAtomic(target: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  const temp = tempName(target);
  await fs.writeFile(temp, text);
  try {
    await fs.rename(temp, target);
  } catch (err) {
    await fs.unlink(temp).catch(() => undefined);
    throw err;
  }
}
