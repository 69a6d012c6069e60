/** The comparison panel's HTML skeleton: a strict CSP, one stylesheet and one nonce'd script. Pure: no 'vscode'. */

export interface PanelHtmlOptions {
  /** webview.cspSource. */
  readonly cspSource: string;
  /** Fresh per page load, from node:crypto. */
  readonly nonce: string;
  /** asWebviewUri of dist/webview.js and media/panel.css. */
  readonly scriptUri: string;
  readonly styleUri: string;
  /** Test runs only (ExtensionMode.Test): the page reports each render back to the host (`rendered`). */
  readonly reportRenders?: boolean;
}

/** The Content-Security-Policy: nothing by default, styles and images from the extension, scripts by nonce only. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return `default-src 'none'; style-src ${cspSource}; script-src 'nonce-${nonce}'; img-src ${cspSource} data:;`;
}

/** The page; the script fills the table, chart and bill after the `ready` handshake. */
export function panelHtml(o: PanelHtmlOptions): string {
  const attr = escapeAttribute;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(o.styleUri)}">
<title>LLM cost comparison</title>
</head>
<body${o.reportRenders ? ' data-report-renders' : ''}>
<header>
  <h1>LLM cost comparison</h1>
  <p id="subject" aria-live="polite"></p>
  <p id="busy" role="status" aria-live="polite" hidden>Counting…</p>
  <ul id="problems" class="problems" aria-label="Problems"></ul>
</header>
<section class="controls" aria-label="Assumptions">
  <div class="control">
    <label for="ratio">Output ratio (output tokens per input token)</label>
    <div class="pair">
      <input type="range" id="ratio" min="0" max="10" step="0.05" aria-describedby="ratio-help">
      <label for="ratio-number" class="inline-label">Exact value</label>
      <input type="number" id="ratio-number" min="0" max="100" step="0.01" aria-label="Output ratio, exact value" aria-describedby="ratio-help ratio-error">
    </div>
    <span id="ratio-help" class="help">The slider goes to 10; type a larger value up to 100.</span>
    <span id="ratio-error" class="error" role="alert"></span>
  </div>
  <div class="control">
    <label for="cache-mode">Cache assumption</label>
    <select id="cache-mode">
      <option value="share">Share of input served from cache</option>
      <option value="prefix">Cached prefix length</option>
    </select>
    <label for="cache-hit" id="cache-hit-label">Cache-hit share (%)</label>
    <input type="number" id="cache-hit" min="0" step="1" aria-describedby="cache-hit-error">
    <span id="cache-hit-error" class="error" role="alert"></span>
  </div>
  <div class="control">
    <label for="currency">Currency</label>
    <select id="currency"></select>
  </div>
  <div class="control">
    <label for="moment">Moment priced</label>
    <select id="moment" aria-describedby="moment-note">
      <option value="now">Now</option>
      <option value="next-peak">Next peak</option>
      <option value="next-off-peak">Next off-peak</option>
    </select>
    <span id="moment-note" class="help"></span>
  </div>
  <div class="control checkbox">
    <input type="checkbox" id="show-retired">
    <label for="show-retired">Show legacy and retired models</label>
  </div>
</section>
<div class="results">
<section class="chart-section" aria-labelledby="chart-title">
  <h2 id="chart-title">Totals</h2>
  <div id="chart" role="img" aria-label="Bar chart of the total cost per model" aria-describedby="chart-help"></div>
  <p id="chart-help" class="help">Bars follow the table's order; bars in the second colour rest on estimated token counts.</p>
</section>
<section class="table-section" aria-labelledby="table-title">
  <h2 id="table-title">Per model</h2>
  <p id="ratio-used" class="help"></p>
  <div class="table-wrap" role="region" aria-labelledby="table-title" tabindex="0">
  <table id="comparison">
    <caption class="visually-hidden">Estimated cost of the subject for each model; column headers sort the table.</caption>
    <thead><tr>
      <th scope="col" data-column="model"><button type="button" data-sort="model">Model</button></th>
      <th scope="col" data-column="tokens" class="num"><button type="button" data-sort="tokens">Tokens</button></th>
      <th scope="col" data-column="input" class="num"><button type="button" data-sort="input">Input</button></th>
      <th scope="col" data-column="saving" class="num"><button type="button" data-sort="saving">Cache saving</button></th>
      <th scope="col" data-column="output" class="num"><button type="button" data-sort="output">Output</button></th>
      <th scope="col" data-column="total" class="num"><button type="button" data-sort="total">Total</button></th>
      <th scope="col" class="notes-col">Prices applied</th>
    </tr></thead>
    <tbody></tbody>
  </table>
  </div>
  <div class="export" role="group" aria-label="Take the table away">
    <button type="button" id="copy-markdown">Copy as Markdown table</button>
    <button type="button" id="save-csv">Save as CSV…</button>
  </div>
  <ol id="caveats" class="caveats" aria-label="Notes on prices"></ol>
  <ul id="footnotes" class="footnotes"></ul>
</section>
</div>
<section aria-labelledby="bill-title">
  <h2 id="bill-title">Usage bill</h2>
  <p class="help">A day's tokens by kind, priced as a provider console bills them. Where prices depend on the time of day, say when the tokens were used.</p>
  <form id="bill-form" class="controls">
    <div class="control"><label for="bill-hit">Cache-hit input tokens</label><input type="number" id="bill-hit" min="0" step="1" required></div>
    <div class="control"><label for="bill-miss">Cache-miss input tokens</label><input type="number" id="bill-miss" min="0" step="1" required></div>
    <div class="control"><label for="bill-output">Output tokens</label><input type="number" id="bill-output" min="0" step="1" required></div>
    <div class="control"><label for="bill-date">Date (UTC)</label><input type="date" id="bill-date" required></div>
    <div class="control">
      <label for="bill-timing">Time of day</label>
      <select id="bill-timing" aria-describedby="bill-timing-help">
        <option value="at-time">At a specific time (UTC)</option>
        <option value="spread">Spread evenly over the day</option>
        <option value="share">Share in the discounted window (%)</option>
      </select>
      <span id="bill-timing-help" class="help">Only models with peak / off-peak prices use it.</span>
    </div>
    <div class="control" id="bill-time-control"><label for="bill-time">Time (UTC)</label><input type="time" id="bill-time" required></div>
    <div class="control" id="bill-share-control"><label for="bill-share">Share in the discounted window (%)</label><input type="number" id="bill-share" min="0" max="100" step="any"></div>
    <div class="control checkbox">
      <input type="checkbox" id="bill-long-context" aria-describedby="bill-long-context-help">
      <label for="bill-long-context">Long-context requests</label>
      <span id="bill-long-context-help" class="help">Bill every token at the long-context tier where a model has one (xAI, prompts from its threshold up).</span>
    </div>
    <span id="bill-error" class="error" role="alert"></span>
  </form>
  <details id="bill-models" class="bill-models">
    <summary id="bill-models-summary">Models billed</summary>
    <p class="help">Tick the models to bill. Legacy and retired models are priced with their last published prices.</p>
    <div id="bill-model-list" role="group" aria-labelledby="bill-models-summary"></div>
  </details>
  <div id="bill-results" aria-live="polite"></div>
  <ol id="bill-caveats" class="caveats" aria-label="Notes on the bill"></ol>
</section>
<script nonce="${attr(o.nonce)}" src="${attr(o.scriptUri)}"></script>
</body>
</html>`;
}

/** Escapes text for a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
