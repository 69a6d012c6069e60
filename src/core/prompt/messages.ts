/** The chat request model shared by every prompt-file format, and its validation from parsed JSON/YAML values. */

export type ChatRole = 'system' | 'user' | 'assistant' | 'tool';

const ROLES: Readonly<Record<string, ChatRole>> = {
  system: 'system',
  developer: 'system',
  user: 'user',
  assistant: 'assistant',
  tool: 'tool',
};

export interface ToolCall {
  readonly id?: string;
  readonly type: string;
  readonly name: string;
  /** The arguments as the request carries them: a JSON string. */
  readonly arguments: string;
}

export interface ChatMessage {
  /** `developer` is folded into `system`. */
  readonly role: ChatRole;
  /** Non-empty text parts joined with a blank line (as mistral-common does); null when absent (tool calls only). */
  readonly content: string | null;
  readonly textParts: number;
  readonly toolCalls?: readonly ToolCall[];
  readonly toolCallId?: string;
}

export interface ChatRequest {
  readonly messages: readonly ChatMessage[];
  /** Tool schemas offered to the model (`tools`), if any. */
  readonly tools?: readonly unknown[];
  /** The model the request names (`model`; a .prompt.yml's `model:`), as written. */
  readonly model?: string;
  /** The request's own output limit (`max_tokens`, `max_completion_tokens`; a .prompt.yml's `modelParameters.max_tokens`). */
  readonly maxTokens?: number;
}

export type JsonPath = readonly (string | number)[];

/** A problem in a prompt value, with the path of the value at fault (for the line number). */
export class PromptIssue extends Error {
  constructor(
    readonly path: JsonPath,
    message: string,
  ) {
    super(message);
  }
}

