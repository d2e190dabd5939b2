import { describe, expect, it } from 'vitest';
import type { Holder } from '../../src/api/client';
import {
  assign, assignToFirstFree, choicesFor, holderIdsInSeatOrder, holderLabel, holderProblems, holderShortLabel, holdersOnSeats, normaliseIdNumber,
  pruneAssignment, seatsWithoutHolder, validIdNumber,
} from '../../src/lib/holders';
import { translate } from '../../src/lib/i18n';
import { en, zhCN } from '../../src/lib/messages';

const zhang: Holder = { id: '11', name: 'Zhang San', idType: 'ID_CARD', idNumber: '1101**********002X' };
const li: Holder = { id: '12', name: 'Li Si', idType: 'PASSPORT', idNumber: 'E1*****78' };
const wang: Holder = { id: '13', name: 'Wang Wu', idType: 'TAIWAN_PERMIT', idNumber: '12****78' };
const holders = [zhang, li, wang];

describe('ticket holder form rules (the user service\'s)', () => {
  it('accepts a resident ID card only with its check character, spaces and case aside', () => {
    expect(validIdNumber('ID_CARD', '11010519491231002X')).toBe(true);
    expect(validIdNumber('ID_CARD', '110105 19491231 002x')).toBe(true);
    expect(validIdNumber('ID_CARD', '110105194912310021')).toBe(false);
    expect(validIdNumber('ID_CARD', '11010519491331002X')).toBe(false); // month 13
    expect(normaliseIdNumber(' 1101 0519491231002x ')).toBe('11010519491231002X');
  });

  it('checks the other ID types by their formats', () => {
    expect(validIdNumber('PASSPORT', 'E12345678')).toBe(true);
    expect(validIdNumber('PASSPORT', 'E1-2345')).toBe(false);
    expect(validIdNumber('HK_MACAO_PERMIT', 'H12345678')).toBe(true);
    expect(validIdNumber('HK_MACAO_PERMIT', 'X12345678')).toBe(false);
    expect(validIdNumber('TAIWAN_PERMIT', '1234567890')).toBe(true);
    expect(validIdNumber('TAIWAN_PERMIT', '123456789')).toBe(false);
  });

  it('names what is wrong with each field', () => {
    expect(holderProblems({ name: '', idType: '', idNumber: '' }))
      .toEqual({ name: 'holderNameRequired', idType: 'holderIdTypeRequired', idNumber: 'holderIdNumberRequired' });
    expect(holderProblems({ name: '3 Zhang', idType: 'ID_CARD', idNumber: '110105194912310021' }))
      .toEqual({ name: 'holderNameInvalid', idNumber: 'holderIdNumberInvalid_ID_CARD' });
    expect(holderProblems({ name: 'x'.repeat(65), idType: 'PASSPORT', idNumber: 'E12345678' })).toEqual({ name: 'holderNameTooLong' });
    expect(holderProblems({ name: '张三', idType: 'ID_CARD', idNumber: '11010519491231002X' })).toEqual({});
    expect(holderProblems({ name: "Anne-Marie O'Neil", idType: 'PASSPORT', idNumber: 'E12345678' })).toEqual({});
  });

  it('has every new text in both languages', () => {
    for (const key of ['holderCapReached', 'holderForSeat', 'realNameCap', 'idType_HK_MACAO_PERMIT'] as const) {
      expect(en[key].length).toBeGreaterThan(0);
      expect(zhCN[key].length).toBeGreaterThan(0);
      expect(zhCN[key]).not.toBe(en[key]);
    }
    expect(translate('en', 'realNameCap', { cap: 1 })).toBe('At most 1 ticket per ID number for this show, across all accounts.');
    expect(translate('en', 'realNameCap', { cap: 2 })).toContain('At most 2 tickets');
  });
});

describe('one holder per seat', () => {
  const seats = ['s1', 's2', 's3'];

  it('sends the holders in the order of the seats, only once every seat has its own', () => {
    expect(holderIdsInSeatOrder(seats, { s2: '12', s1: '11' })).toBeUndefined();
    expect(holderIdsInSeatOrder(seats, { s3: '13', s2: '11', s1: '12' })).toEqual(['12', '11', '13']);
    expect(holderIdsInSeatOrder(['s1', 's2'], { s1: '11', s2: '11' })).toBeUndefined();
    expect(seatsWithoutHolder(seats, { s2: '12' })).toEqual(['s1', 's3']);
  });

  it('offers each seat the holders not already on another seat', () => {
    const assignment = { s1: '11', s2: '12' };
    expect(choicesFor('s1', holders, assignment).map((h) => h.id)).toEqual(['11', '13']);
    expect(choicesFor('s3', holders, assignment).map((h) => h.id)).toEqual(['13']);
  });

  it('moves a holder chosen for another seat there, and clears a seat with ""', () => {
    expect(assign({ s1: '11', s2: '12' }, 's3', '11')).toEqual({ s2: '12', s3: '11' });
    expect(assign({ s1: '11', s2: '12' }, 's1', '')).toEqual({ s2: '12' });
  });

  it('puts a new holder on the first seat without one', () => {
    expect(assignToFirstFree(seats, { s1: '11' }, '13')).toEqual({ s1: '11', s2: '13' });
    expect(assignToFirstFree(seats, { s1: '11', s2: '12', s3: '13' }, '14')).toEqual({ s1: '11', s2: '12', s3: '13' });
  });

  it('forgets seats no longer picked and holders no longer saved', () => {
    expect(pruneAssignment({ s1: '11', s2: '99', s4: '13' }, seats, holders)).toEqual({ s1: '11' });
  });

  it('groups refused seats by the person on them', () => {
    const groups = holdersOnSeats(['s1', 's3'], { s1: '11', s2: '12', s3: '13' }, holders);
    expect(groups.map((g) => [g.holder?.name, g.seatIds])).toEqual([['Zhang San', ['s1']], ['Wang Wu', ['s3']]]);
    expect(holderLabel(zhang)).toBe('Zhang San · 1101**********002X');
    expect(holderShortLabel(zhang)).toBe('Zhang San · 1101…002X');
  });
});
