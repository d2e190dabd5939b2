import { mount, RouterLinkStub } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import CommentList from '../../src/components/CommentList.vue';
import ProgramCard from '../../src/components/ProgramCard.vue';
import RatingPanel from '../../src/components/RatingPanel.vue';
import ShowtimeGroups from '../../src/components/ShowtimeGroups.vue';
import { browserTimeZone } from '../../src/lib/time';
import { setLocale } from '../../src/lib/i18n';

describe('a program as the customer sees it', () => {
  beforeEach(() => setLocale('en'));

  it('shows the rating summary with its stars read out and its histogram', () => {
    const wrapper = mount(RatingPanel, {
      props: { summary: { programId: '1', average: 4.25, count: 8, histogram: { '5': 4, '4': 2, '3': 2 } } },
    });
    expect(wrapper.get('.big').text()).toBe('4.3');
    expect(wrapper.get('[role="img"]').attributes('aria-label')).toBe('4.3 out of 5');
    expect(wrapper.text()).toContain('8 ratings');
    expect(wrapper.findAll('.bars li').map((li) => li.get('.bar-n').text())).toEqual(['4', '2', '2', '0', '0']);
    expect(mount(RatingPanel, { props: { summary: { count: 0 } } }).text()).toBe('No ratings yet');
  });

  it('lists comments as text, never as markup', () => {
    const wrapper = mount(CommentList, {
      props: {
        comments: [{ id: '1', rating: 5, text: 'Loved it <script>alert(1)</script>', createdAt: '2026-12-04T12:00:00Z' }],
        programId: '7', signedIn: false,
      },
    });
    expect(wrapper.find('script').exists()).toBe(false);
    expect(wrapper.get('.text').text()).toBe('Loved it <script>alert(1)</script>');
    expect(wrapper.get('time').attributes('datetime')).toBe('2026-12-04T12:00:00Z');
  });

  it('cards show the highlighted title, the category in the customer\'s language and the next show in the cinema\'s time', () => {
    setLocale('zh-CN');
    const wrapper = mount(ProgramCard, {
      props: {
        program: {
          programId: '122537212288958464', title: 'Hamlet', category: 'THEATRE', durationMinutes: 170, rating: 'PG',
          nextShowtime: '2026-12-05T05:30:00Z', cities: ['Beijing', 'Shanghai'], highlights: { title: ['<em>Hamlet</em>'] },
        },
      },
      global: { stubs: { RouterLink: RouterLinkStub } },
    });
    expect(wrapper.get('mark').text()).toBe('Hamlet');
    expect(wrapper.text()).toContain('戏剧');
    expect(wrapper.text()).toContain('13:30');
    expect(wrapper.getComponent(RouterLinkStub).props('to')).toEqual({ name: 'program', params: { programId: '122537212288958464' } });
  });
});

describe('showtimes in their cinemas\' zones', () => {
  const deviceZone = process.env.TZ;
  beforeEach(() => {
    setLocale('en');
    // the device's clock is in Shanghai (Node follows TZ set at run time)
    process.env.TZ = 'Asia/Shanghai';
  });
  afterEach(() => {
    if (deviceZone === undefined) delete process.env.TZ;
    else process.env.TZ = deviceZone;
  });

  it('shows each time in its cinema\'s zone, named where the device\'s clock reads otherwise', async () => {
    expect(browserTimeZone()).toBe('Asia/Shanghai');
    const wrapper = mount(ShowtimeGroups, {
      props: {
        showtimes: [
          { showtimeId: '1', cinemaId: 'o', cinemaName: 'Odeon', city: 'London', timeZone: 'Europe/London', hallName: 'Screen 1', startsAt: '2026-12-05T20:00:00Z', status: 'ON_SALE' },
          { showtimeId: '2', cinemaId: 'b', cinemaName: 'Bund', city: 'Shanghai', timeZone: 'Asia/Shanghai', hallName: 'Hall 1', startsAt: '2026-12-05T20:00:00Z', status: 'ON_SALE' },
        ],
      },
      global: { stubs: { RouterLink: RouterLinkStub } },
    });
    const clocks = () => wrapper.findAll('.cinema').map((c) => [c.get('strong').text(), c.get('.clock').text()]);
    // one instant: Saturday evening in London, Sunday morning in Shanghai
    expect(wrapper.findAll('.day-chip').map((b) => b.text())).toEqual(['Sat, Dec 5', 'Sun, Dec 6']);
    expect(clocks()).toEqual([['Odeon', '20:00 GMT']]);
    await wrapper.findAll('.day-chip')[1]!.trigger('click');
    expect(clocks()).toEqual([['Bund', '04:00']]);
  });
});
