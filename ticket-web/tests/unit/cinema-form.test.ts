import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import CinemaForm from '../../src/components/admin/CinemaForm.vue';
import { setLocale } from '../../src/lib/i18n';

describe('the cinema form\'s time zone', () => {
  const sent: { method: string; body: Record<string, unknown> }[] = [];
  beforeEach(() => {
    setLocale('en');
    sent.length = 0;
    // the platform's side of the exchange: it answers the cinema it was sent
    vi.stubGlobal('fetch', async (request: Request) => {
      const body = await request.json() as Record<string, unknown>;
      sent.push({ method: request.method, body });
      return new Response(JSON.stringify({ cinemaId: '7', ...body }), {
        status: request.method === 'POST' ? 201 : 200, headers: { 'Content-Type': 'application/json' },
      });
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('starts a new cinema in Asia/Shanghai and sends the zone picked', async () => {
    const wrapper = mount(CinemaForm);
    const select = wrapper.get<HTMLSelectElement>('#cinema-zone');
    expect(select.element.value).toBe('Asia/Shanghai');
    const options = select.findAll('option').map((o) => o.attributes('value'));
    expect(options).toContain('Europe/London');
    expect(options).toContain('Asia/Hong_Kong');
    expect(options.some((z) => z?.startsWith('Etc/'))).toBe(false);
    expect(select.get('option[value="Asia/Shanghai"]').text()).toBe('Asia/Shanghai (GMT+8)');
    expect(wrapper.get('label[for="cinema-zone"]').text()).toBe('Time zone');

    await wrapper.get('#cinema-name').setValue('Odeon Leicester Square');
    await wrapper.get('#cinema-city').setValue('London');
    await wrapper.get('#cinema-address').setValue('24-26 Leicester Square');
    await select.setValue('Europe/London');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(sent).toEqual([{ method: 'POST', body: {
      name: 'Odeon Leicester Square', city: 'London', address: '24-26 Leicester Square', timeZone: 'Europe/London',
    } }]);
    expect(wrapper.emitted('saved')?.[0]?.[0]).toMatchObject({ cinemaId: '7', timeZone: 'Europe/London' });
  });

  it('keeps an existing cinema\'s zone, in Chinese too', async () => {
    setLocale('zh-CN');
    const wrapper = mount(CinemaForm, {
      props: { cinema: { cinemaId: '9', name: 'Odeon', city: 'London', address: '1 Square', timeZone: 'Europe/London' } },
    });
    expect(wrapper.get<HTMLSelectElement>('#cinema-zone').element.value).toBe('Europe/London');
    expect(wrapper.get('label[for="cinema-zone"]').text()).toBe('时区');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(sent.map((s) => [s.method, s.body.timeZone])).toEqual([['PUT', 'Europe/London']]);
  });
});
