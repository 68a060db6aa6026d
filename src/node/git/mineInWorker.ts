import * as path from 'path';
import { Worker } from 'worker_threads';
import { UserError } from '../errors';
import { MineOptions, MiningResult } from './mine';
import { Repository } from './repository';

/** How long an aborted worker may take to stop its git process and answer before it is stopped (ms). */
const ABORT_GRACE_MS = 2000;

/** What the worker is given: the repository's root and the options that can cross threads. */
export interface WorkerRequest {
  root: string;
  options: Omit<MineOptions, 'sink' | 'signal'>;
}

/** What the worker answers: the result, or an error by name and message. */
export type WorkerReply = { result: MiningResult } | { error: { name: string; message: string } };

/**
 * {@link mine}, run in a worker thread: the graph walk and the parsing of a long history (and the
 * garbage they leave) stay off the calling thread, so the extension host keeps answering while a
 * cold mine reads hundreds of thousands of commits. Same result, same errors (`UserError` when git
 * fails, an `AbortError` when `signal` aborts; the worker is stopped then). The worker costs a few
 * tens of ms to start: worth it for a full mine, not for an incremental one.
 */
export function mineInWorker(repo: Repository, options: Omit<MineOptions, 'sink'>): Promise<MiningResult> {
  const { signal, ...rest } = options;
  const request: WorkerRequest = { root: repo.root, options: rest };
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const worker = new Worker(path.join(__dirname, 'mineWorker.js'), { workerData: request });
    let settled = false;
    const stop = () => void worker.terminate();
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = () => {
      // The worker aborts its own git process, then answers (and is stopped then): stopping it at
      // once would leave git running until it fills the pipe.
      worker.postMessage('abort');
      settle(() => reject(abortError()));
      setTimeout(stop, ABORT_GRACE_MS).unref();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (reply: WorkerReply) => {
      stop();
      settle(() => ('result' in reply ? resolve(reply.result) : reject(fromReply(reply.error))));
    });
    worker.once('error', (err) => {
      stop();
      settle(() => reject(err));
    });
    worker.once('exit', (code) => settle(() => reject(new Error(`the mining worker stopped (exit ${code}) before it answered`))));
  });
}

function abortError(): Error {
  const err = new Error('mining was cancelled');
  err.name = 'AbortError';
  return err;
}

function fromReply(e: { name: string; message: string }): Error {
  if (e.name === 'UserError') return new UserError(e.message);
  const err = new Error(e.message);
  err.name = e.name;
  return err;
}
