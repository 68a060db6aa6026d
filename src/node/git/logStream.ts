import { spawn } from 'child_process';
import { StringDecoder } from 'string_decoder';
import { UserError } from '../errors';
import { gitEnvironment } from './environment';

/**
 * Runs `git <args>` in `cwd` and hands its standard output to `onText` as it arrives, decoded as
 * UTF-8 (a character split across chunks is kept whole). simple-git buffers a command's whole
 * output, so history is read with our own spawn: arguments as an array, no shell, bounded memory.
 * @throws UserError when git is missing or exits non-zero (first line of its stderr); an
 *         `AbortError` when `signal` aborts (the git process is killed).
 */
export function streamGit(cwd: string, args: readonly string[], onText: (text: string) => void, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: gitEnvironment(), windowsHide: true });
    const decoder = new StringDecoder('utf8');
    let stderr = '';
    let failed: Error | null = null;
    const onAbort = () => {
      failed = abortError();
      child.kill('SIGTERM');
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => {
      if (failed) return;
      try {
        onText(decoder.write(chunk));
      } catch (err) {
        failed = err as Error;
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 65_536) stderr += chunk.toString('utf8');
    });
    child.on('error', (err: NodeJS.ErrnoException) => {
      failed ??= err.code === 'ENOENT' ? new UserError('git is not installed or not on PATH') : err;
    });
    child.on('close', (code) => {
      signal?.removeEventListener('abort', onAbort);
      if (failed) return reject(failed);
      const rest = decoder.end();
      if (rest) onText(rest);
      if (code !== 0) return reject(new UserError(`git ${args[0]} failed: ${stderr.trim().split('\n')[0] || `exit code ${code}`}`));
      resolve();
    });
  });
}

function abortError(): Error {
  const err = new Error('cancelled');
  err.name = 'AbortError';
  return err;
}
