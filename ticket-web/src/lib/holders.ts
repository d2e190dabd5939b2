// Ticket holders of real-name showtimes: what the holder form checks before asking the user service (the same rules
// as the service's CreateHolderRequest and IdNumbers, so a refusal there is rare), and how the buyer's chosen seats
// get one holder each (every holder at most once per order, sent in the order of the seats).
import type { Holder, IdType, NewHolder } from '../api/client';
import type { MessageKey } from './messages';

export const ID_TYPES: readonly IdType[] = ['ID_CARD', 'PASSPORT', 'HK_MACAO_PERMIT', 'TAIWAN_PERMIT'];

export const NAME_MAX = 64;
export const ID_NUMBER_MAX = 32;
/** A person's name: a letter first, then letters, marks, spaces and · . ' - (the API's pattern). */
const NAME = /^[\p{L}][\p{L}\p{M} ·.'-]*$/u;

const ID_NUMBER: Record<IdType, RegExp> = {
  ID_CARD: /^[1-9]\d{5}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dX]$/,
  PASSPORT: /^[A-Z0-9]{5,17}$/,
  HK_MACAO_PERMIT: /^[HM]\d{8,10}$/,
  TAIWAN_PERMIT: /^\d{8}(\d{2})?$/,
};
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The number as the service keeps it: no spaces, upper case. */
export function normaliseIdNumber(raw: string): string {
  return raw.replace(/\s/g, '').toUpperCase();
}

/** Whether the last character of an 18-character resident ID card number is its check character (GB 11643). */
export function idCardCheckMatches(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(number[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11] === number[17];
}

export function validIdNumber(type: IdType, raw: string): boolean {
  const number = normaliseIdNumber(raw);
  return ID_NUMBER[type].test(number) && (type !== 'ID_CARD' || idCardCheckMatches(number));
}

export type HolderField = 'name' | 'idType' | 'idNumber';
export type HolderDraft = { name: string; idType: IdType | ''; idNumber: string };

/** What is wrong with each field of the draft, as message keys; empty when it may be sent. */
export function holderProblems(draft: HolderDraft): Partial<Record<HolderField, MessageKey>> {
  const problems: Partial<Record<HolderField, MessageKey>> = {};
  const name = draft.name.trim();
  if (name === '') problems.name = 'holderNameRequired';
  else if (name.length > NAME_MAX) problems.name = 'holderNameTooLong';
  else if (!NAME.test(name)) problems.name = 'holderNameInvalid';
  if (draft.idType === '') problems.idType = 'holderIdTypeRequired';
  const number = draft.idNumber.trim();
  if (number === '') problems.idNumber = 'holderIdNumberRequired';
  else if (number.length > ID_NUMBER_MAX) problems.idNumber = 'holderIdNumberTooLong';
  else if (draft.idType !== '' && !validIdNumber(draft.idType, number)) problems.idNumber = `holderIdNumberInvalid_${draft.idType}`;
  return problems;
}

/** The request for a draft without problems. */
export function toNewHolder(draft: HolderDraft & { idType: IdType }): NewHolder {
  return { name: draft.name.trim(), idType: draft.idType, idNumber: normaliseIdNumber(draft.idNumber) };
}

/** The message key of an ID type's name. */
export function idTypeKey(type: IdType | undefined): MessageKey {
  return type === undefined ? 'holderIdType' : `idType_${type}`;
}

/** "Zhang San · 1101**********002X": how a saved holder is named wherever the buyer picks one. */
export function holderLabel(holder: Holder): string {
  return [holder.name, holder.idNumber].filter(Boolean).join(' · ');
}

/** "Zhang San · 1101…002X": the same, short enough for a select in the narrow order column. */
export function holderShortLabel(holder: Holder): string {
  return [holder.name, holder.idNumber?.replace(/\*+/g, '…')].filter(Boolean).join(' · ');
}

/** Which saved holder goes on each chosen seat: seat id → holder id (a seat without one is absent). */
export type Assignment = Readonly<Record<string, string>>;

/** The chosen seats that have no holder yet, in seat order. */
export function seatsWithoutHolder(seatIds: readonly string[], assignment: Assignment): string[] {
  return seatIds.filter((seatId) => !assignment[seatId]);
}

/** The holders in the order of the seats, as `POST /api/orders` takes them; undefined until every seat has its own. */
export function holderIdsInSeatOrder(seatIds: readonly string[], assignment: Assignment): string[] | undefined {
  const holderIds = seatIds.map((seatId) => assignment[seatId] ?? '');
  if (holderIds.some((id) => id === '')) return undefined;
  if (new Set(holderIds).size !== holderIds.length) return undefined;
  return holderIds;
}

/** The holders one seat may take: all saved ones except those already on another seat of this order. */
export function choicesFor(seatId: string, holders: readonly Holder[], assignment: Assignment): Holder[] {
  const elsewhere = new Set(Object.entries(assignment).filter(([seat]) => seat !== seatId).map(([, holder]) => holder));
  return holders.filter((holder) => holder.id !== undefined && !elsewhere.has(holder.id));
}

/** Puts a holder on a seat (or takes it off with ''), taking them off any other seat: once per order. */
export function assign(assignment: Assignment, seatId: string, holderId: string): Record<string, string> {
  const next: Record<string, string> = {};
  for (const [seat, holder] of Object.entries(assignment)) if (seat !== seatId && holder !== holderId) next[seat] = holder;
  if (holderId !== '') next[seatId] = holderId;
  return next;
}

/** A newly saved holder goes on the first seat still without one (nothing changes when every seat has one). */
export function assignToFirstFree(seatIds: readonly string[], assignment: Assignment, holderId: string): Record<string, string> {
  if (Object.values(assignment).includes(holderId)) return { ...assignment };
  const free = seatsWithoutHolder(seatIds, assignment)[0];
  return free === undefined ? { ...assignment } : assign(assignment, free, holderId);
}

/**
 * The assignment still valid for these seats and saved holders: seats no longer chosen and holders no longer saved
 * drop out; a holder on two seats stays on the first.
 */
export function pruneAssignment(assignment: Assignment, seatIds: readonly string[], holders: readonly Holder[]): Record<string, string> {
  const saved = new Set(holders.map((holder) => holder.id));
  const used = new Set<string>();
  const next: Record<string, string> = {};
  for (const seatId of seatIds) {
    const holderId = assignment[seatId];
    if (holderId === undefined || !saved.has(holderId) || used.has(holderId)) continue;
    used.add(holderId);
    next[seatId] = holderId;
  }
  return next;
}

/** The seats of a refusal grouped by the holder on them, in seat order: who is concerned, and on which seats. */
export function holdersOnSeats(seatIds: readonly string[], assignment: Assignment, holders: readonly Holder[]):
    { holder: Holder | undefined; seatIds: string[] }[] {
  const byId = new Map(holders.map((holder) => [holder.id, holder]));
  const groups = new Map<string, { holder: Holder | undefined; seatIds: string[] }>();
  for (const seatId of seatIds) {
    const holderId = assignment[seatId] ?? '';
    const group = groups.get(holderId) ?? { holder: byId.get(holderId), seatIds: [] };
    group.seatIds.push(seatId);
    groups.set(holderId, group);
  }
  return [...groups.values()];
}
