import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import ModerationPage from '../../src/pages/admin/ModerationPage.vue';
import { setLocale } from '../../src/lib/i18n';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });

const queued = {
  id: '7263104932859904001', programId: '9', userId: '3', parentId: null, rating: 4, text: 'the butler did it',
  likeCount: 0, replyCount: 0, edited: false, status: 'VISIBLE', createdAt: '2026-12-01T10:00:00Z',
  updatedAt: '2026-12-01T10:00:00Z', reportCount: 2,
  reports: [{ reason: 'spoils the ending', reportedAt: '2026-12-01T11:00:00Z' }, { reason: 'rude', reportedAt: '2026-12-01T10:30:00Z' }],
};

describe('the moderation page', () => {
  let puts: unknown[];
  let putAnswers: Response[];

  beforeEach(() => {
    setLocale('en');
    puts = [];
    putAnswers = [];
    vi.stubGlobal('fetch', async (input: Request) => {
      const url = new URL(input.url);
      if (url.pathname === '/api/admin/comments/banned-words' && input.method === 'PUT') {
        puts.push(await input.json());
        return putAnswers.shift()!;
      }
      if (url.pathname === '/api/admin/comments/banned-words') {
        return json(200, { words: ['scam', 'rip off'], version: 3, updatedAt: '2026-12-01T08:00:00Z' });
      }
      if (url.pathname === '/api/admin/comments') return json(200, { items: [queued], nextCursor: null });
      return json(404, { status: 404, code: 'NOT_FOUND', detail: 'no such path' });
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  async function page() {
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: ModerationPage }, { path: '/programs/:id', component: { template: '<p/>' } }] });
    await router.push('/');
    await router.isReady();
    const wrapper = mount({ template: '<RouterView />' }, { global: { plugins: [router] }, attachTo: document.body });
    await flushPromises();
    return wrapper;
  }

  it('shows how many reported a comment and the reasons they gave', async () => {
    const wrapper = await page();
    const reports = wrapper.get('[data-testid="report-reasons"]');
    expect(reports.text()).toContain('Reported by 2 customers');
    expect(reports.get('ul').attributes('aria-label')).toBe('Reasons given');
    expect(reports.findAll('li').map((li) => li.get('q').text())).toEqual(['spoils the ending', 'rude']);
    // the hide button's accessible name contains its visible label
    const hide = wrapper.get('button.btn-danger');
    expect(hide.attributes('aria-label')).toContain(hide.text());
    wrapper.unmount();
  });

  it('edits the banned words one per line, saves the whole list, and says a refusal in the API\'s words', async () => {
    const wrapper = await page();
    const textarea = wrapper.get('textarea');
    expect((textarea.element as HTMLTextAreaElement).value).toBe('scam\nrip off');
    const label = wrapper.get('label[for="banned-words"]');
    expect(textarea.attributes('id')).toBe('banned-words');
    expect(label.text()).toBe('Banned words, one per line');

    putAnswers.push(json(400, { status: 400, code: 'VALIDATION_FAILED', detail: 'word 2 is longer than 64 characters: xxx' }));
    await textarea.setValue(' dreck \n\nxxx\n');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(puts).toEqual([{ words: ['dreck', 'xxx'] }]);
    expect(wrapper.get('[data-testid="refusal-detail"]').text()).toContain('word 2 is longer than 64 characters: xxx');
    expect((textarea.element as HTMLTextAreaElement).value).toBe(' dreck \n\nxxx\n');

    putAnswers.push(json(200, { words: ['dreck', 'Boring Plot'], version: 4, updatedAt: '2026-12-02T08:00:00Z' }));
    await textarea.setValue('dreck\nBoring Plot\nDRECK');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(puts[1]).toEqual({ words: ['dreck', 'Boring Plot', 'DRECK'] });
    expect((textarea.element as HTMLTextAreaElement).value).toBe('dreck\nBoring Plot');
    expect(wrapper.find('[data-testid="refusal-detail"]').exists()).toBe(false);
    expect(wrapper.get('.saved[role="status"]').text()).toBe('Saved: 2 banned words.');
    expect(wrapper.get('button[type="submit"]').text()).toBe('Save banned words');
    wrapper.unmount();
  });
});
