import type { AreaRoutes } from '../types'

/** The follower inbox as handlers work it: queue, one ticket, duty. */
export default [
  {
    path: 'tickets',
    name: 'tickets',
    component: () => import('@/views/tickets/TicketQueuePage.vue'),
    meta: { roles: ['HANDLER', 'ADMIN', 'AUDITOR'], title: 'tickets.queue.title', menu: { label: 'tickets.queue.title', section: 'inbox', order: 10 } },
  },
  {
    path: 'tickets/:id(\\d+)',
    name: 'ticket',
    component: () => import('@/views/tickets/TicketPage.vue'),
    props: (r) => ({ id: Number(r.params.id) }),
    meta: { roles: ['HANDLER', 'ADMIN', 'AUDITOR'], title: 'tickets.detail.title' },
  },
  {
    path: 'duty',
    name: 'duty',
    component: () => import('@/views/tickets/DutyPage.vue'),
    meta: { roles: ['HANDLER', 'ADMIN'], title: 'tickets.duty.title', menu: { label: 'tickets.duty.title', section: 'inbox', order: 20 } },
  },
] satisfies AreaRoutes
