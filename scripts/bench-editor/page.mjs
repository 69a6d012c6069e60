// Browser-side probes: keydown time stamps and MutationObservers, so every latency is measured on the page's own clock
// from the key press to the animation frame that paints the awaited change.

/** Installed on every page load (addInitScript): window.__bench. */
export function benchInit() {
  const bench = { key: 0, result: undefined, log: [] };
  window.__bench = bench;
  addEventListener('keydown', () => (bench.key = performance.now()), true);
  const find = (target) => {
    if (!target.startsWith('line:')) return document.querySelector(target);
    const prefix = target.slice(5);
    return [...document.querySelectorAll('.editor-instance .view-line')].find((l) => l.textContent.startsWith(prefix));
  };
  /** Arms a watch: bench.result resolves with the ms from the last keydown to the frame after `target` matches `pattern`. */
  bench.watch = (root, target, pattern, timeoutMs) => {
    const re = new RegExp(pattern);
    bench.result = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        const text = (find(target)?.textContent ?? '').trim();
        if (!re.test(text)) return;
        const key = bench.key;
        observer.disconnect();
        clearTimeout(timer);
        requestAnimationFrame(() => resolve({ ms: performance.now() - key, text }));
      });
      observer.observe(document.querySelector(root) ?? document.body, { subtree: true, childList: true, characterData: true });
      const timer = setTimeout(() => {
        observer.disconnect();
        resolve({ ms: null, text: (find(target)?.textContent ?? '').trim() });
      }, timeoutMs);
    });
    return true;
  };
  /** Records every distinct text of `target` (with its time) until bench.stopRecording(). */
  bench.record = (target) => {
    bench.log = [];
    let last;
    const note = () => {
      const text = (document.querySelector(target)?.textContent ?? '').trim();
      if (text !== last) bench.log.push({ at: performance.now(), text: (last = text) });
    };
    note();
    const observer = new MutationObserver(note);
    observer.observe(document.querySelector('.part.statusbar') ?? document.body, { subtree: true, childList: true, characterData: true });
    bench.stopRecording = () => {
      observer.disconnect();
      note();
      return { log: bench.log, now: performance.now() };
    };
    return true;
  };
}

/** Arms a watch, runs `act` (which presses the key), and returns the measured ms (null on timeout). */
export async function timeKey(page, { root, target, pattern, timeoutMs = 20000 }, act) {
  await page.evaluate(([r, t, p, ms]) => window.__bench.watch(r, t, p, ms), [root, target, pattern, timeoutMs]);
  await act();
  const { ms, text } = await page.evaluate(() => window.__bench.result);
  if (ms === null) console.warn(`  timed out waiting for /${pattern}/ in ${target} (shows ${JSON.stringify(text)})`);
  return ms;
}
