// Seat-map templates kept by the platform (`/api/admin/hall-templates`), shared by every admin: a saved layout (the
// API's HallRequest members under a template's own name) that a new hall can start from. The API checks a template's
// layout as it checks a hall's, so its refusals (INVALID_SEAT_MAP, TEMPLATE_NAME_TAKEN) reach the caller as thrown
// ApiErrors, to be shown in the API's words.
import type { HallTemplate, NewHall } from '../api/client';
import { api, newIdempotencyKey } from './session';

export type { HallTemplate };

/** The templates, by name. */
export function loadTemplates(): Promise<HallTemplate[]> {
  return api.listHallTemplates();
}

/**
 * Saves the hall's layout as a template named `name` and answers the list as it now is. One idempotency key per
 * attempt (`key`): a retried request cannot save the template twice.
 */
export async function saveTemplate(name: string, request: NewHall, key: string = newIdempotencyKey()): Promise<HallTemplate[]> {
  const { name: _hallName, ...layout } = request;
  await api.createHallTemplate({ ...layout, name }, key);
  return loadTemplates();
}

/** Deletes a template and answers the list as it now is. */
export async function removeTemplate(template: HallTemplate): Promise<HallTemplate[]> {
  await api.deleteHallTemplate(template.templateId ?? '');
  return loadTemplates();
}

/** The template's layout as a hall request (without a name), for the editor to read. */
export function templateRequest(template: HallTemplate): NewHall {
  const { templateId: _id, name: _name, createdAt: _at, ...layout } = template;
  return { name: '', ...layout };
}
