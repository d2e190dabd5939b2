import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import Legend from '../../src/components/Legend.vue';
import { setLocale } from '../../src/lib/i18n';

describe('the seat map legend', () => {
  beforeEach(() => setLocale('en'));

  it('names each special seat type with its mark', () => {
    const wrapper = mount(Legend, { props: { tiers: [{ tier: 'A', minor: 8800 }], currency: 'CNY', types: ['COMPANION', 'WHEELCHAIR'] } });
    const items = wrapper.findAll('li').map((li) => li.text());
    expect(items).toContain('Companion seat');
    expect(items).toContain('Wheelchair space');
    expect(wrapper.findAll('.glyph svg')).toHaveLength(2);
  });

  it('speaks Chinese too', () => {
    setLocale('zh-CN');
    const wrapper = mount(Legend, { props: { tiers: [], currency: 'CNY', types: ['COMPANION'] } });
    expect(wrapper.text()).toContain('陪同座');
  });
});
