// Seat-map templates kept in this browser: a saved layout (the API's HallRequest shape without the name) that a new
// hall can start from. The API has no templates yet (docs/ARCHITECTURE.md §13); a template is also just what
// "start from an existing hall" gives, which every admin shares.
import type { NewHall } from '../api/client';

const KEY = 'ticket.admin.hall-templates';

export interface HallTemplate {
  name: string;
  layout: Omit<NewHall, 'name'>;
  savedAt: string;
}

export function loadTemplates(): HallTemplate[] {
  try {
    const raw = localStorage.getItem(KEY);
    const list = raw === null ? [] : (JSON.parse(raw) as unknown);
    return Array.isArray(list) ? (list as HallTemplate[]).filter((t) => typeof t?.name === 'string' && typeof t.layout === 'object') : [];
  } catch {
    return [];
  }
}

/** Saves (or replaces, by name) a template; the list comes back sorted by name. */
export function saveTemplate(name: string, request: NewHall): HallTemplate[] {
  const { name: _hallName, ...layout } = request;
  const list = loadTemplates().filter((t) => t.name !== name);
  list.push({ name, layout, savedAt: new Date().toISOString() });
  list.sort((a, b) => a.name.localeCompare(b.name));
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // storage full or unavailable: the template lasts for this page
  }
  return list;
}

export function removeTemplate(name: string): HallTemplate[] {
  const list = loadTemplates().filter((t) => t.name !== name);
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // as above
  }
  return list;
}
