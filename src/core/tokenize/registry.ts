/** Model tokenizer family → how to load it, whether it is exact, and how it is labelled. */
import type { TokenizerId } from '../catalog/types';
import type { ErrorBand, Tokenizer } from './types';
import { loadSentencePiece } from './sentencepiece/loader';
import { loadTiktokenFamily } from './bpe/tiktokenFamily';
import { loadDeepSeek, type DeepSeekTokenizer } from './bpe/deepseekFamily';
import { CALIBRATION } from '../catalog/calibration';

interface TokenizerSpec {
  readonly label: string;
  readonly errorBand?: ErrorBand;
  readonly load: () => Tokenizer;
}

const SPECS: Record<TokenizerId, TokenizerSpec> = {
  'deepseek-v3': { label: 'DeepSeek V3 BPE', load: loadDeepSeek },
  'mistral-tekken': { label: 'Mistral Tekken', load: () => loadTiktokenFamily('mistral-tekken', 'tekken', true) },
  'mistral-sp-v1': { label: 'Mistral SentencePiece v1', load: () => loadSentencePiece('v1') },
  'mistral-sp-v3': { label: 'Mistral SentencePiece v3', load: () => loadSentencePiece('v3') },
  'mistral-sp-v7': { label: 'Mistral SentencePiece v7', load: () => loadSentencePiece('v7') },
  'openai-cl100k': { label: 'OpenAI cl100k', load: () => loadTiktokenFamily('openai-cl100k', 'cl100k', true) },
  'openai-o200k': { label: 'OpenAI o200k', load: () => loadTiktokenFamily('openai-o200k', 'o200k', true) },
  'grok-estimate': {
    label: '≈ o200k estimate for Grok',
    // Measured with Grok-1 against o200k; source and day in data/calibration.json.
    errorBand: CALIBRATION.grokEstimateBand,
    load: () => ({ ...getTokenizer('openai-o200k'), id: 'grok-estimate', exact: false }),
  },
};

const loaded = new Map<TokenizerId, Tokenizer>();

/** The tokenizer for a family, loaded on first use and kept. */
export function getTokenizer(id: TokenizerId): Tokenizer {
  let t = loaded.get(id);
  if (!t) {
    t = SPECS[id].load();
    loaded.set(id, t);
  }
  return t;
}

/** Display label and error band of a family, without loading it. */
export function describeTokenizer(id: TokenizerId): { label: string; errorBand?: ErrorBand } {
  const { label, errorBand } = SPECS[id];
  return { label, errorBand };
}

/** True when the family is known here. */
export function isTokenizerId(value: unknown): value is TokenizerId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(SPECS, value);
}

/** The id of the DeepSeek added token (e.g. "<｜User｜>") whose text is exactly `text`, else undefined. */
export function deepseekSpecialTokenId(text: string): number | undefined {
  const tokenizer = getTokenizer('deepseek-v3');
  return 'addedTokenId' in tokenizer ? (tokenizer as DeepSeekTokenizer).addedTokenId(text) : undefined;
}
