import { reactive } from 'vue';

/**
 * The page's two live regions (`LiveRegions`, rendered once by the app and present from the first paint). A region
 * inserted together with its text is not reliably read out by screen readers; one that already exists and changes
 * is. So messages that appear with their text (`StatusBanner`) are spoken through these.
 */
export const liveRegions = reactive({ polite: '', assertive: '' });

const timers: Partial<Record<'polite' | 'assertive', ReturnType<typeof setTimeout>>> = {};

/** Says `text` once: politely (after what the reader is saying), or at once for errors. */
export function announce(text: string, urgency: 'polite' | 'assertive' = 'polite'): void {
  const message = text.trim();
  if (message === '') return;
  // emptied first, so the same message twice in a row is spoken twice
  liveRegions[urgency] = '';
  clearTimeout(timers[urgency]);
  timers[urgency] = setTimeout(() => {
    liveRegions[urgency] = message;
  }, 60);
}
