import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, escapeAttribute, panelHtml } from '../../src/host/panel/html';

const options = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'bm9uY2Vub25jZW5vbmNl',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/panel.css',
};

describe('comparison panel page', () => {
  const html = panelHtml(options);

  it('declares the strict CSP: nothing by default, scripts only by nonce', () => {
    const csp = contentSecurityPolicy(options.cspSource, options.nonce);
    assert.equal(
      csp,
      `default-src 'none'; style-src ${options.cspSource}; script-src 'nonce-${options.nonce}'; img-src ${options.cspSource} data:;`,
    );
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${csp}">`));
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
  });

  it('loads exactly one script, carrying the nonce, and no inline script or style', () => {
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.deepEqual(scripts, [`<script nonce="${options.nonce}" src="${options.scriptUri}">`]);
    assert.doesNotMatch(html, /<script>[^<]/);
    assert.doesNotMatch(html, /<style|\sstyle="/);
    assert.doesNotMatch(html, /\son[a-z]+="/, 'no inline event handlers');
  });

  it('asks the page to report its renders only when the host says so (test runs)', () => {
    assert.match(html, /<body>/);
    assert.doesNotMatch(html, /data-report-renders/);
    assert.match(panelHtml({ ...options, reportRenders: true }), /<body data-report-renders>/);
  });

  it('references no remote content besides the webview resource origin', () => {
    const urls = html.match(/(?:src|href)="[^"]*"/g) ?? [];
    assert.equal(urls.length, 2);
    for (const url of urls) assert.ok(url.includes(options.cspSource), url);
  });

  it('has the hooks the webview script and the UI tests use, each control labelled', () => {
    for (const id of [
      'subject',
      'busy',
      'comparison',
      'chart',
      'ratio',
      'ratio-number',
      'cache-mode',
      'cache-hit',
      'currency',
      'moment',
      'show-retired',
      'bill-hit',
      'bill-miss',
      'bill-output',
      'bill-date',
      'bill-time',
      'bill-results',
      'bill-timing',
      'bill-share',
      'bill-long-context',
      'bill-caveats',
      'bill-models',
      'bill-models-summary',
      'bill-model-list',
      'ratio-error',
      'ratio-used',
      'caveats',
    ]) {
      assert.equal(html.split(`id="${id}"`).length, 2, `exactly one #${id}`);
    }
    for (const id of [
      'ratio',
      'cache-mode',
      'cache-hit',
      'currency',
      'moment',
      'show-retired',
      'bill-hit',
      'bill-miss',
      'bill-output',
      'bill-date',
      'bill-time',
      'bill-timing',
      'bill-share',
      'bill-long-context',
    ]) {
      assert.ok(html.includes(`<label for="${id}"`), `label for #${id}`);
    }
    assert.ok(html.includes('id="ratio-number"') && /id="ratio-number"[^>]*aria-label=/.test(html));
    // The ratio's error message is announced and tied to the field.
    assert.match(html, /id="ratio-number"[^>]*aria-describedby="[^"]*ratio-error/);
    assert.match(html, /id="ratio-error"[^>]*role="alert"/);
    for (const column of ['model', 'tokens', 'input', 'saving', 'output', 'total']) {
      assert.ok(html.includes(`<button type="button" data-sort="${column}">`), `sort button ${column}`);
    }
  });

  it('offers the three bill timings', () => {
    for (const value of ['at-time', 'spread', 'share']) assert.ok(html.includes(`<option value="${value}">`), value);
  });

  it('puts the chart of totals before the table, labelled and described', () => {
    assert.ok(html.indexOf('id="chart"') < html.indexOf('id="comparison"'), 'chart first, so it shows without scrolling past the table');
    assert.match(html, /id="chart" role="img" aria-label="[^"]+" aria-describedby="chart-help"/);
    assert.ok(html.includes('id="chart-help"'));
  });

  it('escapes attribute values', () => {
    assert.equal(escapeAttribute('a"b<c>&'), 'a&quot;b&lt;c&gt;&amp;');
    assert.ok(panelHtml({ ...options, nonce: 'x"><script>' }).includes('x&quot;&gt;&lt;script&gt;'));
  });
});
