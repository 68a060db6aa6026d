import { promises as fs } from 'fs';
import { replaceAtomic } from './fsAtomic';

/**
 * Our own state and cache files (in VS Code's storage or the journal, never in a repository): JSON
 * objects `{ "version": V, ...data }`, written atomically. A file of another version, or one that
 * is missing or damaged, reads as nothing: a cache starts empty, a state file starts anew.
 */

/**
 * The data of `file` when it is a JSON object of `version` that `accept` takes (it checks the
 * fields and returns the data, or undefined); undefined otherwise. Never throws.
 */
export async function readVersionedJson<T>(
  file: string,
  version: string | number,
  accept: (data: Record<string, unknown>) => T | undefined,
): Promise<T | undefined> {
  try {
    const data = JSON.parse(await fs.readFile(file, 'utf8')) as unknown;
    if (!data || typeof data !== 'object' || Array.isArray(data) || (data as { version?: unknown }).version !== version) return undefined;
    return accept(data as Record<string, unknown>);
  } catch {
    return undefined;
  }
}

/**
 * Writes `{ version, ...data }` to `file` atomically, creating its folder. `indent`: spaces per
 * level for a file people may read (none by default: caches).
 * @throws the file system's error.
 */
export function writeVersionedJson(file: string, version: string | number, data: object, indent?: number): Promise<void> {
  return replaceAtomic(file, JSON.stringify({ version, ...data }, null, indent) + (indent === undefined ? '' : '\n'));
}

/** True for a plain JSON object (what `entries` maps and records are). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}
