// Browser-side probes: keydown time stamps and MutationObservers, so every latency is measured on the page's own clock
// from the key press to the end of the frame that paints the awaited change.

/** Installed on every page load (addInitScript): window.__bench. */
export function benchInit() {
  const bench = { key: 0, result: undefined, log: [], inFrame: false };
  window.__bench = bench;
  // The event's own time stamp: when the key reached the page, even if a busy main thread runs this listener late.
  addEventListener(
    'keydown',
    (e) => (bench.key = e.timeStamp > 0 && e.timeStamp <= performance.now() ? e.timeStamp : performance.now()),
    true,
  );
  const channel = new MessageChannel();
  const queued = [];
  channel.port1.onmessage = () => queued.shift()?.();
  /** Runs `fn` as a task: after the current task and, if one is under way, after the rendering (and painting) of this frame. */
  const afterTask = (fn) => {
    queued.push(fn);
    channel.port2.postMessage(0);
  };
  // While a watch is armed, a callback registered first in every frame marks "inside a frame" until that frame is painted.
  let watching = false;
  const frameLoop = () => {
    if (!watching) return;
    bench.inFrame = true;
    afterTask(() => (bench.inFrame = false));
    requestAnimationFrame(frameLoop);
  };
  /** Calls `fn` once the DOM state seen now is painted: after this frame if inside one (Monaco renders in frames), else after the next. */
  const afterPaint = (fn) => (bench.inFrame ? afterTask(fn) : requestAnimationFrame(() => afterTask(fn)));
  const find = (target) => {
    if (!target.startsWith('line:')) return document.querySelector(target);
    const prefix = target.slice(5);
    return [...document.querySelectorAll('.editor-instance .view-line')].find((l) => l.textContent.startsWith(prefix));
  };
  /** Arms a watch: bench.result resolves with the ms from the last keydown to the paint after `target` matches `pattern`. */
  bench.watch = (root, target, pattern, timeoutMs) => {
    const re = new RegExp(pattern);
    watching = true;
    requestAnimationFrame(frameLoop);
    bench.result = new Promise((resolve) => {
      const done = (value) => {
        watching = false;
        resolve(value);
      };
      const observer = new MutationObserver(() => {
        const text = (find(target)?.textContent ?? '').trim();
        if (!re.test(text)) return;
        const key = bench.key;
        observer.disconnect();
        clearTimeout(timer);
        afterPaint(() => done({ ms: performance.now() - key, text }));
      });
      observer.observe(document.querySelector(root) ?? document.body, { subtree: true, childList: true, characterData: true });
      const timer = setTimeout(() => {
        observer.disconnect();
        done({ ms: null, text: (find(target)?.textContent ?? '').trim() });
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
