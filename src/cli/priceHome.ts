/** The CLI's store of accepted refreshed prices ($LLM_COST_HOME/prices.json) and the catalog with it applied. */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { Catalog } from '../core/catalog/types';
import { defaultCatalog } from '../core/catalog/catalog';
import { applyStore, EMPTY_STORE, parseStore } from '../core/catalog/priceStore';
import type { PriceStore } from '../core/catalog/priceStore';
import type { CliIo } from './io';

export const HOME_ENV = 'LLM_COST_HOME';

/** $LLM_COST_HOME, else the platform's config folder: %APPDATA%\llm-cost, ~/Library/Application Support/llm-cost, $XDG_CONFIG_HOME/llm-cost. */
export function priceHome(env: CliIo['env']): string {
  const given = env[HOME_ENV]?.trim();
  if (given) return given;
  if (process.platform === 'win32') return path.join(env.APPDATA ?? path.join(homedir(), 'AppData', 'Roaming'), 'llm-cost');
  if (process.platform === 'darwin') return path.join(homedir(), 'Library', 'Application Support', 'llm-cost');
  return path.join(env.XDG_CONFIG_HOME?.trim() || path.join(homedir(), '.config'), 'llm-cost');
}

export function storePath(env: CliIo['env']): string {
  return path.join(priceHome(env), 'prices.json');
}

/** The stored updates; a missing file is an empty store, a bad one is reported and ignored. */
export function readStore(io: CliIo): { store: PriceStore; problem?: string } {
  const file = storePath(io.env);
  if (!existsSync(file)) return { store: EMPTY_STORE };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { store: EMPTY_STORE, problem: `cannot read ${file} (${e instanceof Error ? e.message : String(e)}); using the bundled prices` };
  }
  const parsed = parseStore(text);
  return 'store' in parsed ? { store: parsed.store } : { store: EMPTY_STORE, problem: `${file}: ${parsed.problem}` };
}

/** Writes the store atomically (a temporary file renamed over the old one). */
export function writeStore(env: CliIo['env'], store: PriceStore): string {
  const file = storePath(env);
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(store, null, 2)}\n`);
  renameSync(temp, file);
  return file;
}

/** Removes the store; true when there was one. */
export function removeStore(env: CliIo['env']): boolean {
  const file = storePath(env);
  if (!existsSync(file)) return false;
  rmSync(file);
  return true;
}

/** The catalog every command prices with: the bundled one with the user's accepted refreshes; problems go to stderr once. */
export function cliCatalog(io: CliIo): Catalog {
  const { store, problem } = readStore(io);
  if (problem) io.stderr.write(`llm-cost: warning: ${problem}\n`);
  return applyStore(defaultCatalog(), store).catalog;
}
