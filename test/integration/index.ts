import * as path from 'path';

// Loaded by VS Code in the extension host (`extensionTestsPath`): runs the test file
// CE_INTEGRATION_FILE of the suite CE_INTEGRATION_SUITE (a folder beside this file) and records its
// totals in CE_SUITE_RESULTS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findTests, runMocha } = require(path.resolve(__dirname, '..', '..', '..', 'test', 'harness', 'mochaLayer.js'));

export async function run(): Promise<void> {
  const suite = process.env.CE_INTEGRATION_SUITE ?? 'evidence';
  const only = process.env.CE_INTEGRATION_FILE;
  const files: string[] = findTests(path.join(__dirname, suite)).filter((f: string) => !only || path.basename(f) === only);
  const result = await runMocha(files, { timeout: 30_000, resultsFile: process.env.CE_SUITE_RESULTS, layer: `integration/${suite}` });
  if (result.failed > 0) throw new Error(`${result.failed} integration test(s) failed`);
}
