/** Help texts for `llm-cost` and each command. */
import { editDistance } from '../core/catalog/catalog';

export const COMMANDS = ['models', 'count', 'estimate', 'usage', 'prices', 'mcp'] as const;

export const MAIN_HELP = `llm-cost: what an LLM prompt will cost before you send it (DeepSeek, Mistral, Grok/xAI)

Usage:
  llm-cost models   [--provider deepseek|mistral|xai] [--all] [--json]
  llm-cost count    [--model ID] [--json] [--exact] [--plain] [FILE|-]
  llm-cost estimate [--model ID]... [--ratio R | --output-tokens N]
                    [--cache-hit FRACTION | --cached-prefix-tokens N] [--currency CODE]
                    [--at DATE] [--max-cost AMOUNT] [--format table|md|csv|json]
                    [--json] [--exact] [--plain] [FILE|-]
  llm-cost usage    --model ID [--at DATE] [--currency CODE]
                    [--long-context] (--cache-hit-tokens N --cache-miss-tokens N
                    --output-tokens N | --input-tokens N --output-tokens N |
                    --total-tokens N --input-share F) [--json]
  llm-cost prices   check [--source SRC]... [--json] | update [--source SRC] [--yes] | revert
  llm-cost mcp      serve these commands as MCP tools over stdio (for AI agents)

Run 'llm-cost COMMAND --help' for details.

Options:
  -h, --help   show help
  --version    print the version

Environment:
  XAI_API_KEY             API key for --exact (Grok counts from xAI; nothing is sent without --exact)
  LLM_COST_XAI_BASE_URL   xAI endpoint override (default https://api.x.ai)
  LLM_COST_HOME           where 'prices update' keeps accepted prices (default: your config folder)

Exit codes: 0 success, 1 internal error, 2 bad input (unknown model, bad number or
date, unreadable file), 3 estimate over --max-cost.
`;

export const MODELS_HELP = `Usage: llm-cost models [--provider deepseek|mistral|xai] [--all] [--json]

Lists the models in the catalog with their current prices per million tokens (input on a
cache miss, cached input on a cache hit, output), status, context window, tokenizer, and
where each price comes from with the date it was last verified.
DeepSeek models also show their off-peak prices; Grok models their long-context tier.

Options:
  --provider P   only deepseek, mistral or xai
  --all          include legacy and retired models (their last prices)
  --json         machine-readable output (prices as exact decimal strings)
  -h, --help     show this help
`;

export const COUNT_HELP = `Usage: llm-cost count [--model ID] [--json] [--exact] [--plain] [FILE|-]

Counts the tokens of FILE (or stdin, for - or no FILE) with the model's own tokenizer.
Prompt files are counted as the provider bills them, chat template included: JSON with
a "messages" array, JSONL (one request per line), .prompt.yml; other files as plain text.
Counts that are estimates (Grok) are marked with ≈ and their error band.

Options:
  --model ID   model id or alias (see 'llm-cost models --all'); optional for a prompt file
               that names a known model (.prompt.yml 'model:', a request's "model")
  --exact      Grok: ask xAI's tokenize-text endpoint for the exact count. Sends the text
               to xAI; needs XAI_API_KEY. Falls back to the estimate on any failure.
  --plain      count a malformed prompt file as plain text instead of failing
  --json       machine-readable output
  -h, --help   show this help
`;

export const ESTIMATE_HELP = `Usage: llm-cost estimate [--model ID]... [options] [FILE|-]

Estimates what sending FILE (or stdin) as a prompt costs: one line per model with the
prompt's tokens, the input cost, what caching saves, the projected output cost and the
total. Without --model, a prompt file that names a known model (.prompt.yml 'model:',
a request's "model") is priced for that model, with its max_tokens as the projected
output unless --ratio or --output-tokens is given; otherwise every current model is
listed. Prompt files (JSON chats, JSONL, .prompt.yml) are counted with each model's chat
template, as in 'llm-cost count'.

Options:
  --model ID                model id or alias; repeat for several
  --ratio R                 output tokens = R x input tokens (default 1: as many output
                            tokens as input; set it for your workload)
  --output-tokens N         a fixed number of output tokens instead of a ratio
  --cache-hit FRACTION      share of the input served from the prompt cache, 0..1 or a
                            percentage (default 0: nothing cached)
  --cached-prefix-tokens N  the first N input tokens are a cache hit
  --currency CODE           USD (default), CNY, EUR, GBP, JPY...; native lists are used
                            where the provider publishes one, otherwise converted
  --fx CODE=RATE,...        exchange rates in units per USD (e.g. CNY=7.2,JPY=150), over
                            the bundled approximate ones; env LLM_COST_FX, same syntax
  --at DATE                 price at this moment (ISO date or date-time, UTC; default now;
                            a date alone prices 00:00 UTC)
  --max-cost AMOUNT         exit with code 3 if any listed model's total exceeds AMOUNT
                            (in --currency); a budget gate for CI
  --exact                   Grok: exact count from xAI's tokenize-text (sends the text;
                            needs XAI_API_KEY; falls back to the estimate on failure)
  --plain                   count a malformed prompt file as plain text instead of failing
  --format F                table (default), md (a Markdown table, rounded as shown),
                            csv (exact decimal amounts) or json
  --json                    machine-readable output (exact decimal strings alongside
                            numbers); the same as --format json
  -h, --help                show this help
`;

