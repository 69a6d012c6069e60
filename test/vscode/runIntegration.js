#!/usr/bin/env node
// Runs the integration suite (out/integration) inside a real VS Code extension host through
// @vscode/test-electron's runTests, with codeHeadless.js standing in for the VS Code executable.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runTests } = require('@vscode/test-electron');
const { root, testEnvironment } = require('./paths');

async function main() {
  testEnvironment(); // fail early, with the setup hint, when the environment is missing
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-cost-it-'));
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(root, 'test/integration/workspace'), workspace, { recursive: true });
  try {
    await runTests({
      vscodeExecutablePath: path.join(__dirname, 'codeHeadless.js'),
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out/integration/index.js'),
      // Fresh profile every run: settings a test changed never leak into the next run.
      launchArgs: [workspace, `--user-data-dir=${path.join(tmp, 'user-data')}`, `--extensions-dir=${path.join(tmp, 'extensions')}`],
      extensionTestsEnv: { LLM_COST_TEST_WORKSPACE: workspace },
    });
    return 0;
  } catch (e) {
    console.error(`integration tests failed: ${e && e.message ? e.message : e}`);
    return 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
