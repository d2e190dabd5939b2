import { mount, RouterLinkStub } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import CommentList from '../../src/components/CommentList.vue';
import ProgramCard from '../../src/components/ProgramCard.vue';
import RatingPanel from '../../src/components/RatingPanel.vue';
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
