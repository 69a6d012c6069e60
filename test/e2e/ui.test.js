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

/**
 * A release history of ~36,000 Mistral tokens: at output ratio 4 it needs ~182,000 tokens, past Ministral 3 3B's
 * 131,072 window but within the 256K ones, so the panel (and its README screenshot) shows a row that does not fit.
 */
function longPrompt(releases = 260) {
  const notes = [
    'Added exact token counts for DeepSeek, Mistral and Grok models.',
    'The status bar shows the cost of the selection and warns when a prompt nears the context window.',
    'Prices come from a bundled catalog, with the date each one was last verified.',
    'The comparison panel lists every current model with its input, output and total cost.',
    'Usage bills split a day of tokens across peak and off-peak windows.',
  ];
  const out = ['# Release history', '', 'You are a helpful assistant. Summarize every release below for a changelog.', ''];
  for (let i = 1; i <= releases; i++) out.push(`## Release 0.${i}`, '', ...notes.map((n, j) => `- ${n} (item ${i}.${j + 1})`), '');
  return out.join('\n');
}

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
    fs.writeFileSync(path.join(process.env.E2E_WORKSPACE, 'release-history.md'), longPrompt());
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
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'release-history.md' }).click();
    await page.locator('.view-line', { hasText: 'Release history' }).first().waitFor();
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
    assert.match(await view.locator('#ratio-used').innerText(), /×4\b/, 'the table says which ratio it uses');
    // Input plus 4× output no longer fits Ministral 3 3B's window: the row is marked and says by how much.
    const over = view.locator('#comparison tr.fit-over[data-model="ministral-3b-2512"]');
    await over.waitFor({ timeout: 30000 });
    assert.match(await over.locator('.fit-note').innerText(), /does not fit: [\d,]+ tokens over the 131,072 window/);
    assert.match(await over.locator('td.tokens .fit-share').innerText(), /^\d+% of 131,072$/);
    const fits = view.locator('#comparison tr[data-model="deepseek-flash"]');
    assert.match(await fits.getAttribute('class'), /\bfit-fits\b/);
    assert.equal(await fits.locator('.fit-note').count(), 0);
    // Side by side with the editor (about 520 px here), every Total is in view without scrolling sideways.
    const wrap = await view.locator('.table-wrap').boundingBox();
    for (const box of await Promise.all((await view.locator('#comparison td.total').all()).map((c) => c.boundingBox()))) {
      assert.ok(
        box && wrap && box.x + box.width <= wrap.x + wrap.width + 0.5,
        `Total cell ends at ${box && box.x + box.width}, view at ${wrap && wrap.x + wrap.width}`,
      );
    }
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

  it('says why a typed ratio is not used, and keeps pricing with the last valid one', async () => {
    const view = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    const ratio = view.locator('#ratio-number');
    for (const typed of ['150', '-1', '1e3', '']) {
      await ratio.fill(typed);
      await view
        .locator('#ratio-error')
        .filter({ hasText: /from 0 to 100/ })
        .waitFor({ timeout: 10000 });
      assert.match(await view.locator('#ratio-error').innerText(), /still uses ×4/, `after typing ${JSON.stringify(typed)}`);
      assert.match(await view.locator('#ratio-used').innerText(), /×4\b/);
    }
    await ratio.fill('4');
    assert.equal((await view.locator('#ratio-error').innerText()).trim(), '');
  });

  it("bills only the models picked in the bill's own selector, retired ones included", async () => {
    const view = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    const cards = view.locator('#bill-results section.bill');
    await cards.first().waitFor({ timeout: 30000 });
    assert.deepEqual(await cards.evaluateAll((s) => s.map((e) => e.dataset.model)), ['deepseek-flash'], 'the default model only');
    await view.locator('#bill-models summary').click();
    await view.locator('#bill-model-list input[data-model="deepseek-chat"]').check();
    await view.locator('#bill-date').fill('2025-01-20');
    await view.locator('#bill-results section.bill[data-model="deepseek-chat"] td.bill-total').waitFor({ timeout: 30000 });
    const ids = await cards.evaluateAll((s) => s.map((e) => e.dataset.model));
    assert.deepEqual([...ids].sort(), ['deepseek-chat', 'deepseek-flash']);
    assert.match(await view.locator('#bill-models-summary').innerText(), /DeepSeek Chat/);
    // In CNY the line labels wrap between words (or at a hyphen) only: no word is split over two lines ("Outpu / t").
    await view.locator('#currency').selectOption('CNY');
    await view.locator('#bill-results td.bill-total', { hasText: '¥' }).first().waitFor({ timeout: 30000 });
    const broken = await view.locator('#bill-results .bill tbody th').evaluateAll((cells) =>
      cells.flatMap((cell) => {
        const text = cell.firstChild;
        if (!text || text.nodeType !== Node.TEXT_NODE) return [];
        const split = [];
        for (const match of text.data.matchAll(/[^\s-]+/g)) {
          const range = document.createRange();
          range.setStart(text, match.index);
          range.setEnd(text, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) split.push(`${match[0]} in "${text.data}"`);
        }
        return split;
      }),
    );
    assert.deepEqual(broken, [], 'words broken across lines');
    await view.locator('#currency').selectOption('USD');
  });
});
