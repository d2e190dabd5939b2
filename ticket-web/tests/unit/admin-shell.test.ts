import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import AdminShell from '../../src/pages/admin/AdminShell.vue';
import { setLocale } from '../../src/lib/i18n';
import { session } from '../../src/lib/session';

function shellAt(path: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { template: '<p>home</p>' } },
      { path: '/admin', component: AdminShell, children: [{ path: '', component: { template: '<h1>console page</h1>' } }] },
    ],
  });
  void router.push(path);
  return { router, mountShell: async () => { await router.isReady(); const w = mount({ template: '<RouterView />' }, { global: { plugins: [router] } }); await flushPromises(); return w; } };
}

describe('the admin shell', () => {
  beforeEach(() => {
    setLocale('en');
    session.signedIn = true;
  });
  afterEach(() => {
    session.signedIn = false;
    session.account = undefined;
  });

  it('refuses a customer, naming the account, without showing the console page', async () => {
    session.account = { id: '1', loginName: 'demo@ticket.local', displayName: 'Demo', roles: ['CUSTOMER'] };
    const wrapper = await shellAt('/admin').mountShell();
    expect(wrapper.get('h1').text()).toBe('This part is for cinema admins');
    expect(wrapper.text()).toContain('You are signed in as Demo');
    expect(wrapper.text()).not.toContain('console page');
    expect(wrapper.find('nav').exists()).toBe(false);
  });

  it('shows an admin the navigation and the page, the current section marked', async () => {
    session.account = { id: '2', loginName: 'admin@ticket.local', displayName: 'Admin', roles: ['ADMIN'] };
    const wrapper = await shellAt('/admin').mountShell();
    expect(wrapper.get('h1').text()).toBe('console page');
    const nav = wrapper.get('nav');
    expect(nav.attributes('aria-label')).toBe('Admin console');
    expect(nav.get('[aria-current="page"]').text()).toBe('Overview');
  });
});