export const USAGE_HELP = `Usage: llm-cost usage --model ID [--at DATE] [--currency CODE] [--fx CODE=RATE,...]
         [--spread-evenly | --discounted-share F] [--long-context] TOKENS [--json]

Prices tokens already used (a day of a provider console's usage, say) with the prices in
force at --at, line by line, to reproduce a bill.

TOKENS is one of:
  --cache-hit-tokens N --cache-miss-tokens N --output-tokens N
                     input split by cache (DeepSeek reports both), and output
  --input-tokens N --output-tokens N
                     input without a split (billed at the cache-miss price), and output
  --total-tokens N --input-share F
                     total tokens and the share (0..1) that was input; the rest is output

Options:
  --model ID          model id or alias; retired models keep their historical prices
  --output-tokens N   output tokens, reasoning tokens included
  --at DATE           when the tokens were used (ISO date or date-time, UTC; default now)
  --currency CODE     currency of the bill (native list where published, else converted)
  --fx CODE=RATE,...  exchange rates in units per USD (e.g. CNY=7.2,JPY=150), over the
                      bundled approximate ones; env LLM_COST_FX takes the same syntax
  --spread-evenly     a day on a model with time-of-day prices (DeepSeek): spread the
                      tokens evenly over the day's hours, peak and off-peak
  --discounted-share F  share (0..1 or a percentage) of the tokens used in the discounted
                      (off-peak) window; a date without a time on such a model needs one
                      of these two or a time
  --long-context      the requests' prompts reached the model's long-context threshold
                      (xAI: 200k tokens): bill every token at the long-context prices
  --json              machine-readable output (numbers plus exact decimal strings)
  -h, --help          show this help
`;

export const MCP_HELP = `Usage: llm-cost mcp

Serves the Model Context Protocol over stdio for AI agents (Claude Code, Cursor, VS Code,
Cline…), with the tools estimate, count, models and usage. Each returns the JSON of the
command with --json; bad input is a tool error. Nothing is sent anywhere (no --exact).
Register it in the agent's MCP configuration as the command: llm-cost mcp

Options:
  -h, --help   show this help
`;

export const PRICES_HELP = `Usage: llm-cost prices check [--source SRC]... [--json]
       llm-cost prices update [--source SRC] [--yes] [--json]
       llm-cost prices revert

Compares the prices in force with a live source and, on request, keeps the source's prices.
Nothing is requested except by these commands. A source updates only the current USD prices
of models it names; our other rules (CNY lists, DeepSeek's peak hours, history) stay ours, and
ids we do not list are reported, not added. A price that would drop to zero, turn negative or
move more than 3x either way is held back and shown, never applied. A timeout (10 s), an HTTP
error, a malformed or oversized (> 20 MB) answer gives one message and changes nothing.
A FILE or URL may instead hold holiday calendars shaped like the catalog's data/holidays.json
(a calendar id such as CN with its "years"): years our calendar lacks are added, so DeepSeek's
holidays are off-peak in them; a year we already have is never changed (held back if it differs).

  check    print the differences (model, field, in force, source says); exit 0
  update   the same; with --yes, keep the source's prices (and calendar years) from now on
           (every command uses them, 'models' names the source and fetch date)
  revert   drop every kept price and calendar year: the bundled catalog applies again

Options:
  --source SRC   litellm (default: LiteLLM's model_prices_and_context_window.json),
                 genai-prices (pydantic's data.json), xai (GET /v1/models with XAI_API_KEY),
                 an http(s) URL or a FILE in one of those formats or a holiday-calendar
                 document; check takes several
  --yes, -y      update: write the changes
  --json         machine-readable output
  -h, --help     show this help

Environment:
  LLM_COST_HOME               folder of prices.json (default: the platform's config folder)
  LLM_COST_LITELLM_URL        another address for the LiteLLM file
  LLM_COST_GENAI_PRICES_URL   another address for genai-prices' data.json
`;

/** The command name closest to a mistyped one, if any is close. */
export function closestCommand(input: string): string | undefined {
  const scored = COMMANDS.map((c) => ({ c, d: editDistance(input.toLowerCase(), c) })).sort((a, b) => a.d - b.d);
  return scored[0].d <= 2 ? scored[0].c : undefined;
}
