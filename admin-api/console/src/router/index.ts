import { createRouter, createWebHistory, type RouteRecordRaw, type Router } from 'vue-router'
import { useSession } from '@/stores/session'
import type { AreaRoutes } from './types'

/**
 * Every file in ./routes/ default-exports one area's pages (tickets, inbox, admin,
 * auditor, and later articles, review, sends): adding an area is adding a file.
 */
const areaFiles = import.meta.glob<{ default: AreaRoutes }>('./routes/*.ts', { eager: true })
export const areaRoutes: RouteRecordRaw[] = Object.keys(areaFiles)
  .sort()
  .flatMap((k) => areaFiles[k].default)

const routes: RouteRecordRaw[] = [
  { path: '/sign-in', name: 'sign-in', component: () => import('@/shell/SignInPage.vue'), meta: { public: true, title: 'shell.signIn.title' } },
  {
    path: '/session-expired',
    name: 'session-expired',
    component: () => import('@/shell/SessionExpiredPage.vue'),
    meta: { public: true, title: 'shell.expired.title' },
  },
  {
    path: '/',
    component: () => import('@/shell/AppLayout.vue'),
    children: [
      { path: '', name: 'my-work', component: () => import('@/shell/MyWorkPage.vue'), meta: { title: 'shell.myWork.title', menu: { label: 'shell.myWork.title', section: 'work', order: 0 } } },
      { path: 'change-password', name: 'change-password', component: () => import('@/shell/ChangePasswordPage.vue'), meta: { title: 'shell.password.title' } },
      { path: 'forbidden', name: 'forbidden', component: () => import('@/shell/ForbiddenPage.vue'), meta: { title: 'shell.forbidden.title' } },
      ...areaRoutes,
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('@/shell/NotFoundPage.vue'), meta: { title: 'shell.notFound.title' } },
    ],
  },
]

export function buildRouter(): Router {
  const router = createRouter({ history: createWebHistory('/console/'), routes })
  router.beforeEach(async (to) => {
    if (to.meta.public) return true
    const session = useSession()
    const signedIn = await session.load().catch(() => false)
    if (!signedIn) {
      return { name: 'sign-in', query: to.fullPath === '/' ? {} : { next: to.fullPath } }
    }
    if (session.mustChangePassword && to.name !== 'change-password') {
      return { name: 'change-password', query: { next: to.fullPath } }
    }
    if (!session.hasAnyRole(to.meta.roles)) {
      // The menu never offers such a page; a deep link gets a clear message instead.
      return { name: 'forbidden', query: { page: to.meta.title ?? '', from: to.fullPath } }
    }
    return true
  })
  return router
}
