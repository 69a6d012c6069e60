import * as assert from 'node:assert/strict';
import { defaultCatalog } from '../../src/core/catalog/catalog';
import { bundledHolidays } from '../../src/core/catalog/holidays';
import { withHolidayYears } from '../../src/core/catalog/holidayRefresh';
import { diffPrices } from '../../src/core/catalog/priceRefresh';
import { applyStore, EMPTY_STORE, parseStore, withAccepted } from '../../src/core/catalog/priceStore';
import { applyUserSettings } from '../../src/core/catalog/userSettings';
import type { Catalog, HolidayCalendars } from '../../src/core/catalog/types';
import { estimate } from '../../src/core/cost/estimate';
import { PriceSourceError } from '../../src/core/remote/priceFetch';
import { loadQuoteSet } from '../../src/core/remote/priceSources';
import { calendarYearLine, refreshSummary } from '../../src/core/view/priceDiffRows';
// A TEST fixture with invented 2027 days (2027-02-06 to 02-12 off, Saturday 02-20 worked): not the real 2027 notice.
import fixture from '../fixtures/prices/holidays2027.testFixture.json';

const NOW = new Date('2026-12-05T12:00:00Z');
/** Monday 2027-02-08 02:00 UTC (10:00 Beijing): a peak hour on an ordinary Monday, a day off in the fixture. */
const FIXTURE_HOLIDAY = new Date('2027-02-08T02:00:00Z');
type Doc = Record<string, { name: string; utcOffset: string; years: Record<string, unknown>[] }>;
const doc = (): Doc => structuredClone(fixture);
const load = (body: unknown) => loadQuoteSet({ kind: 'text', name: 'calendar.json', text: JSON.stringify(body) }, { now: NOW });
const diffOf = async (body: unknown, catalog: Catalog = defaultCatalog()) => diffPrices(catalog, await load(body), NOW);
const flashAt = (catalog: Catalog, at: Date) =>
  estimate(catalog, { modelId: 'deepseek-flash', at, inputTokens: 1_000_000, cache: { hitRatio: 0 }, output: { tokens: 0 } });

