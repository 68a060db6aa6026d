import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { PROJECT_ROOT } from '../support/paths';
import { removeDir, tempDir } from '../support/gitRepo';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { logOutput } = require(path.join(PROJECT_ROOT, 'test', 'harness', 'workbench.js')) as {
  logOutput(child: unknown, file: string): fs.WriteStream;
};

describe("test harness: code-server's log", () => {
  it('keeps writing stderr after stdout has closed (the e2e teardown crash: ERR_STREAM_WRITE_AFTER_END)', async () => {
    const dir = tempDir('harness-log');
    try {
      const file = path.join(dir, 'code-server.log');
      // Like code-server at teardown: stdout closes first, stderr still has something to say.
      const child = spawn('sh', ['-c', 'echo out; exec 1>&-; echo late >&2; echo later >&2'], { stdio: ['ignore', 'pipe', 'pipe'] });
      const log = logOutput(child, file);
      await new Promise<void>((resolve) => log.on('close', () => resolve()));
      assert.deepStrictEqual(fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).sort(), ['late', 'later', 'out']);
    } finally {
      removeDir(dir);
    }
  });
});
