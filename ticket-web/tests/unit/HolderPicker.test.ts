import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Holder } from '../../src/api/client';
import HolderPicker from '../../src/components/HolderPicker.vue';
import { setLocale } from '../../src/lib/i18n';

const zhang: Holder = { id: '11', name: 'Zhang San', idType: 'ID_CARD', idNumber: '1101**********002X' };
const li: Holder = { id: '12', name: 'Li Si', idType: 'PASSPORT', idNumber: 'E1*****78' };
const wang: Holder = { id: '13', name: 'Wang Wu', idType: 'TAIWAN_PERMIT', idNumber: '12****78' };
const holders = [zhang, li, wang];

describe('HolderPicker', () => {
  beforeEach(() => setLocale('en'));
  const seats = [{ seatId: 's1', name: 'Row F seat 12' }, { seatId: 's2', name: 'Row F seat 13' }];
  const mountPicker = (modelValue: Record<string, string>, list: Holder[] = holders) => mount(HolderPicker, {
    props: { seats, holders: list, modelValue },
    global: { stubs: { RouterLink: true } },
  });

  it('gives each seat a labelled select without the holders already on another seat', () => {
    const wrapper = mountPicker({ s1: '11' });
    const label = wrapper.get('label[for="holder-for-s2"]');
    expect(label.text()).toBe('Holder for Row F seat 13');
    const options = wrapper.get('#holder-for-s2').findAll('option').map((o) => o.text());
    expect(options).toEqual(['Choose a holder', 'Li Si · E1…78', 'Wang Wu · 12…78']);
    expect(wrapper.get('[data-testid="holders-status"]').text()).toBe('1 seat still needs a holder.');
  });

  it('emits the new assignment when a holder is chosen', async () => {
    const wrapper = mountPicker({ s1: '11' });
    await wrapper.get('#holder-for-s2').setValue('12');
    expect(wrapper.emitted('update:modelValue')).toEqual([[{ s1: '11', s2: '12' }]]);
  });

  it('says when there are fewer holders than seats, and opens the inline form', async () => {
    const wrapper = mountPicker({}, [zhang]);
    expect(wrapper.get('[data-testid="holders-status"]').text()).toBe('Each person can be on one ticket only: add 1 more holder or remove a seat.');
    await wrapper.get('button.add').trigger('click');
    expect(wrapper.find('#inline-holder-name').exists()).toBe(true);
    expect(wrapper.get('label[for="inline-holder-idNumber"]').text()).toBe('ID number');
  });
});
