/** idle() for the test API: resolves once every part has been settled for a few consecutive polls. */

const POLL_MS = 20;
const QUIET_POLLS = 3;
const TIMEOUT_MS = 60_000;

/** Builds an idle() that polls `settled` (which may itself schedule pending work) until it holds steadily. */
export function idleApi(settled: () => boolean): () => Promise<void> {
  return async () => {
    const deadline = Date.now() + TIMEOUT_MS;
    for (let quiet = 0; quiet < QUIET_POLLS;) {
      if (Date.now() > deadline) throw new Error(`LLM Cost did not become idle within ${TIMEOUT_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      quiet = settled() ? quiet + 1 : 0;
    }
  };
}
