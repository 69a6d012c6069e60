// Runs one worker job in a fresh Node process, killing it when its timed part exceeds the cap.
import { spawn } from 'node:child_process';
import path from 'node:path';

const worker = path.join(path.dirname(new URL(import.meta.url).pathname), 'worker.mjs');
const SETUP_LIMIT_MS = 120_000;

/** Result of the job, or { killed: capMs } when its timed part ran past capMs, or { error }. */
export function runJob(job, capMs, nodeArgs = []) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeArgs, worker, JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let settled = false;
    const finish = (r) => {
      if (!settled) {
        settled = true;
        clearTimeout(setup);
        clearTimeout(cap);
        resolve(r);
      }
    };
    let cap;
    const setup = setTimeout(() => {
      child.kill('SIGKILL');
      finish({ error: `no result within ${SETUP_LIMIT_MS / 1000} s` });
    }, SETUP_LIMIT_MS);
    child.stdout.on('data', (d) => {
      out += d;
      if (!cap && out.includes('START\n')) {
        cap = setTimeout(() => {
          child.kill('SIGKILL');
          finish({ killed: capMs });
        }, capMs);
      }
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('close', () => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (line) finish(JSON.parse(line.slice(7)));
      else finish({ error: (err.trim().split('\n').pop() || 'worker exited without a result').slice(0, 200) });
    });
  });
}
