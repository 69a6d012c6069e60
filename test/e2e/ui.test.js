// The user's path through the real workbench: select text, run "Estimate LLM cost", read the status
// bar, hover its tooltip, open the comparison panel, read its rows, move the ratio and see totals change.
const assert = require('assert/strict');
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');
const { root, testEnvironment, chromiumArgs } = require('../vscode/paths');

const STATUS = '[id="llm-cost-tools.llm-cost.llmCost.status"]';
// The README's screenshots are rewritten only when asked (UPDATE_SCREENSHOTS=1); otherwise they go to test-results/.
const SHOTS = path.join(root, process.env.UPDATE_SCREENSHOTS === '1' ? 'media/screenshots' : 'test-results/screenshots');
const SELECTED_LINE = 'You are a helpful assistant. Summarize the following changes for a changelog.';

async function runCommand(page, title, timeout = 60000) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill('>' + title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout });
  await page.keyboard.press('Enter');
}

/** The count the CLI (same core) gives for a text and model. */
function cliCount(text, model) {
  const out = execFileSync('node', [path.join(root, 'dist/cli.js'), 'count', '--model', model, '--json', '-'], {
    input: text,
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

describe('workbench UI', function () {
  let browser;
  let page;

  before(async function () {
    const env = testEnvironment();
    browser = await chromium.launch({
      executablePath: env.chromium,
      headless: true,
      args: chromiumArgs,
      env: { ...process.env, XDG_CONFIG_HOME: process.env.E2E_TMP },
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${process.env.E2E_BASE_URL}/?folder=${encodeURIComponent(process.env.E2E_WORKSPACE)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 90000 });
    await page.locator('.explorer-folders-view').waitFor({ timeout: 90000 });
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  after(async () => {
    if (browser) await browser.close();
  });

  it('counts a selection and shows tokens and cost in the status bar', async () => {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'prompt.md' }).click();
    await page.locator('.view-line', { hasText: 'helpful assistant' }).waitFor();
    await page.locator('.view-line', { hasText: 'helpful assistant' }).click();
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    // The extension activates on startup finished; its item appears once it has counted the file.
    await page.locator(STATUS).waitFor({ timeout: 90000 });
    await runCommand(page, 'Estimate LLM cost');
    const item = page.locator(STATUS);
    await item.filter({ hasText: 'tok' }).waitFor({ timeout: 60000 });
    const text = (await item.innerText()).trim();
    const m = /^(≈?)([\d,]+) tok · (\S+)$/.exec(text);
    assert.ok(m, `status bar text: ${JSON.stringify(text)}`);
    const expected = cliCount(SELECTED_LINE, 'deepseek-flash');
    assert.equal(Number(m[2].replace(/,/g, '')), expected.tokens, 'status bar count equals the core count of the selection');
    assert.equal(m[1] === '≈', !expected.exact, 'the ≈ mark follows exactness');
    assert.match(m[3], /^\$\d/);
  });

  it('shows the cost breakdown in the status bar tooltip', async () => {
    await page.locator(STATUS).hover();
    const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'Total' }).first();
    await hover.waitFor({ timeout: 20000 });
    const text = await hover.innerText();
    for (const word of ['cache', 'Total']) assert.match(text, new RegExp(word, 'i'));
    // Crop to the tooltip and the status bar item under it, for the README.
    const box = await hover.boundingBox();
    const item = await page.locator(STATUS).boundingBox();
    if (box && item) {
      const x = Math.max(0, Math.min(box.x, item.x) - 16);
      const y = Math.max(0, box.y - 16);
      const right = Math.max(box.x + box.width, item.x + item.width) + 16;
      const bottom = item.y + item.height + 4;
      await page.screenshot({ path: path.join(SHOTS, 'status-tooltip.png'), clip: { x, y, width: right - x, height: bottom - y } });
    }
    await page.mouse.move(700, 300);
  });

  it('opens the comparison panel, lists models and recomputes totals when the ratio moves', async () => {
    await runCommand(page, 'Open cost comparison');
    const view = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    const rows = view.locator('#comparison tr[data-model]');
    await rows.first().waitFor({ timeout: 60000 });
    assert.ok((await rows.count()) >= 5, 'every current model has a row');
    // The packaged extension runs in production mode: no render reports (a test-only message).
    assert.equal(await view.locator('body[data-report-renders]').count(), 0);
    const flashTotal = view.locator('#comparison tr[data-model="deepseek-flash"] td.total');
    await flashTotal.filter({ hasText: /\d/ }).waitFor({ timeout: 30000 });
    const before = (await flashTotal.innerText()).trim();
    const ratio = view.locator('#ratio-number');
    await ratio.fill('4');
    await ratio.press('Enter');
    await flashTotal.filter({ hasNotText: before }).waitFor({ timeout: 30000 });
    const after = (await flashTotal.innerText()).trim();
    assert.notEqual(after, before);
    assert.equal(await view.locator('#ratio').inputValue(), '4', 'slider follows the number');
    // Give the panel the whole window for the README screenshot.
    await page.keyboard.press('Control+B');
    try {
      await runCommand(page, 'Maximize Editor Group', 15000);
    } catch {
      await page.keyboard.press('Escape'); // layout only matters for the picture, not for the test
    }
    await view.locator('#chart').waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(SHOTS, 'comparison-panel.png') });
  });
});
