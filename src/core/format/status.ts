/** A model's status in words: the one label every surface shows for retired and legacy models. Pure. */
import type { ModelEntry } from '../catalog/types';
import { displayMoment } from '../catalog/moments';

/** What a retired or legacy model's figures are priced with. */
export const LAST_PUBLISHED = 'last published price';

/**
 * "" for a current model; "retired 2026-07-24 15:59 UTC — last published price; replacement: deepseek-flash",
 * "legacy — last published price". `short` leaves out the price and replacement ("retired 2026-07-31", "legacy").
 * The catalog's status note is for its maintainers and never shown.
 */
export function statusLabel(model: Pick<ModelEntry, 'status'>, form: 'full' | 'short' = 'full'): string {
  const s = model.status;
  switch (s.kind) {
    case 'current':
      return '';
    case 'legacy':
      return form === 'short' ? 'legacy' : `legacy — ${LAST_PUBLISHED}`;
    case 'retired': {
      const head = `retired ${displayMoment(s.date)}`;
      if (form === 'short') return head;
      return `${head} — ${LAST_PUBLISHED}${s.replacement ? `; replacement: ${s.replacement}` : ''}`;
    }
    default: {
      const unknown: never = s;
      return String(unknown);
    }
  }
}