/** Thrown for a malformed prompt file; the message names the file and line ("chat.jsonl:3: …"). */
export class PromptParseError extends Error {
  constructor(
    readonly fileName: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${fileName}:${line}: ${reason}`);
    this.name = 'PromptParseError';
  }
}

/** Non-text content parts seen (images, audio, files), by type: reported, not counted. */
export type UncountedParts = Map<string, number>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Where the message list sits in a value, if it looks like a chat request at all. */
export function findMessages(value: unknown): { list: unknown[]; path: JsonPath; owner?: Record<string, unknown> } | undefined {
  const looksLikeMessages = (v: unknown): v is unknown[] =>
    Array.isArray(v) && v.length > 0 && isObject(v[0]) && ('role' in v[0] || 'content' in v[0]);
  // Under an explicit "messages" key an empty list is still a (zero-message) request.
  const messagesKey = (v: unknown): v is unknown[] => Array.isArray(v) && (v.length === 0 || looksLikeMessages(v));
  if (looksLikeMessages(value)) return { list: value, path: [] };
  if (!isObject(value)) return undefined;
  if (messagesKey(value.messages)) return { list: value.messages, path: ['messages'], owner: value };
  // OpenAI batch lines: {"custom_id": …, "body": {"model": …, "messages": [...]}}
  const body = value.body;
  if (isObject(body) && messagesKey(body.messages)) return { list: body.messages, path: ['body', 'messages'], owner: body };
  return undefined;
}

/** Validates a parsed value as a chat request; throws PromptIssue when it is not one or a message is malformed. */
export function toChatRequest(value: unknown, uncounted: UncountedParts): ChatRequest {
  const found = findMessages(value);
  if (!found && isObject(value) && 'role' in value) {
    throw new PromptIssue(
      [],
      'a single message, not a request: each line or file must be one request, {"messages": [...]} or a list of {role, content}',
    );
  }
  if (!found) throw new PromptIssue([], 'not a chat request: expected a "messages" list or a list of {role, content}');
  const messages = found.list.map((m, i) => toMessage(m, [...found.path, i], uncounted));
  const tools = found.owner?.tools;
  if (tools !== undefined && tools !== null && !Array.isArray(tools)) {
    throw new PromptIssue([...found.path.slice(0, -1), 'tools'], '"tools" must be a list');
  }
  return {
    messages,
    ...(Array.isArray(tools) && tools.length > 0 ? { tools } : {}),
    ...declaredLimits(found.owner),
  };
}

/** The model and output limit a request declares, where they are well-formed (anything else is ignored). */
function declaredLimits(owner: Record<string, unknown> | undefined): { model?: string; maxTokens?: number } {
  if (!owner) return {};
  const model = typeof owner.model === 'string' && owner.model.trim() ? owner.model.trim() : undefined;
  const limit = [owner.max_tokens, owner.max_completion_tokens, owner.max_output_tokens].find(
    (v): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0,
  );
  return { ...(model ? { model } : {}), ...(limit !== undefined ? { maxTokens: limit } : {}) };
}

function toMessage(raw: unknown, path: JsonPath, uncounted: UncountedParts): ChatMessage {
  const n = Number(path[path.length - 1]) + 1;
  if (!isObject(raw)) throw new PromptIssue(path, `message ${n} is not an object with role and content`);
  if (raw.role === undefined) throw new PromptIssue(path, `message ${n} has no role`);
  const role = typeof raw.role === 'string' ? ROLES[raw.role] : undefined;
  if (!role) {
    throw new PromptIssue(
      path,
      `message ${n} has an unknown role ${JSON.stringify(raw.role)} (expected system, user, assistant, tool or developer)`,
    );
  }
  const toolCalls =
    raw.tool_calls === undefined || raw.tool_calls === null ? undefined : toToolCalls(raw.tool_calls, [...path, 'tool_calls'], n);
  const hasCalls = role === 'assistant' && toolCalls !== undefined && toolCalls.length > 0;
  const { content, textParts } = toContent(raw.content, [...path, 'content'], n, role, hasCalls, uncounted);
  const toolCallId = typeof raw.tool_call_id === 'string' ? raw.tool_call_id : undefined;
  return {
    role,
    content,
    textParts,
    ...(hasCalls ? { toolCalls } : {}),
    ...(toolCallId !== undefined ? { toolCallId } : {}),
  };
}

function toContent(
  raw: unknown,
  path: JsonPath,
  n: number,
  role: ChatRole,
  hasCalls: boolean,
  uncounted: UncountedParts,
): { content: string | null; textParts: number } {
  if (typeof raw === 'string') return { content: raw, textParts: 1 };
  if (raw === undefined || raw === null) {
    if (hasCalls) return { content: null, textParts: 0 };
    throw new PromptIssue(path.slice(0, -1), `message ${n} (${role}) has no content`);
  }
  if (!Array.isArray(raw)) throw new PromptIssue(path, `message ${n}: content must be a string or a list of parts`);
  const texts: string[] = [];
  raw.forEach((part, i) => {
    if (typeof part === 'string') {
      texts.push(part);
      return;
    }
    if (!isObject(part) || typeof part.type !== 'string') {
      throw new PromptIssue([...path, i], `message ${n}: content part ${i + 1} has no type`);
    }
    if (part.type === 'text') {
      if (typeof part.text !== 'string') throw new PromptIssue([...path, i], `message ${n}: text part ${i + 1} has no text`);
      texts.push(part.text);
    } else {
      uncounted.set(part.type, (uncounted.get(part.type) ?? 0) + 1);
    }
  });
  const nonEmpty = texts.filter((t) => t !== '');
  return { content: nonEmpty.join('\n\n'), textParts: nonEmpty.length };
}

function toToolCalls(raw: unknown, path: JsonPath, n: number): ToolCall[] {
  if (!Array.isArray(raw)) throw new PromptIssue(path, `message ${n}: tool_calls must be a list`);
  return raw.map((call, i) => {
    const fn = isObject(call) ? call.function : undefined;
    if (!isObject(call) || !isObject(fn) || typeof fn.name !== 'string') {
      throw new PromptIssue([...path, i], `message ${n}: tool call ${i + 1} needs function.name`);
    }
    const args = fn.arguments;
    const argText = typeof args === 'string' ? args : args === undefined ? '' : JSON.stringify(args);
    return {
      ...(typeof call.id === 'string' ? { id: call.id } : {}),
      type: typeof call.type === 'string' ? call.type : 'function',
      name: fn.name,
      arguments: argText,
    };
  });
}
