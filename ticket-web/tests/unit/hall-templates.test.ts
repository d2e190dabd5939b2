import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import HallEditorPage from '../../src/pages/admin/HallEditorPage.vue';
import { emptyLayout, hallRequest, layoutOfRequest, paint } from '../../src/lib/hallDraft';
import { loadTemplates, removeTemplate, saveTemplate, templateRequest } from '../../src/lib/hallTemplates';
import type { HallTemplate } from '../../src/api/client';
import { setLocale } from '../../src/lib/i18n';

const json = (status: number, body: unknown) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });

const kept: HallTemplate = {
  templateId: '7263104932859904001', name: 'Small hall', rows: 2, cols: 4, gaps: [{ row: 1, col: 4 }], aisleColumns: [],
  rowSettings: [], seatOverrides: [{ row: 2, col: 1, type: 'WHEELCHAIR', tier: 'C' }, { row: 2, col: 2, type: 'COMPANION', tier: 'C' }],
  createdAt: '2026-12-06T04:00:00Z',
};

describe('hall templates kept by the platform', () => {
  let templates: HallTemplate[];
  let sent: { method: string; path: string; key: string | null; body: unknown }[];
  let postAnswer: Response | undefined;

  beforeEach(() => {
    setLocale('en');
    templates = [kept];
    sent = [];
    postAnswer = undefined;
    vi.stubGlobal('fetch', async (input: Request) => {
      const url = new URL(input.url);
      const body = input.method === 'POST' ? await input.json() : undefined;
      sent.push({ method: input.method, path: url.pathname, key: input.headers.get('Idempotency-Key'), body });
      if (url.pathname === '/api/admin/hall-templates' && input.method === 'GET') return json(200, templates);
      if (url.pathname === '/api/admin/hall-templates' && input.method === 'POST') {
        if (postAnswer) return postAnswer;
        const created = { ...(body as HallTemplate), templateId: '7263104932859904002', createdAt: '2026-12-06T04:10:00Z' };
        templates = [...templates, created];
        return json(201, created);
      }
      if (url.pathname.startsWith('/api/admin/hall-templates/') && input.method === 'DELETE') {
        const id = url.pathname.split('/').pop();
        if (!templates.some((t) => t.templateId === id)) return json(404, { status: 404, code: 'NOT_FOUND', detail: `hall template ${id} not found` });
        templates = templates.filter((t) => t.templateId !== id);
        return json(204, null);
      }
      if (url.pathname === '/api/admin/cinemas/5') return json(200, { cinemaId: '5', name: 'Bund', city: 'Shanghai', address: 'x', timeZone: 'Asia/Shanghai' });
      if (url.pathname === '/api/admin/cinemas/5/halls') return json(200, []);
      return json(404, { status: 404, code: 'NOT_FOUND', detail: 'no such path' });
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('lists, saves with an idempotency key, and removes through the API', async () => {
    expect((await loadTemplates()).map((t) => t.name)).toEqual(['Small hall']);
    const layout = emptyLayout(3, 3);
    const list = await saveTemplate('Three by three', hallRequest('Hall 9', layout), 'key-1');
    expect(list.map((t) => t.name)).toEqual(['Small hall', 'Three by three']);
    const post = sent.find((s) => s.method === 'POST')!;
    expect(post.key).toBe('key-1');
    // the hall's name is not sent: the template's own is
    expect(post.body).toEqual({ ...hallRequest('Hall 9', layout), name: 'Three by three' });
    expect((await removeTemplate(kept)).map((t) => t.name)).toEqual(['Three by three']);
    expect(sent.some((s) => s.method === 'DELETE' && s.path === `/api/admin/hall-templates/${kept.templateId}`)).toBe(true);
  });

  it('reads a template back as the layout it was saved from', () => {
    const layout = layoutOfRequest(templateRequest(kept));
    const expected = emptyLayout(2, 4);
    paint(expected, 1, 4, { kind: 'gap' });
    paint(expected, 2, 1, { kind: 'seat', type: 'WHEELCHAIR', tier: 'C' });
    paint(expected, 2, 2, { kind: 'seat', type: 'COMPANION', tier: 'C' });
    expect(layout).toEqual(expected);
  });

  it('throws the API\'s refusal', async () => {
    postAnswer = json(409, { status: 409, code: 'TEMPLATE_NAME_TAKEN', detail: 'a hall template named "Small hall" already exists' });
    await expect(saveTemplate('Small hall', hallRequest('x', emptyLayout(2, 2)))).rejects.toMatchObject({ code: 'TEMPLATE_NAME_TAKEN' });
  });

  async function editor() {
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: HallEditorPage, props: { cinemaId: '5' } }] });
    await router.push('/');
    await router.isReady();
    const wrapper = mount({ template: '<RouterView />' }, { global: { plugins: [router] }, attachTo: document.body });
    await flushPromises();
    return wrapper;
  }

  it('lets the editor start from a kept template, save one, and shows a refusal in the API\'s words', async () => {
    const wrapper = await editor();
    expect(wrapper.get('.template-list').text()).toContain('Small hall');
    await wrapper.get('#hall-start').setValue(`template:${kept.templateId}`);
    await wrapper.findAll('button').find((b) => b.text() === 'Use this layout')!.trigger('click');
    await flushPromises();
    expect((wrapper.get('#hall-rows').element as HTMLInputElement).value).toBe('2');
    expect((wrapper.get('#hall-cols').element as HTMLInputElement).value).toBe('4');

    postAnswer = json(409, { status: 409, code: 'TEMPLATE_NAME_TAKEN', detail: 'a hall template named "Small hall" already exists' });
    await wrapper.get('#template-name').setValue('Small hall');
    await wrapper.get('.templates form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('.templates [data-testid="refusal-detail"]').text()).toContain('a hall template named "Small hall" already exists');

    postAnswer = undefined;
    await wrapper.get('#template-name').setValue('Another');
    expect(wrapper.find('.templates [data-testid="refusal-detail"]').exists()).toBe(false);
    await wrapper.get('.templates form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('.template-list').text()).toContain('Another');
    const posts = sent.filter((s) => s.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[0]!.key).not.toBe(posts[1]!.key);
    wrapper.unmount();
  });
});
