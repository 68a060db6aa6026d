import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repositoriesUnder } from '../../src/node/report/gather';
import { removeDir, tempDir } from '../support/gitRepo';

describe('report sources: repositories under a folder such as ~/code', () => {
  it('finds work trees up to two levels deep, not inside one another, node_modules or hidden folders', async () => {
    const base = tempDir('repos-under');
    try {
      for (const d of ['shop', 'acme/infra', 'acme/deep/too-deep', 'shop/vendor/inner', 'node_modules/pkg', '.hidden/repo', 'notes'])
        fs.mkdirSync(path.join(base, d, d === 'notes' ? '' : '.git'), { recursive: true });
      fs.writeFileSync(path.join(base, 'acme', 'worktree-file'), '');
      assert.deepStrictEqual(await repositoriesUnder([base]), [path.join(base, 'acme', 'infra'), path.join(base, 'shop')]);
      assert.deepStrictEqual(await repositoriesUnder([path.join(base, 'gone')]), [], 'a folder that is not there: none');
    } finally {
      removeDir(base);
    }
  });
});
