import type { AreaRoutes } from '../types'

/** How an account classifies and routes follower messages. Writes are ADMIN only (the API decides). */
export default [
  {
    path: 'inbox/rules',
    name: 'inbox-rules',
    component: () => import('@/views/inbox/InboxRulesPage.vue'),
    meta: { roles: ['ADMIN', 'HANDLER'], title: 'inbox.rules.title', menu: { label: 'inbox.rules.title', section: 'inbox', order: 30 } },
  },
  {
    path: 'inbox/settings',
    name: 'inbox-settings',
    component: () => import('@/views/inbox/RoutingSettingsPage.vue'),
    meta: { roles: ['ADMIN', 'HANDLER'], title: 'inbox.settings.title', menu: { label: 'inbox.settings.title', section: 'inbox', order: 40 } },
  },
] satisfies AreaRoutes
