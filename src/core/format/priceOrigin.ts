/** Where the prices in force came from, in words: "from litellm, fetched 2026-12-05" for refreshed ones. Pure. */
import type { PriceSource } from '../catalog/types';

/** "from litellm, fetched 2026-12-05" for prices accepted from a live source; undefined for the bundled catalog's. */
export function refreshedOrigin(source: PriceSource | undefined): string | undefined {
  const r = source?.refreshed;
  return r ? `from ${r.source}, fetched ${r.fetchedAt.slice(0, 10)}` : undefined;
}
