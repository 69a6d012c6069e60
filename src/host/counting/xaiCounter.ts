/** Exact Grok counts from xAI's tokenize-text endpoint, used only when the user opted in and stored a key. */
import type * as vscode from 'vscode';
import type { ModelEntry } from '../../core/catalog/types';
import type { DocumentCount } from '../../core/prompt/documentCount';
import { withExactTextCount } from '../../core/prompt/documentCount';
import { XaiCountCache, XaiTokenizeError, xaiExactCount } from '../../core/remote/xaiTokenize';
import type { Notifier } from '../config/notifier';
import { subjectTexts } from '../subject/subject';
import type { Subject } from '../subject/subject';
import { errorMessage } from '../../core/format/errorMessage';

/** SecretStorage key of the xAI API key. */
export const XAI_KEY_SECRET = 'llmCost.xai.apiKey';

const TIMEOUT_MS = 10_000;
const COUNTED_FORMATS: ReadonlySet<string> = new Set(['plain', 'markdown']);

export class XaiExactCounter implements vscode.Disposable {
  /** Counts from one endpoint: a different base URL starts a new cache. */
  private cache = { baseUrl: '', counts: new XaiCountCache() };
  private readonly warned = new Set<string>();
  private readonly subscription: vscode.Disposable;
  private key: Promise<string | undefined> | undefined;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly log: vscode.LogOutputChannel,
    private readonly notifier: Notifier,
  ) {
    this.subscription = secrets.onDidChange((e) => {
      if (e.key !== XAI_KEY_SECRET) return;
      this.key = undefined;
      this.warned.clear();
    });
  }

  /**
   * Replaces the text part of xAI models' estimates in `counts` with xAI's exact count (the template stays as counted, see
   * withExactTextCount); on failure warns once per kind and keeps the estimates. Sends the subject's text to `baseUrl`.
   */
  async refine(
    counts: Map<string, DocumentCount>,
    subject: Subject,
    models: ReadonlyMap<string, ModelEntry>,
    baseUrl: string,
    cancelled: () => boolean,
  ): Promise<void> {
    const targets = [...counts].filter(([id, c]) => models.get(id)?.provider === 'xai' && COUNTED_FORMATS.has(c.format));
    if (targets.length === 0) return;
    const apiKey = await (this.key ??= Promise.resolve(this.secrets.get(XAI_KEY_SECRET)));
    if (!apiKey) {
      this.warnOnce(
        'no-key',
        'Exact Grok counts are on, but no xAI API key is stored: run "LLM Cost: Set xAI API key". Showing estimates.',
      );
      return;
    }
    if (this.cache.baseUrl !== baseUrl) this.cache = { baseUrl, counts: new XaiCountCache() };
    const cache = this.cache.counts;
    const texts = subjectTexts(subject);
    for (const [id, estimate] of targets) {
      if (cancelled()) return;
      const model = models.get(id);
      if (!model) continue;
      try {
        let tokens = 0;
        for (const part of texts) tokens += await xaiExactCount(model.id, part, { apiKey, baseUrl, timeoutMs: TIMEOUT_MS, cache });
        if (cancelled()) return;
        counts.set(id, withExactTextCount(estimate, tokens, 'xAI tokenize-text (exact)'));
      } catch (error) {
        const kind = error instanceof XaiTokenizeError ? error.kind : 'unexpected';
        const message = errorMessage(error);
        this.log.warn(`xAI tokenize-text failed for ${model.id} (${kind}): ${message}`);
        this.warnOnce(kind, `Exact Grok count failed (${message}); showing the estimate instead.`);
        return;
      }
    }
  }

  dispose(): void {
    this.subscription.dispose();
  }

  private warnOnce(kind: string, message: string): void {
    if (this.warned.has(kind)) return;
    this.warned.add(kind);
    void this.notifier.show('warning', message);
  }
}
