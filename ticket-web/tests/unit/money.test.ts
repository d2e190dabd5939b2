import { describe, expect, it } from 'vitest';
import { formatMoney, minorDigits, minorToDecimal, sumMinor, toMinor } from '../../src/lib/money';

describe('money in minor units', () => {
  it('reads the API amounts digit by digit', () => {
    expect(toMinor(88, 'CNY')).toBe(8800);
    expect(toMinor(68.5, 'CNY')).toBe(6850);
    expect(toMinor('68.50', 'CNY')).toBe(6850);
    expect(toMinor(0.1, 'CNY')).toBe(10);
    expect(toMinor(1200, 'JPY')).toBe(1200);
    expect(toMinor('0.005', 'CNY')).toBe(1);
    expect(() => toMinor('1e3', 'CNY')).toThrow(RangeError);
  });

  it('adds exactly where floating point would not', () => {
    // 0.1 + 0.2 !== 0.3 in floating point; in fen it is
    expect(sumMinor([toMinor(0.1, 'CNY'), toMinor(0.2, 'CNY')])).toBe(toMinor(0.3, 'CNY'));
    expect(sumMinor([8800, 8800, 6850])).toBe(24450);
  });

  it('knows each currency\'s minor digits', () => {
    expect(minorDigits('CNY')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorToDecimal(5, 'CNY')).toBe('0.05');
    expect(minorToDecimal(-1234, 'CNY')).toBe('-12.34');
  });

  it('formats per locale and currency', () => {
    expect(formatMoney(8800, 'CNY', 'zh-CN')).toBe('¥88.00');
    expect(formatMoney(8800, 'CNY', 'en')).toBe('¥88.00');
    expect(formatMoney(1250, 'USD', 'en')).toBe('$12.50');
    expect(formatMoney(1200, 'JPY', 'en')).toBe('¥1,200');
  });
});
