import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_SETTINGS, MAX_FILE_SIZE_MB_RANGE, OUTPUT_RATIO_MAX, SETTING_KEYS, parseSettings } from '../../src/core/config/settings';
import type { Settings } from '../../src/core/config/settings';

interface SchemaProperty {
  readonly default?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly string[];
  readonly enumDescriptions?: readonly string[];
  readonly markdownDescription?: string;
  readonly description?: string;
}

const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, SchemaProperty> } };
};
const schema = manifest.contributes.configuration.properties;
const one = <K extends keyof Settings>(key: K, value: unknown) => parseSettings({ [SETTING_KEYS[key]]: value });

/** Asserts that `value` for `key` is rejected: the default is used and one problem names the setting. */
function rejects<K extends keyof Settings>(key: K, value: unknown): void {
  const { settings, problems } = one(key, value);
  assert.deepEqual(settings[key], DEFAULT_SETTINGS[key], `${String(value)} should fall back to the default`);
  assert.equal(problems.length, 1, `one problem for ${JSON.stringify(value)}`);
  assert.ok(problems[0].startsWith(`llmCost.${SETTING_KEYS[key]}`), problems[0]);
}

describe('parseSettings', () => {
  it('gives the defaults and no problems for an empty configuration', () => {
    assert.deepEqual(parseSettings({}), { settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('accepts the schema defaults of package.json unchanged', () => {
    const raw: Record<string, unknown> = {};
    for (const name of Object.values(SETTING_KEYS)) raw[name] = schema[`llmCost.${name}`]?.default;
    assert.deepEqual(parseSettings(raw), { settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('reads valid values of every setting', () => {
    const raw = {
      defaultModel: ' grok-4.3 ',
      outputRatio: 2.5,
      cacheHitShare: 0.75,
      currency: 'cny',
      'statusBar.mode': 'afterCommand',
      'panel.models': ['grok-4.7', 'deepseek-flash', 'grok-4.7'],
      'panel.showRetired': true,
      'xai.exactCounts': true,
      'xai.baseUrl': 'https://us.api.x.ai/v1/',
      maxFileSizeMB: 5,
      'promptFiles.plainTextFallback': false,
      'codeLens.enabled': false,
    };
    const { settings, problems } = parseSettings(raw);
    assert.deepEqual(problems, []);
    assert.deepEqual(settings, {
      defaultModel: 'grok-4.3',
      outputRatio: 2.5,
      cacheHitShare: 0.75,
      currency: 'CNY',
      statusBarMode: 'afterCommand',
      panelModels: ['grok-4.7', 'deepseek-flash'],
      showRetired: true,
      xaiExactCounts: true,
      xaiBaseUrl: 'https://us.api.x.ai',
      maxFileSizeMB: 5,
      plainTextFallback: false,
      codeLensEnabled: false,
    });
  });

  it('defaultModel: rejects non-strings and text that cannot be a model id', () => {
    for (const bad of [42, '', '   ', 'has space', '-leading-dash', { id: 'x' }]) rejects('defaultModel', bad);
  });

  it('outputRatio: accepts 0 and the maximum, rejects negatives, overflow, NaN and strings', () => {
    assert.equal(one('outputRatio', 0).settings.outputRatio, 0);
    assert.equal(one('outputRatio', OUTPUT_RATIO_MAX).settings.outputRatio, OUTPUT_RATIO_MAX);
    for (const bad of [-0.1, OUTPUT_RATIO_MAX + 1, Number.NaN, Number.POSITIVE_INFINITY, '2', true]) rejects('outputRatio', bad);
  });

  it('cacheHitShare: accepts 0…1, rejects anything outside or not a number', () => {
    assert.equal(one('cacheHitShare', 1).settings.cacheHitShare, 1);
    assert.equal(one('cacheHitShare', 0.5).settings.cacheHitShare, 0.5);
    for (const bad of [-0.01, 1.01, 50, '0.5', []]) rejects('cacheHitShare', bad);
  });

  it('currency: upper-cases three-letter codes, rejects anything else', () => {
    assert.equal(one('currency', 'eur').settings.currency, 'EUR');
    assert.equal(one('currency', ' GBP ').settings.currency, 'GBP');
    for (const bad of ['US', 'DOLLAR', 'U$D', 840, '']) rejects('currency', bad);
  });

  it('statusBar.mode: accepts the three modes, rejects others (case matters)', () => {
    for (const mode of ['always', 'selection', 'afterCommand'] as const)
      assert.equal(one('statusBarMode', mode).settings.statusBarMode, mode);
    for (const bad of ['never', 'Always', 'aftercommand', 1]) rejects('statusBarMode', bad);
  });

  it('panel.models: keeps valid ids in order without duplicates, reports each bad entry, rejects a non-list', () => {
    const { settings, problems } = one('panelModels', ['a-1', 7, 'a-1', 'b 2', 'c.3']);
    assert.deepEqual(settings.panelModels, ['a-1', 'c.3']);
    assert.equal(problems.length, 2);
    assert.match(problems[0], /^llmCost\.panel\.models\[1\]: 7 is not a model id/);
    assert.match(problems[1], /^llmCost\.panel\.models\[3\]: "b 2"/);
    rejects('panelModels', 'grok-4.7');
    rejects('panelModels', { 0: 'grok-4.7' });
  });

  it('booleans: panel.showRetired, xai.exactCounts, promptFiles.plainTextFallback and codeLens.enabled take only true or false', () => {
    for (const key of ['showRetired', 'xaiExactCounts', 'plainTextFallback', 'codeLensEnabled'] as const) {
      assert.equal(one(key, !DEFAULT_SETTINGS[key]).settings[key], !DEFAULT_SETTINGS[key]);
      for (const bad of ['true', 1, 0, {}]) rejects(key, bad);
    }
  });

  it('xai.exactCounts stays off unless explicitly true, so nothing is sent by default', () => {
    assert.equal(DEFAULT_SETTINGS.xaiExactCounts, false);
    assert.equal(one('xaiExactCounts', 'yes').settings.xaiExactCounts, false);
  });

  it('xai.baseUrl: accepts http(s) roots (a trailing /v1 or slash is dropped), rejects anything else', () => {
    assert.equal(DEFAULT_SETTINGS.xaiBaseUrl, 'https://api.x.ai');
    assert.equal(one('xaiBaseUrl', ' https://us.api.x.ai ').settings.xaiBaseUrl, 'https://us.api.x.ai');
    assert.equal(one('xaiBaseUrl', 'http://127.0.0.1:4567/').settings.xaiBaseUrl, 'http://127.0.0.1:4567');
    assert.equal(one('xaiBaseUrl', 'https://proxy.example/xai/v1').settings.xaiBaseUrl, 'https://proxy.example/xai');
    for (const bad of [42, '', 'api.x.ai', 'ftp://api.x.ai', 'file:///etc/passwd', 'https://api.x.ai/?k=1', 'https://user:pw@api.x.ai'])
      rejects('xaiBaseUrl', bad);
  });

  it('maxFileSizeMB: accepts the bounds, rejects zero, negatives and too large', () => {
    assert.equal(one('maxFileSizeMB', MAX_FILE_SIZE_MB_RANGE.min).settings.maxFileSizeMB, MAX_FILE_SIZE_MB_RANGE.min);
    assert.equal(one('maxFileSizeMB', MAX_FILE_SIZE_MB_RANGE.max).settings.maxFileSizeMB, MAX_FILE_SIZE_MB_RANGE.max);
    for (const bad of [0, -5, MAX_FILE_SIZE_MB_RANGE.max + 1, '20']) rejects('maxFileSizeMB', bad);
  });

  it('treats undefined and null as unset, without a problem', () => {
    for (const name of Object.values(SETTING_KEYS)) {
      assert.deepEqual(parseSettings({ [name]: undefined }).problems, []);
      assert.deepEqual(parseSettings({ [name]: null }).problems, []);
    }
  });

  it('reports several problems at once and keeps the valid values', () => {
    const { settings, problems } = parseSettings({ outputRatio: -1, cacheHitShare: 2, currency: 'EUR' });
    assert.equal(problems.length, 2);
    assert.equal(settings.currency, 'EUR');
    assert.equal(settings.outputRatio, DEFAULT_SETTINGS.outputRatio);
    assert.match(problems[0], /llmCost\.outputRatio: -1 is outside 0…100; using 1\./);
  });
});

describe('settings schema (package.json)', () => {
  it('declares every setting with a description', () => {
    for (const name of Object.values(SETTING_KEYS)) {
      const property = schema[`llmCost.${name}`];
      assert.ok(property, `llmCost.${name} is in contributes.configuration`);
      assert.ok(property.markdownDescription ?? property.description, `llmCost.${name} has a description`);
    }
  });

  it('uses the same bounds as the parser', () => {
    assert.equal(schema['llmCost.outputRatio'].minimum, 0);
    assert.equal(schema['llmCost.outputRatio'].maximum, OUTPUT_RATIO_MAX);
    assert.equal(schema['llmCost.cacheHitShare'].minimum, 0);
    assert.equal(schema['llmCost.cacheHitShare'].maximum, 1);
    assert.equal(schema['llmCost.maxFileSizeMB'].minimum, MAX_FILE_SIZE_MB_RANGE.min);
    assert.equal(schema['llmCost.maxFileSizeMB'].maximum, MAX_FILE_SIZE_MB_RANGE.max);
  });

  it('describes every enum value, and the parser accepts every one', () => {
    for (const [name, property] of Object.entries(schema)) {
      if (!property.enum || name.includes('customModels')) continue;
      assert.equal(property.enumDescriptions?.length, property.enum.length, `${name} describes each value`);
      const key = name.slice('llmCost.'.length);
      for (const value of property.enum) assert.deepEqual(parseSettings({ [key]: value }).problems, [], `${name} = ${value}`);
    }
  });

  it('mentions the US regional endpoint in the xai.baseUrl description', () => {
    assert.equal(schema['llmCost.xai.baseUrl'].default, DEFAULT_SETTINGS.xaiBaseUrl);
    assert.match(schema['llmCost.xai.baseUrl'].markdownDescription ?? '', /https:\/\/us\.api\.x\.ai/);
  });

  it('warns in the xai.exactCounts description that text is sent to xAI', () => {
    assert.match(schema['llmCost.xai.exactCounts'].markdownDescription ?? '', /sends the counted text to xAI/);
  });
});
