/**
 * Runs a CommonJS bundle from V8's code cache, the way Node would require it, so a start after the first deserializes
 * compiled code instead of parsing the bundle again. No 'vscode' here: it is plain Node and tests as such.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Script } from 'node:vm';

/** What became of the stored cache when the bundle was compiled. */
export type CacheUse = 'used' | 'none' | 'rejected';

export interface CachedModule<T> {
  readonly exports: T;
  readonly cache: CacheUse;
  /**
   * Stores the code compiled so far (functions run since loading included) unless the stored cache was used, and
   * removes caches of other builds. Call once the module has done its start-up work; never throws.
   */
  readonly store: () => Promise<boolean>;
}

type ModuleWrapper = (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, file: string, dir: string) => void;

/** Loads `file` (CommonJS) with the cache kept in `cacheDir` for exactly this build of it. */
export function loadWithCodeCache<T>(file: string, cacheDir: string): CachedModule<T> {
  const source = readFileSync(file, 'utf8');
  const stem = `${path.basename(file, '.js')}-`;
  // V8 checks its own version and flags but only the source's length, so the file name carries the content hash.
  const name = `${stem}${createHash('sha256').update(source).digest('hex').slice(0, 20)}.cache`;
  const cacheFile = path.join(cacheDir, name);
  const stored = readIfPresent(cacheFile);
  // Node's own wrapper, on the first line, so positions in stack traces stay those of the file.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData: stored,
  });
  const cache: CacheUse = stored === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
  const module = { exports: {} as unknown };
  (script.runInThisContext() as ModuleWrapper).call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  return {
    exports: module.exports as T,
    cache,
    store: async () => {
      if (cache === 'used') return false;
      try {
        await mkdir(cacheDir, { recursive: true });
        const partial = `${cacheFile}.${process.pid}.partial`;
        await writeFile(partial, script.createCachedData());
        await rename(partial, cacheFile); // readers see the whole cache or none
        const others = (await readdir(cacheDir)).filter((f) => f !== name && f.startsWith(stem));
        await Promise.all(others.map((f) => rm(path.join(cacheDir, f), { force: true })));
        return true;
      } catch {
        return false; // a cache is an optimisation: without one the next start compiles, as the first did
      }
    },
  };
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
