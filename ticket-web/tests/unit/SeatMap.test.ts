import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import SeatMap from '../../src/components/SeatMap.vue';
import { setLocale } from '../../src/lib/i18n';
import { hall, idOf } from './fixtures';

describe('SeatMap', () => {
  beforeEach(() => setLocale('en'));

  it('makes every seat a button named by row, number, tier, price, status and type', () => {
    const map = hall({ A2: 'SOLD' });
    const wrapper = mount(SeatMap, { props: { map, selected: [idOf(map, 'B1')] } });
    const label = (l: string) => wrapper.get(`[data-seat-id="${idOf(map, l)}"]`).attributes('aria-label');
    expect(wrapper.findAll('button[data-seat-id]')).toHaveLength(9);
    expect(label('B4')).toBe('Row B seat 4, tier A, ¥88.00, available');
    expect(label('B1')).toBe('Row B seat 1, tier A, ¥88.00, selected');
    expect(label('A2')).toBe('Row A seat 2, tier C, ¥48.00, taken');
    expect(label('A1')).toBe('Row A seat 1, tier C, ¥48.00, available, wheelchair space');
    expect(label('B6')).toBe('Row B seat 6, tier B, ¥68.50, available, couple seat');
    expect(wrapper.get(`[data-seat-id="${idOf(map, 'B1')}"]`).attributes('aria-pressed')).toBe('true');
    expect(wrapper.get(`[data-seat-id="${idOf(map, 'A2')}"]`).attributes('aria-disabled')).toBe('true');
  });

  it('names a companion seat, in English and Chinese', () => {
    const map = hall();
    map.rows![0]!.seats![1]!.type = 'COMPANION';
    const label = () => mount(SeatMap, { props: { map, selected: [] } }).get(`[data-seat-id="${idOf(map, 'A2')}"]`).attributes('aria-label');
    expect(label()).toBe('Row A seat 2, tier C, ¥48.00, available, companion seat');
    setLocale('zh-CN');
    expect(label()).toContain('陪同座');
  });

  it('speaks Chinese too', () => {
    setLocale('zh-CN');
    const map = hall();
    const wrapper = mount(SeatMap, { props: { map, selected: [] } });
    expect(wrapper.get(`[data-seat-id="${idOf(map, 'B4')}"]`).attributes('aria-label')).toBe('第 B 排 4 号，A 区，¥88.00，可选');
  });

  it('picks an available seat, never a taken one', async () => {
    const map = hall({ A2: 'LOCKED' });
    const wrapper = mount(SeatMap, { props: { map, selected: [] } });
    await wrapper.get(`[data-seat-id="${idOf(map, 'A2')}"]`).trigger('click');
    await wrapper.get(`[data-seat-id="${idOf(map, 'A4')}"]`).trigger('click');
    expect(wrapper.emitted('toggle')).toEqual([[idOf(map, 'A4')]]);
  });

  it('has one tab stop and moves it with the arrow keys', async () => {
    const map = hall({ A1: 'SOLD' });
    const wrapper = mount(SeatMap, { props: { map, selected: [] }, attachTo: document.body });
    const tabbable = () => wrapper.findAll('button[tabindex="0"]').map((b) => b.attributes('data-seat-id'));
    // the first seat one can pick
    expect(tabbable()).toEqual([idOf(map, 'A2')]);
    await wrapper.get(`[data-seat-id="${idOf(map, 'A2')}"]`).trigger('keydown', { key: 'ArrowRight' });
    expect(tabbable()).toEqual([idOf(map, 'A4')]);
    expect(document.activeElement?.getAttribute('data-seat-id')).toBe(idOf(map, 'A4'));
    await wrapper.get(`[data-seat-id="${idOf(map, 'A4')}"]`).trigger('keydown', { key: 'ArrowDown' });
    expect(tabbable()).toEqual([idOf(map, 'B4')]);
    wrapper.unmount();
  });
});
