import { nextTick } from 'vue';

/**
 * Moves keyboard focus once Vue has rendered the change that removed the focused control (a deleted row, a closed
 * panel, a button that is no longer offered), so a keyboard or screen-reader user goes on from where they were
 * instead of from the top of the page. `target` is read after the render; nothing happens when it is gone too.
 */
export async function focusAfterRender(target: () => HTMLElement | null | undefined): Promise<void> {
  await nextTick();
  target()?.focus();
}

/** The element of `selector` inside the element with `data-<key>="<value>"` (a table row, a list item), if any. */
export function within(key: string, value: string | undefined, selector: string): HTMLElement | null {
  if (value === undefined) return null;
  // compared as data, not spliced into a selector: an id may hold any character
  const holder = Array.from(document.querySelectorAll<HTMLElement>(`[data-${key}]`))
    .find((element) => element.getAttribute(`data-${key}`) === value);
  return holder?.querySelector<HTMLElement>(selector) ?? null;
}
