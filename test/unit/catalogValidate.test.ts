import * as assert from 'node:assert/strict';
import { defaultCatalog } from '../../src/core/catalog/catalog';
import { validateCatalog } from '../../src/core/catalog/validate';

/** A mutable deep copy of the bundled catalog (the bundled one is frozen). */
type Loose = { models: any[]; fx: any; holidays: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
const copy = (): Loose => structuredClone(defaultCatalog()) as unknown as Loose;
const check = (c: Loose) => validateCatalog(c);
const index = (c: Loose, id: string) => c.models.findIndex((m) => m.id === id);

describe('validateCatalog', () => {
  it('accepts the bundled catalog', () => {
    assert.deepEqual(validateCatalog(defaultCatalog()), []);
  });

  const defects: [string, (c: Loose) => void, RegExp][] = [
    [
      'a missing source URL',
      (c) => {
        c.models[0].periods[0].source.url = '';
      },
      /deepseek-flash, period 1 .*source URL is missing/,
    ],
    [
      'a missing verified date',
      (c) => {
        delete c.models[0].periods[0].source.verified;
      },
      /verified date is missing/,
    ],
    [
      'a month-only verified date',
      (c) => {
        c.models[0].periods[0].source.verified = '2026-10';
      },
      /verified date .*"2026-10"/,
    ],
    [
      'a negative price',
      (c) => {
        c.models[0].periods[0].prices.USD.input = '-0.30';
      },
      /USD\.input: negative price -0\.30/,
    ],
    [
      'a missing price',
      (c) => {
        delete c.models[0].periods.at(-1).prices.CNY.output;
      },
      /CNY\.output: price is missing/,
    ],
    [
      'an unparseable price',
      (c) => {
        c.models[0].periods[0].prices.USD.cacheHit = 'cheap';
      },
      /USD\.cacheHit: not a number: "cheap"/,
    ],
    [
      'a price given as a float instead of a decimal string',
      (c) => {
        c.models[0].periods[0].prices.USD.output = 1.2;
      },
      /must be a decimal string/,
    ],
    [
      'a period with no price list',
      (c) => {
        c.models[0].periods[0].prices = {};
      },
      /no price list/,
    ],
    [
      'a bad currency code',
      (c) => {
        c.models[0].periods[0].prices.usd = c.models[0].periods[0].prices.USD;
      },
      /bad currency code "usd"/,
    ],
    [
      'overlapping periods',
      (c) => {
        c.models[index(c, 'deepseek-chat')].periods[1].from = '2025-02-01';
      },
      /deepseek-chat, period 2 .*overlaps or precedes/,
    ],
    [
      'unordered periods',
      (c) => {
        c.models[index(c, 'deepseek-chat')].periods.reverse();
      },
      /deepseek-chat.*overlaps/,
    ],
    [
      'an open period before another',
      (c) => {
        delete c.models[index(c, 'deepseek-chat')].periods[0].until;
      },
      /overlaps the previous period, which has no end/,
    ],
    [
      'a period that ends before it starts',
      (c) => {
        c.models[index(c, 'deepseek-chat')].periods[0].until = '2024-01-01';
      },
      /ends \(2024-01-01\) before it starts/,
    ],
    [
      'a bad date',
      (c) => {
        c.models[index(c, 'deepseek-chat')].periods[1].until = '2025-02-30';
      },
      /bad end date "2025-02-30"/,
    ],
    [
      'a bad start date',
      (c) => {
        c.models[0].periods[0].from = 'yesterday';
      },
      /bad start date "yesterday"/,
    ],
    [
      'an alias claimed by two models',
      (c) => {
        c.models[index(c, 'grok-4.6')].aliases = ['grok-2'];
      },
      /alias "grok-2" is also claimed by model grok-2-1212|"grok-2" is also claimed by model grok-4\.6/,
    ],
    [
      'an id that another model uses as alias',
      (c) => {
        c.models[index(c, 'grok-4.6')].id = 'Grok-Code-Fast-1';
      },
      /"grok-code-fast-1" is also claimed by model Grok-Code-Fast-1|"Grok-Code-Fast-1" is also claimed by model grok-build-0\.1/,
    ],
    [
      'a duplicate id',
      (c) => {
        c.models.push(structuredClone(c.models[0]));
      },
      /"deepseek-flash" is also claimed|"deepseek-flash" is listed twice|id or alias "deepseek-flash"/,
    ],
    [
      'an alias listed twice by one model',
      (c) => {
        c.models[0].aliases.push('DEEPSEEK-V4-FLASH');
      },
      /deepseek-flash: "DEEPSEEK-V4-FLASH" is listed twice/,
    ],
    [
      'an unknown tokenizer',
      (c) => {
        c.models[0].tokenizer = 'gpt-2';
      },
      /unknown tokenizer "gpt-2"/,
    ],
    [
      'a model with no periods',
      (c) => {
        c.models[0].periods = [];
      },
      /deepseek-flash: no price period/,
    ],
    [
      'a retired status without a date',
      (c) => {
        delete c.models[index(c, 'grok-3')].status.date;
      },
      /grok-3: retired status has a bad date/,
    ],
    [
      'a schedule window with a bad hour',
      (c) => {
        c.models[0].periods.at(-1).schedule.windows[0].from = '25:00';
      },
      /window 1: bad start time "25:00"/,
    ],
    [
      'a schedule window on day 7',
      (c) => {
        c.models[0].periods.at(-1).schedule.windows[1].days = [7];
      },
      /window 2: days must be 0 \(Sunday\) to 6/,
    ],
    [
      'an empty schedule window',
      (c) => {
        c.models[0].periods.at(-1).schedule.windows[0].to = '01:00';
      },
      /starts and ends at the same time/,
    ],
    [
      'a schedule multiplier above 1',
      (c) => {
        c.models[0].periods.at(-1).schedule.multiplier = '1.5';
      },
      /multiplier 1\.5 is above 1/,
    ],
    [
      'a schedule with no windows',
      (c) => {
        c.models[0].periods.at(-1).schedule.windows = [];
      },
      /schedule: no windows/,
    ],
    [
      'a long-context tier without a threshold',
      (c) => {
        c.models[index(c, 'grok-4.7')].periods[0].longContext.thresholdTokens = 0;
      },
      /grok-4\.7.*threshold must be a positive/,
    ],
    [
      'a negative long-context price',
      (c) => {
        c.models[index(c, 'grok-4.7')].periods[0].longContext.prices.USD.output = '-12';
      },
      /long-context tier prices USD\.output: negative/,
    ],
    [
      'a zero exchange rate',
      (c) => {
        c.fx.rates.EUR = '0';
      },
      /exchange rates EUR: rate is zero/,
    ],
    [
      'an unparseable exchange rate',
      (c) => {
        c.fx.rates.GBP = 'about 0.8';
      },
      /exchange rates GBP: not a number/,
    ],
  ];
  for (const [name, mutate, expected] of defects) {
    it(`catches ${name}`, () => {
      const c = copy();
      mutate(c);
      const problems = check(c);
      assert.ok(
        problems.some((p) => expected.test(p)),
        `expected ${expected} in:\n${problems.join('\n')}`,
      );
    });
  }
});