describe('holiday calendars from a refresh source', () => {
  it('reads a document shaped like data/holidays.json as calendars, with no price quotes', async () => {
    const set = await load(fixture);
    assert.equal(set.format, 'holidays');
    assert.deepEqual(set.quotes, []);
    assert.deepEqual(
      set.holidays?.CN.years.map((y) => y.year),
      [2027],
    );
  });

  it('offers a year the calendar lacks, and names it with its source', async () => {
    const diff = await diffOf(fixture);
    assert.deepEqual(
      diff.years.map((y) => `${y.calendar} ${y.year.year} ${y.source}`),
      ['CN 2027 calendar.json'],
    );
    assert.deepEqual(diff.heldYears, []);
    assert.deepEqual(diff.changes, []);
    assert.equal(
      calendarYearLine(diff.years[0]),
      'CN 2027 holidays: added, source https://example.invalid/test-fixture-not-the-2027-notice (7 days off, 1 make-up working day)',
    );
    assert.equal(refreshSummary(diff), '1 holiday-calendar year from calendar.json to add.');
  });

  it('once accepted, prices a fixture holiday off-peak all day and moves "holiday calendar unknown" to 2028', async () => {
    const bundled = defaultCatalog();
    const before = flashAt(bundled, FIXTURE_HOLIDAY);
    assert.equal(before.context.window?.label, 'peak');
    assert.match(before.context.window?.note ?? '', /Holiday calendar unknown for 2027/);

    const diff = await diffOf(fixture);
    const { catalog, skipped } = applyStore(bundled, withAccepted(EMPTY_STORE, diff, diff.changes, diff.years));
    assert.deepEqual(skipped, []);
    const after = flashAt(catalog, FIXTURE_HOLIDAY);
    assert.equal(after.context.window?.label, 'off-peak');
    // 1M cache-miss tokens: $0.30 at peak, $0.15 off-peak.
    assert.equal(before.total.toDecimalString(), '0.3');
    assert.equal(after.total.toDecimalString(), '0.15');
    assert.match(
      after.context.window?.note ?? '',
      /2027-02-08 is a Chinese public holiday \(Test holiday \(fixture, not real 2027 data\)\)/,
    );
    // The fixture's make-up working day (Saturday 2027-02-20) has weekday peak hours; 2028 is the first unknown year.
    assert.equal(flashAt(catalog, new Date('2027-02-20T02:00:00Z')).context.window?.label, 'peak');
    assert.match(
      flashAt(catalog, new Date('2028-03-01T02:00:00Z')).context.window?.note ?? '',
      /Holiday calendar unknown for 2028: .* it knows 2025, 2026, 2027\./,
    );
    assert.deepEqual(
      bundled.holidays.CN.years.map((y) => y.year),
      [2025, 2026],
      'the bundled calendars are untouched',
    );
  });

  it('holds back a changed known year and leaves out an unchanged one', async () => {
    const body = doc();
    const ours = structuredClone(bundledHolidays.CN.years) as unknown as Record<string, unknown>[];
    const changed = structuredClone(ours[1]) as { holidays: { from: string; to: string }[] };
    changed.holidays[6] = { ...changed.holidays[6], to: '2026-10-08' };
    body.CN.years = [ours[0], changed, ...body.CN.years];
    const diff = await diffOf(body);
    assert.deepEqual(
      diff.years.map((y) => y.year.year),
      [2027],
    );
    assert.deepEqual(
      diff.heldYears.map((y) => `${y.year.year}: ${y.held}`),
      ['2026: the catalog already has 2026 with other days: a known year is never changed by a refresh'],
    );
    assert.match(calendarYearLine(diff.heldYears[0]), /^CN 2026 holidays: held back: /);
    // Accepting everything offered still never changes 2026.
    const { catalog } = applyStore(defaultCatalog(), withAccepted(EMPTY_STORE, diff, [], [...diff.years, ...diff.heldYears]));
    assert.deepEqual(catalog.holidays.CN.years[1], bundledHolidays.CN.years[1]);
  });

  it('holds back years of a calendar we lack or in another time zone', async () => {
    const body = doc();
    const other = { ...doc().CN, utcOffset: '+09:00' };
    const diff = await diffOf({ XX: body.CN, CN: other });
    assert.deepEqual(diff.years, []);
    assert.deepEqual(
      diff.heldYears.map((y) => `${y.calendar} ${y.year.year}: ${y.held}`),
      ['XX 2027: the catalog has no "XX" calendar (it has CN)', "CN 2027: its utcOffset +09:00 is not the calendar's +08:00"],
    );
  });

  const malformed: [string, (d: Doc) => void, RegExp][] = [
    ['a make-up day on a weekday', (d) => (d.CN.years[0].workdays = ['2027-02-17']), /2027-02-17 is not a Saturday or Sunday/],
    ['a day outside its year', (d) => (d.CN.years[0].holidays = [{ name: 'x', from: '2026-12-31', to: '2027-01-01' }]), /inside 2027/],
    ['no source', (d) => delete d.CN.years[0].source, /source needs a URL and a verified day/],
    ['years out of order', (d) => d.CN.years.unshift({ ...d.CN.years[0], year: 2028, holidays: [], workdays: [] }), /in order/],
    ['a bad utcOffset', (d) => (d.CN.utcOffset = 'Beijing'), /bad utcOffset "Beijing"/],
  ];
  for (const [what, breakIt, message] of malformed) {
    it(`refuses a calendar with ${what}, in one line`, async () => {
      const body = doc();
      breakIt(body);
      await assert.rejects(load(body), (e: unknown) => {
        assert.ok(e instanceof PriceSourceError, String(e));
        assert.match(e.message, /^calendar\.json: not a valid holiday calendar \(/);
        assert.match(e.message, message);
        assert.match(e.message, /; nothing changed$/);
        assert.ok(!e.message.includes('\n'));
        return true;
      });
    });
  }
});

describe('holiday years in the price store', () => {
  it('keeps the accepted years through the user settings VS Code applies on top', async () => {
    const diff = await diffOf(fixture);
    const refreshed = applyStore(defaultCatalog(), withAccepted(EMPTY_STORE, diff, [], diff.years)).catalog;
    const { catalog } = applyUserSettings(refreshed, { exchangeRates: { EUR: '0.9' } }, NOW);
    assert.equal(flashAt(catalog, FIXTURE_HOLIDAY).context.window?.label, 'off-peak');
  });

  it('reads back what it writes', async () => {
    const diff = await diffOf(fixture);
    const store = withAccepted(EMPTY_STORE, diff, [], diff.years);
    assert.equal(store.updates[0].holidayYears?.[0].year.year, 2027);
    assert.deepEqual(parseStore(JSON.stringify(store)), { store });
  });

  it('loads a store written before calendars could be refreshed (version 1, no holidayYears)', () => {
    const old =
      '{"version":1,"updates":[{"source":"litellm","url":"https://example.test/p.json","fetchedAt":"2026-12-05T12:00:00.000Z",' +
      '"changes":[{"model":"grok-4.3","field":"input","price":"1.5"}]}]}';
    const parsed = parseStore(old);
    assert.ok('store' in parsed, JSON.stringify(parsed));
    const { catalog, skipped } = applyStore(defaultCatalog(), parsed.store);
    assert.deepEqual(skipped, []);
    assert.equal(catalog.models.find((m) => m.id === 'grok-4.3')?.periods.at(-1)?.prices.USD?.input, '1.5');
    assert.equal(catalog.holidays, defaultCatalog().holidays);
  });

  it('refuses a store whose holiday year is malformed, as a whole', async () => {
    const diff = await diffOf(fixture);
    const store = JSON.parse(JSON.stringify(withAccepted(EMPTY_STORE, diff, [], diff.years))) as {
      updates: { holidayYears: { year: { workdays: string[] } }[] }[];
    };
    store.updates[0].holidayYears[0].year.workdays = ['2027-02-17'];
    assert.match((parseStore(JSON.stringify(store)) as { problem: string }).problem, /malformed \(update 0: .*not a Saturday or Sunday\)/);
  });

  it('skips a stored year the calendar in force already has (the bundled catalog caught up)', async () => {
    const diff = await diffOf(fixture);
    const store = withAccepted(EMPTY_STORE, diff, [], diff.years);
    const caughtUp: HolidayCalendars = withHolidayYears(bundledHolidays, [
      { calendar: 'CN', year: { ...diff.years[0].year, holidays: [] }, label: 'bundled' },
    ]).calendars;
    const { catalog, skipped } = applyStore({ ...defaultCatalog(), holidays: caughtUp }, store);
    assert.deepEqual(skipped, ['CN 2027 holidays (calendar.json, fetched 2026-12-05)']);
    assert.deepEqual(catalog.holidays.CN.years.at(-1)?.holidays, [], 'the calendar in force keeps its own 2027');
  });
});
