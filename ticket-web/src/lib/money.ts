// Money in logic is an integer count of the currency's minor units (fen, cents); the API's decimal amounts are read
// digit by digit, never through floating-point arithmetic, and only formatting turns them back into text.

const digitsCache = new Map<string, number>();

/** How many minor-unit digits a currency has (CNY 2, JPY 0), as the platform's Intl data says. */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/**
 * A decimal amount (as the API sends it: a JSON number such as 88 or 68.5, or a decimal string "68.50") in minor
 * units. The number's shortest decimal form is what the server wrote, so reading its digits is exact; an amount
 * with more digits than the currency has is rounded half up, as the server's money rounding does.
 */
export function toMinor(amount: number | string, currency: string): number {
  const text = typeof amount === 'number' ? String(amount) : amount.trim();
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (match === null) throw new RangeError(`not a decimal amount: ${text}`);
  const [, sign, whole = '0', fraction = ''] = match;
  const digits = minorDigits(currency);
  let minor = Number(whole + fraction.padEnd(digits, '0').slice(0, digits));
  if (fraction.length > digits && Number(fraction.charAt(digits)) >= 5) minor += 1;
  if (!Number.isSafeInteger(minor)) throw new RangeError(`amount too large: ${text}`);
  return sign === '-' ? -minor : minor;
}

/** The sum of minor-unit amounts. */
export function sumMinor(amounts: readonly number[]): number {
  return amounts.reduce((total, amount) => total + amount, 0);
}

/** The decimal text of a minor-unit amount ("8800" CNY → "88.00"), exact. */
export function minorToDecimal(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  return digits === 0 ? sign + text : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** A minor-unit amount as people read it in the locale, with the currency's everyday sign: ¥88.00, $12.50. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let format = formatters.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' });
    formatters.set(key, format);
  }
  // Intl formats a decimal string exactly (no float in between)
  return format.format(minorToDecimal(minor, currency) as Intl.StringNumericLiteral);
}
