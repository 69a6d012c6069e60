/** The counting interface every front end uses: count(text, model) → CountResult. */
import type { TokenizerId } from '../catalog/types';

export interface ErrorBand {
  /** Plausible range of the true count ÷ the estimate: { low: 0.95, high: 1.9 } → "−5% … +90%" (the true count may be 5% lower to 90% higher). */
  readonly low: number;
  readonly high: number;
  readonly basis: string;
}

export interface CountResult {
  readonly model: string;
  readonly tokenizer: TokenizerId;
  readonly tokens: number;
  /** True only where the tokenizer is proven identical to the provider's. */
  readonly exact: boolean;
  /** Present for estimates: how far off the count may be. */
  readonly errorBand?: ErrorBand;
  /** Short label for UIs: "DeepSeek V3 BPE", "≈ o200k stand-in for Grok". */
  readonly label: string;
}

/** A loaded tokenizer. encode() gives the provider's token ids for raw text (no template, no BOS). */
export interface Tokenizer {
  readonly id: TokenizerId;
  readonly exact: boolean;
  encode(text: string): number[];
  count(text: string): number;
  /** Where text may be cut into independently counted blocks (incremental counting); absent: never. */
  readonly cuts?: BlockCuts;
}

/**
 * A family's proven cut rule. For any texts X and Y where isCut(X + Y, X.length) holds:
 * countBlock(X + Y, first) === countBlock(X, first) + countBlock(Y, false), and countBlock(T, true) === count(T).
 */
export interface BlockCuts {
  /** Whether text may be cut before position p (0 < p < text.length); reads only text[p - 1] and text[p]. */
  isCut(text: string, p: number): boolean;
  /** Count of a block; `first` when it begins the text (SentencePiece's dummy prefix goes there only). */
  countBlock(block: string, first: boolean): number;
}
