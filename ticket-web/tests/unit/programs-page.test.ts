import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AdminProgramRow } from '../../src/api/client';
import ProgramsPage from '../../src/pages/admin/ProgramsPage.vue';
import { setLocale } from '../../src/lib/i18n';
import { api } from '../../src/lib/session';

const program = (id: string, onSaleCount: number, showtimeCount: number): AdminProgramRow => ({
  programId: id, title: `Film ${id}`, category: 'DRAMA', durationMinutes: 120, rating: 'PG-13', posterUrl: null,
  showtimeCount, onSaleCount, nextStart: showtimeCount > 0 ? '2026-12-07T12:00:00Z' : null,
});

describe('the admin program list', () => {
  beforeEach(() => setLocale('en'));
  afterEach(() => vi.restoreAllMocks());

  it('lists programs with where each stands, filters by title, category and schedule, and pages by cursor', async () => {
    const list = vi.spyOn(api, 'adminPrograms')
      .mockResolvedValueOnce({ items: [program('3', 2, 3), program('2', 0, 1), program('1', 0, 0)], nextCursor: 'c1' })
      .mockResolvedValueOnce({ items: [program('0', 0, 0)], nextCursor: null })
      .mockResolvedValueOnce({ items: [program('3', 2, 3)], nextCursor: null })
      .mockResolvedValueOnce({ items: [], nextCursor: null });
    const wrapper = mount(ProgramsPage, { global: { stubs: { RouterLink: RouterLinkStub } } });
    await flushPromises();
    expect(list).toHaveBeenLastCalledWith({ size: 25 });
    const rows = () => wrapper.findAll('tbody tr');
    expect(rows().map((r) => r.findAll('td').slice(2, 4).map((c) => c.text()))).toEqual([
      ['On sale', '2 / 3'], ['Scheduled, none on sale', '0 / 1'], ['Nothing scheduled', '0 / 0'],
    ]);
    expect(rows()[0]!.getComponent(RouterLinkStub).props('to')).toBe('/admin/programs/3');

    await wrapper.get('button.btn:not([type="submit"])').trigger('click');
    await flushPromises();
    expect(list).toHaveBeenLastCalledWith({ size: 25, cursor: 'c1' });
    expect(rows()).toHaveLength(4);

    await wrapper.get('#program-search').setValue('  film 3 ');
    await wrapper.get('#program-status').setValue('ON_SALE');
    await flushPromises();
    expect(list).toHaveBeenLastCalledWith({ size: 25, q: 'film 3', status: 'ON_SALE' });
    expect(rows()).toHaveLength(1);

    await wrapper.get('#program-category').setValue('CONCERT');
    await flushPromises();
    expect(list).toHaveBeenLastCalledWith({ size: 25, q: 'film 3', category: 'CONCERT', status: 'ON_SALE' });
    expect(wrapper.find('[data-testid="programs-empty"]').exists()).toBe(true);
  });
});
