import type { AreaRoutes } from '../types'

/**
 * The administrator's pages (src/views/admin/). Auditors may read people and the lexicon
 * (the API lets them), so those pages open for them too, read-only; every change is still
 * the API's to allow.
 */
export default [
  {
    path: 'admin/accounts',
    name: 'admin-accounts',
    component: () => import('@/views/admin/accounts/AccountsPage.vue'),
    meta: { roles: ['ADMIN'], title: 'admin.accounts.title', menu: { label: 'admin.accounts.title', section: 'admin', order: 10 } },
  },
  {
    path: 'admin/accounts/new',
    name: 'admin-account-new',
    component: () => import('@/views/admin/accounts/AccountRegisterPage.vue'),
    meta: { roles: ['ADMIN'], title: 'admin.accounts.registerTitle' },
  },
  {
    path: 'admin/accounts/:id(\\d+)',
    name: 'admin-account',
    component: () => import('@/views/admin/accounts/AccountPage.vue'),
    props: true,
    meta: { roles: ['ADMIN'], title: 'admin.accounts.detailTitle' },
  },
  {
    path: 'admin/departments',
    name: 'admin-departments',
    component: () => import('@/views/admin/departments/DepartmentsPage.vue'),
    meta: { roles: ['ADMIN'], title: 'admin.departments.title', menu: { label: 'admin.departments.title', section: 'admin', order: 20 } },
  },
  {
    path: 'admin/people',
    name: 'admin-people',
    component: () => import('@/views/admin/people/PeoplePage.vue'),
    meta: { roles: ['ADMIN', 'AUDITOR'], title: 'admin.people.title', menu: { label: 'admin.people.title', section: 'admin', order: 30 } },
  },
  {
    path: 'admin/people/:id(\\d+)',
    name: 'admin-person',
    component: () => import('@/views/admin/people/PersonPage.vue'),
    props: true,
    meta: { roles: ['ADMIN', 'AUDITOR'], title: 'admin.people.detailTitle' },
  },
  {
    path: 'admin/lexicon',
    name: 'admin-lexicon',
    component: () => import('@/views/admin/lexicon/LexiconPage.vue'),
    meta: { roles: ['ADMIN', 'AUDITOR'], title: 'admin.lexicon.title', menu: { label: 'admin.lexicon.title', section: 'admin', order: 40 } },
  },
] satisfies AreaRoutes
