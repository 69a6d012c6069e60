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
}
