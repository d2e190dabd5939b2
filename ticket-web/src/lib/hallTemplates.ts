// Seat-map templates kept by the platform (`/api/admin/hall-templates`), shared by every admin: a saved layout (the
// API's HallRequest members under a template's own name) that a new hall can start from. The API checks a template's
// layout as it checks a hall's, so its refusals (INVALID_SEAT_MAP, TEMPLATE_NAME_TAKEN) reach the caller as thrown
// ApiErrors, to be shown in the API's words.
import { ProblemError, type HallTemplate, type NewHall } from '../api/client';
import { api, newIdempotencyKey } from './session';

export type { HallTemplate };

/** The templates, by name. */
export function loadTemplates(): Promise<HallTemplate[]> {
  return api.listHallTemplates();
}

/**
 * Saves the hall's layout as a template named `name` and answers the list as it now is. One idempotency key per
 * attempt (`key`): a retried request cannot save the template twice. Once saved, a list that cannot be read again
 * is the one the editor had (`known`) with the new template: the save is not reported as failed.
 */
export async function saveTemplate(name: string, request: NewHall, key: string = newIdempotencyKey(),
  known: HallTemplate[] = []): Promise<HallTemplate[]> {
  const { name: _hallName, ...layout } = request;
  const created = await api.createHallTemplate({ ...layout, name }, key);
  return loadTemplates().catch(() => byName([...known.filter((t) => t.templateId !== created.templateId), created]));
}

/** Deletes a template (one already gone counts as deleted) and answers the list as it now is. */
export async function removeTemplate(template: HallTemplate, known: HallTemplate[] = []): Promise<HallTemplate[]> {
  try {
    await api.deleteHallTemplate(template.templateId ?? '');
  } catch (e) {
    if (!(e instanceof ProblemError && e.status === 404)) throw e;
  }
  return loadTemplates().catch(() => known.filter((t) => t.templateId !== template.templateId));
}

function byName(list: HallTemplate[]): HallTemplate[] {
  return list.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
}

/** The template's layout as a hall request (without a name), for the editor to read. */
export function templateRequest(template: HallTemplate): NewHall {
  const { templateId: _id, name: _name, createdAt: _at, ...layout } = template;
  return { name: '', ...layout };
}
