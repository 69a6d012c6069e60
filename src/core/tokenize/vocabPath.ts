/** Where the compact vocabularies (dist/vocab) live at run time; nothing here reads node_modules. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const PROJECT_NAME = 'llm-cost';

function isProjectRoot(dir: string): boolean {
  const manifest = path.join(dir, 'package.json');
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === PROJECT_NAME;
  } catch {
    return false;
  }
}

/** The vocabulary folder: $LLM_COST_VOCAB_DIR, else vocab/ next to the running bundle, else <project>/dist/vocab. */
export function vocabDir(): string {
  const fromEnv = process.env.LLM_COST_VOCAB_DIR;
  if (fromEnv) return path.resolve(fromEnv);
  const beside = path.join(__dirname, 'vocab');
  if (existsSync(beside)) return beside;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (isProjectRoot(dir)) return path.join(dir, 'dist', 'vocab');
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(`Tokenizer vocabularies not found next to ${__dirname}; run "npm run build" or set LLM_COST_VOCAB_DIR.`);
}

/** Absolute path of one vocabulary file; throws a clear message when it is missing. */
export function vocabFile(name: string): string {
  const file = path.join(vocabDir(), name);
  if (!existsSync(file)) {
    throw new Error(`Tokenizer vocabulary ${name} is missing from ${path.dirname(file)}; run "npm run build".`);
  }
  return file;
}
