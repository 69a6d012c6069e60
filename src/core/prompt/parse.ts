/** Prompt-file formats: detection from the file name and content, and parsing into chat requests. */
import { LineCounter, parseDocument } from 'yaml';
import type { ChatRequest, UncountedParts } from './messages';
import { PromptIssue, PromptParseError, findMessages, toChatRequest } from './messages';
import { cleanJsonMessage, jsonErrorLine, jsonValueLine } from './jsonLocate';

export { kindFromName } from './fileKind';
export type { PromptFileKind } from './fileKind';

/** The last path segment, for error messages. */
export function displayName(fileName: string | undefined): string {
  if (!fileName) return 'untitled';
  const parts = fileName.split(/[\\/]/);
  return parts[parts.length - 1] || fileName;
}

const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** A JSON document: its chat request, or undefined when it is valid JSON without messages (plain text). */
export function parseJsonPrompt(text: string, file: string, uncounted: UncountedParts): ChatRequest | undefined {
  const body = stripBom(text);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    const message = (e as Error).message;
    throw new PromptParseError(file, jsonErrorLine(body, message), `not valid JSON: ${cleanJsonMessage(message)}`);
  }
  if (!findMessages(value)) return undefined;
  try {
    return toChatRequest(value, uncounted);
  } catch (e) {
    if (e instanceof PromptIssue) throw new PromptParseError(file, jsonValueLine(body, e.path), e.message);
    throw e;
  }
}

/** JSON Lines: one request per non-blank line. */
export function parseJsonl(text: string, file: string, uncounted: UncountedParts): ChatRequest[] {
  const requests: ChatRequest[] = [];
  const lines = stripBom(text).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      throw new PromptParseError(file, i + 1, `not valid JSON: ${cleanJsonMessage((e as Error).message)}`);
    }
    try {
      requests.push(toChatRequest(value, uncounted));
    } catch (e) {
      if (e instanceof PromptIssue) throw new PromptParseError(file, i + 1, e.message);
      throw e;
    }
  }
  return requests;
}

/** A GitHub-style `.prompt.yml`: a `messages` list of {role, content}, its `model` and `modelParameters.max_tokens`; other keys (testData) are ignored. */
export function parseYamlPrompt(text: string, file: string, uncounted: UncountedParts): ChatRequest {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: false });
  const error = doc.errors[0];
  if (error) {
    const line = lineCounter.linePos(yamlErrorOffset(text, error.code, error.message, error.pos[0])).line;
    throw new PromptParseError(file, line, `not valid YAML: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    throw new PromptParseError(file, 1, `not valid YAML: ${(e as Error).message}`); // e.g. an alias bomb
  }
  const messages = (value as { messages?: unknown } | null)?.messages;
  if (!Array.isArray(messages) || messages.length === 0) {
    throw new PromptParseError(file, 1, 'a .prompt.yml file needs a "messages" list of {role, content}');
  }
  try {
    const { model, modelParameters } = value as { model?: unknown; modelParameters?: { max_tokens?: unknown } | null };
    return toChatRequest({ messages, model, max_tokens: modelParameters?.max_tokens }, uncounted);
  } catch (e) {
    if (e instanceof PromptIssue) {
      const node = doc.getIn(e.path, true) as { range?: [number, number, number] } | undefined;
      const parent = doc.getIn(e.path.slice(0, -1), true) as { range?: [number, number, number] } | undefined;
      const offset = node?.range?.[0] ?? parent?.range?.[0] ?? 0;
      throw new PromptParseError(file, lineCounter.linePos(offset).line, e.message);
    }
    throw e;
  }
}

/** Where to point for a YAML error: an unterminated quoted scalar is reported at its end, so point at its opening quote. */
function yamlErrorOffset(text: string, code: string, message: string, offset: number): number {
  if (code !== 'MISSING_CHAR' || !/quote/.test(message)) return offset;
  const quote = message.includes('"quote') ? '"' : "'";
  for (let i = Math.min(offset, text.length - 1); i >= 0; i--) {
    if (text[i] === quote && !(quote === '"' && text[i - 1] === '\\')) return i;
  }
  return offset;
}

/** Content sniffing for files whose name declares nothing: a chat JSON or JSONL document, or undefined. Never throws. */
export function sniffChat(text: string, uncounted: UncountedParts): { kind: 'json' | 'jsonl'; requests: ChatRequest[] } | undefined {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  const attempt = <T>(parse: (seen: UncountedParts) => T): T | undefined => {
    const seen: UncountedParts = new Map();
    try {
      const result = parse(seen);
      for (const [k, v] of seen) uncounted.set(k, (uncounted.get(k) ?? 0) + v);
      return result;
    } catch {
      return undefined;
    }
  };
  const request = attempt((seen) => parseJsonPrompt(text, '', seen));
  if (request) return { kind: 'json', requests: [request] };
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length < 2 || !lines.every((l) => /^\s*[[{]/.test(l))) return undefined;
  const requests = attempt((seen) => parseJsonl(text, '', seen));
  return requests ? { kind: 'jsonl', requests } : undefined;
}
