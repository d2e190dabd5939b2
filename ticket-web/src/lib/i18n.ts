import { computed, ref } from 'vue';
import { en, zhCN, type MessageKey } from './messages';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly { code: Locale; name: string }[] = [
  { code: 'zh-CN', name: '中文' },
  { code: 'en', name: 'English' },
];
const STORAGE_KEY = 'ticket.locale';

/** The customer's choice if they made one, else Chinese where the browser asks for it, else English. */
export function preferredLocale(languages: readonly string[], stored: string | null): Locale {
  if (stored === 'zh-CN' || stored === 'en') return stored;
  for (const language of languages) {
    const lower = language.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

function storedLocale(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export const locale = ref<Locale>(
  preferredLocale(typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language], storedLocale()));

export function setLocale(next: Locale): void {
  locale.value = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // private mode: the choice lasts for this page only
  }
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}

/**
 * The text of a key in the current locale, placeholders filled. `{n, one, other}` picks by a count (English only
 * needs it; Chinese has one form).
 */
export function translate(current: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = (current === 'en' ? en : zhCN)[key];
  return template
    .replace(/\{(\w+), ([^,}]*), ([^}]*)\}/g, (_, name: string, one: string, other: string) =>
      Number(params[name]) === 1 ? one : other)
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(locale.value, key, params);
}

/** A list of names joined as the locale joins them: "F12 and F13" / "F12、F13". */
export function joinList(items: readonly string[]): string {
  return new Intl.ListFormat(locale.value, { style: 'long', type: 'conjunction' }).format(items);
}

/** A catalogue category (ACTION, SCIFI, ...) in the customer's language; one the storefront does not know yet as is. */
export function categoryName(category: string | undefined): string {
  if (category === undefined) return '';
  const key = `category_${category}`;
  return key in en ? t(key as MessageKey) : category;
}

export const isChinese = computed(() => locale.value === 'zh-CN');
export type { MessageKey };
