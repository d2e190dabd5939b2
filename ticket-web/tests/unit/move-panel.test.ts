import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProblemError, type HallTimetable, type Showtime } from '../../src/api/client';
import MoveShowtimePanel from '../../src/components/admin/MoveShowtimePanel.vue';
import { setLocale } from '../../src/lib/i18n';
import { api } from '../../src/lib/session';

// a 100-minute film with the hall's 20-minute cleaning buffer: the slot is 2 hours (10:00–12:00 in Shanghai)
const showtime: Showtime = {
  showtimeId: '7', hallId: 'h1', hallName: 'Hall 1', timeZone: 'Asia/Shanghai', status: 'ON_SALE',
  startsAt: '2026-12-08T02:00:00Z', endsAt: '2026-12-08T04:00:00Z',
};
const entry = (id: string, startsAt: string, occupiedUntil: string, occupiesHall = true) => ({
  showtimeId: id, programId: '2', programTitle: `Show ${id}`, startsAt, endsAt: occupiedUntil, occupiedUntil, status: 'ON_SALE', occupiesHall,
});
const timetable: HallTimetable = {
  hallId: 'h1', hallName: 'Hall 1', timeZone: 'Asia/Shanghai', cleaningBufferSeconds: 1200,
  items: [
    entry('7', '2026-12-08T02:00:00Z', '2026-12-08T04:00:00Z'),
    entry('8', '2026-12-08T05:00:00Z', '2026-12-08T07:00:00Z'),
    entry('9', '2026-12-08T07:00:00Z', '2026-12-08T09:00:00Z', false),
  ],
};

describe('moving a showtime', () => {
  beforeEach(() => setLocale('en'));
  afterEach(() => vi.restoreAllMocks());

  it('warns of the hall\'s other showtimes the moved slot would meet, never of itself or a cancelled one', async () => {
    const read = vi.spyOn(api, 'hallTimetable').mockResolvedValue(timetable);
    vi.spyOn(api, 'orderRules').mockResolvedValue({});
    vi.spyOn(api, 'occupancyReport').mockRejectedValue(new Error('not needed'));
    const wrapper = mount(MoveShowtimePanel, { props: { showtime } });
    await flushPromises();
    expect(read).toHaveBeenCalledWith('h1', { from: '2026-12-07T02:00:00.000Z', to: '2026-12-10T02:00:00.000Z' });
    const warning = () => wrapper.find('[data-tone="warning"]');
    expect(warning().exists()).toBe(false);

    // 11:00 Shanghai: its own old slot is not a clash
    await wrapper.get('#move-start').setValue('2026-12-08T11:00');
    await flushPromises();
    expect(warning().exists()).toBe(false);

    // 12:30–14:30 meets show 8 (13:00–15:00)
    await wrapper.get('#move-start').setValue('2026-12-08T12:30');
    await flushPromises();
    expect(warning().findAll('li').map((li) => li.text())).toEqual([expect.stringMatching(/Show 8$/)]);

    // 15:00–17:00 ends as show 9 starts, which is cancelled anyway
    await wrapper.get('#move-start').setValue('2026-12-08T15:00');
    await flushPromises();
    expect(warning().exists()).toBe(false);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('says a refusal for a busy hall in the cinema\'s time, not in the service\'s UTC instants', async () => {
    vi.spyOn(api, 'hallTimetable').mockResolvedValue(timetable);
    vi.spyOn(api, 'orderRules').mockResolvedValue({});
    vi.spyOn(api, 'occupancyReport').mockRejectedValue(new Error('not needed'));
    const detail = 'the hall is busy from 2026-12-08T05:00:00Z to 2026-12-08T07:00:00Z';
    vi.spyOn(api, 'rescheduleShowtime').mockRejectedValue(new ProblemError(409, 'SHOWTIME_OVERLAP', detail, {
      status: 409, code: 'SHOWTIME_OVERLAP', detail, conflictingShowtimeId: '8',
      busyFrom: '2026-12-08T05:00:00Z', busyUntil: '2026-12-08T07:00:00Z',
    }));
    const wrapper = mount(MoveShowtimePanel, { props: { showtime } });
    await flushPromises();
    await wrapper.get('#move-start').setValue('2026-12-08T12:30');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    // 05:00–07:00 UTC is 13:00–15:00 in Shanghai
    const said = wrapper.get('[data-testid="refusal-detail"]').text();
    expect(said).toMatch(/13:00.*15:00/);
    expect(said).not.toContain('05:00:00Z');
    expect(said).toContain('SHOWTIME_OVERLAP');
  });
});
