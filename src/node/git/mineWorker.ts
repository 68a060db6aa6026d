// The worker thread of `mineInWorker`: mines one repository and posts the result back.
// Bundled on its own (dist/mineWorker.js) and compiled beside mineInWorker.js for the tests.
import { parentPort, workerData } from 'worker_threads';
import { UserError } from '../errors';
import { mine } from './mine';
import { openRepository } from './repository';
import type { WorkerReply, WorkerRequest } from './mineInWorker';

const request = workerData as WorkerRequest;
const aborter = new AbortController();
parentPort?.on('message', (m: unknown) => {
  if (m === 'abort') aborter.abort();
});

async function run(): Promise<WorkerReply> {
  try {
    const repo = await openRepository(request.root);
    const result = await mine(repo, { ...request.options, signal: aborter.signal });
    return { result };
  } catch (err) {
    const e = err as Error;
    return { error: { name: e instanceof UserError ? 'UserError' : e.name, message: e.message } };
  }
}

void run().then((reply) => parentPort?.postMessage(reply));
