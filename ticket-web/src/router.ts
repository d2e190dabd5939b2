import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { session } from './lib/session';

// Pages load on demand: the first screen downloads only the shell and the page it shows.
const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('./pages/HomePage.vue') },
  { path: '/search', name: 'search', component: () => import('./pages/SearchPage.vue') },
  { path: '/programs/:programId', name: 'program', component: () => import('./pages/ProgramPage.vue'), props: true },
  {
    path: '/showtimes/:showtimeId/seats', name: 'seats', component: () => import('./pages/SeatPickerPage.vue'),
    props: true,
  },
  { path: '/orders', name: 'orders', component: () => import('./pages/OrdersPage.vue'), meta: { signedIn: true } },
  { path: '/inbox', name: 'inbox', component: () => import('./pages/InboxPage.vue'), meta: { signedIn: true } },
  {
    path: '/account/holders', name: 'holders', component: () => import('./pages/HoldersPage.vue'), meta: { signedIn: true },
  },
  {
    path: '/orders/:orderNo', name: 'order', component: () => import('./pages/CheckoutPage.vue'), props: true,
    meta: { signedIn: true },
  },
  { path: '/door', name: 'door', component: () => import('./pages/DoorPage.vue'), meta: { signedIn: true } },
  {
    // the admin console (docs/ARCHITECTURE.md §13): the shell checks the ADMIN role and shows a refusal to anyone
    // else, without loading a console page; the platform refuses every /api/admin call to them anyway
    path: '/admin', component: () => import('./pages/admin/AdminShell.vue'), meta: { signedIn: true, admin: true },
    children: [
      { path: '', name: 'admin', component: () => import('./pages/admin/AdminHomePage.vue') },
      { path: 'cinemas', name: 'admin-cinemas', component: () => import('./pages/admin/CinemasPage.vue') },
      { path: 'cinemas/:cinemaId', name: 'admin-cinema', component: () => import('./pages/admin/CinemaPage.vue'), props: true },
      {
        path: 'cinemas/:cinemaId/halls/new', name: 'admin-hall-new', component: () => import('./pages/admin/HallEditorPage.vue'),
        props: true,
      },
      { path: 'programs', name: 'admin-programs', component: () => import('./pages/admin/ProgramsPage.vue') },
      { path: 'programs/new', name: 'admin-program-new', component: () => import('./pages/admin/ProgramEditorPage.vue') },
      {
        path: 'programs/:programId', name: 'admin-program', component: () => import('./pages/admin/ProgramEditorPage.vue'),
        props: true,
      },
      { path: 'reports', name: 'admin-reports', component: () => import('./pages/admin/ReportsPage.vue') },
      { path: 'adverts', name: 'admin-adverts', component: () => import('./pages/admin/AdvertsPage.vue') },
      { path: 'moderation', name: 'admin-moderation', component: () => import('./pages/admin/ModerationPage.vue') },
      { path: 'payments', name: 'admin-payments', component: () => import('./pages/admin/PaymentsPage.vue') },
      {
        path: 'notifications/dead-letters', name: 'admin-dead-letters',
        component: () => import('./pages/admin/DeadLettersPage.vue'),
      },
      { path: 'halls/:hallId', name: 'admin-hall', component: () => import('./pages/admin/HallEditorPage.vue'), props: true },
    ],
  },
  { path: '/login', name: 'login', component: () => import('./pages/LoginPage.vue') },
  { path: '/register', name: 'register', component: () => import('./pages/RegisterPage.vue') },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue') },
];

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
});

router.beforeEach((to) => {
  if (to.meta.signedIn === true && !session.signedIn) {
    return { name: 'login', query: session.expired ? { redirect: to.fullPath, expired: '1' } : { redirect: to.fullPath } };
  }
  return true;
});

/** Moves focus to the new page's heading, so a screen reader hears where it landed. */
router.afterEach((to, from) => {
  if (to.path === from.path) return;
  requestAnimationFrame(() => {
    const heading = document.querySelector<HTMLElement>('main h1');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus({ preventScroll: true });
  });
});
