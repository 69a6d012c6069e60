// CPU time used by processes outside this benchmark while a part runs. The load average counts the benchmark's
// own browser and VS Code (about 2–3 on 2 cores while it drives the workbench), so it cannot tell whether other
// work shared the cores; this can: every process that is not this one or a descendant of it (Linux /proc).
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

function snapshot() {
  const procs = new Map();
  let names = [];
  try {
    names = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return procs;
  }
  for (const name of names) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.set(Number(name), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended while it was read.
    }
  }
  return procs;
}

function isOurs(pid, procs) {
  for (let p = pid, hops = 0; p > 1 && hops < 64; p = procs.get(p)?.ppid ?? 0, hops++) if (p === process.pid) return true;
  return false;
}

/** Starts measuring; the returned function gives the share of the machine's CPU (0–1) other processes used since. */
export function watchOtherWork() {
  const before = snapshot();
  const started = Date.now();
  return () => {
    const after = snapshot();
    if (after.size === 0) return undefined;
    let ticks = 0;
    for (const [pid, p] of after) if (!isOurs(pid, after)) ticks += p.ticks - (before.get(pid)?.ticks ?? 0);
    const seconds = Math.max(0.001, (Date.now() - started) / 1000);
    return Math.max(0, ticks / TICKS_PER_SECOND / (seconds * os.cpus().length));
  };
}
