import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import SeatBrushPicker from '../../src/components/admin/SeatBrushPicker.vue';
import { setLocale } from '../../src/lib/i18n';

describe('the seat brush', () => {
  beforeEach(() => setLocale('en'));

  it('offers the companion seat and paints with it', async () => {
    const wrapper = mount(SeatBrushPicker, {
      props: { modelValue: { kind: 'seat', type: 'STANDARD', tier: 'B' }, seat: { type: 'STANDARD', tier: 'B' } },
    });
    const option = wrapper.findAll('label.option').find((l) => l.text() === 'Companion seat');
    expect(option).toBeDefined();
    await option!.get('input').trigger('change');
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual([{ kind: 'seat', type: 'COMPANION', tier: 'B' }]);
  });

  it('speaks Chinese too', () => {
    setLocale('zh-CN');
    const wrapper = mount(SeatBrushPicker, {
      props: { modelValue: { kind: 'seat', type: 'STANDARD', tier: 'B' }, seat: { type: 'STANDARD', tier: 'B' } },
    });
    expect(wrapper.text()).toContain('陪同座');
  });
});
