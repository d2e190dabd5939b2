import { describe, expect, it } from 'vitest';
import { highlightSegments } from '../../src/lib/highlight';
import { preferredLocale, translate } from '../../src/lib/i18n';
import { en, zhCN } from '../../src/lib/messages';

describe('languages', () => {
  it('follows the browser: Chinese where it asks for it, else English, unless the customer chose', () => {
    expect(preferredLocale(['zh-CN', 'en'], null)).toBe('zh-CN');
    expect(preferredLocale(['zh-TW'], null)).toBe('zh-CN');
    expect(preferredLocale(['en-GB', 'zh-CN'], null)).toBe('en');
    expect(preferredLocale(['fr-FR'], null)).toBe('en');
    expect(preferredLocale(['zh-CN'], 'en')).toBe('en');
  });

  it('fills placeholders and English plurals', () => {
    expect(translate('en', 'seatsJustTaken', { seats: 'F12', n: 1 })).toContain('F12 was just taken');
    expect(translate('en', 'seatsJustTaken', { seats: 'F12 and F13', n: 2 })).toContain('F12 and F13 were just taken');
    expect(translate('zh-CN', 'limitHint', { limit: 6 })).toBe('本场每位顾客最多可选 6 个座位。');
  });

  it('has every text in both languages', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const value of Object.values(zhCN)) expect(value.trim()).not.toBe('');
  });
});

describe('search highlights', () => {
  it('marks the matches and keeps every other character as text', () => {
    expect(highlightSegments('The <em>Hamlet</em> of <em>Elsinore</em>')).toEqual([
      { text: 'The ', match: false }, { text: 'Hamlet', match: true }, { text: ' of ', match: false }, { text: 'Elsinore', match: true },
    ]);
    expect(highlightSegments('<img src=x onerror=alert(1)> &lt;b&gt;')).toEqual([
      { text: '<img src=x onerror=alert(1)> <b>', match: false },
    ]);
  });
});
