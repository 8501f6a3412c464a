import type { AreaRoutes } from '../types'

/** The publisher's pages: an account's queue, composing a send, the sends and one send's timeline. Paths match my-work's routes. */
export default [
  {
    path: 'queue',
    name: 'queue-pick',
    component: () => import('@/views/publishing/QueuePage.vue'),
    meta: { roles: ['PUBLISHER'], title: 'publishing.queue.title', menu: { label: 'publishing.queue.title', section: 'content', order: 40 } },
  },
  {
    path: 'accounts/:id(\\d+)/queue',
    name: 'queue',
    component: () => import('@/views/publishing/QueuePage.vue'),
    props: (r) => ({ id: Number(r.params.id) }),
    meta: { roles: ['PUBLISHER'], title: 'publishing.queue.title' },
  },
  {
    path: 'sends',
    name: 'sends',
    component: () => import('@/views/publishing/SendsPage.vue'),
    meta: { roles: ['PUBLISHER'], title: 'publishing.sends.title', menu: { label: 'publishing.sends.title', section: 'content', order: 50 } },
  },
  {
    path: 'sends/new',
    name: 'send-new',
    component: () => import('@/views/publishing/ComposePage.vue'),
    props: (r) => ({ accountId: Number(r.query.accountId) }),
    meta: { roles: ['PUBLISHER'], title: 'publishing.compose.title' },
  },
  {
    path: 'sends/:id(\\d+)',
    name: 'send',
    component: () => import('@/views/publishing/SendPage.vue'),
    props: (r) => ({ id: Number(r.params.id) }),
    meta: { roles: ['PUBLISHER'], title: 'publishing.send.title' },
  },
] satisfies AreaRoutes
