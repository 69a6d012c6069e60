/** A file's prompt format from its name alone. No parsing here, so the host bundle can use it. */
export type PromptFileKind = 'plain' | 'markdown' | 'json' | 'jsonl' | 'prompt-yaml';

/** The format a file name declares; `json` still needs its content checked for messages. */
export function kindFromName(fileName: string | undefined): PromptFileKind | undefined {
  if (!fileName) return undefined;
  const name = fileName.toLowerCase();
  if (/\.prompt\.ya?ml$/.test(name)) return 'prompt-yaml';
  if (/\.(jsonl|ndjson)$/.test(name)) return 'jsonl';
  if (name.endsWith('.json')) return 'json';
  if (/\.(md|markdown|mdx)$/.test(name)) return 'markdown';
  return 'plain';
}

/** True for the names whose text is chat messages: chat JSON, JSONL, `.prompt.yml`. */
export function isPromptFileName(fileName: string | undefined): boolean {
  const kind = kindFromName(fileName);
  return kind === 'json' || kind === 'jsonl' || kind === 'prompt-yaml';
}
