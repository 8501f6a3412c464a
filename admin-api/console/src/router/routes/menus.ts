import type { AreaRoutes } from '../types'

const WHO = ['EDITOR', 'PUBLISHER', 'DEPT_REVIEWER', 'OFFICE_REVIEWER', 'LEADER', 'ADMIN'] as const

/** The account's WeChat side: its custom menu and its automatic replies. Who may change what, the API decides. */
export default [
  {
    path: 'menus',
    name: 'custom-menu',
    component: () => import('@/views/menus/MenuEditorPage.vue'),
    meta: { roles: [...WHO], title: 'menus.editor.title', menu: { label: 'menus.editor.title', section: 'content', order: 60 } },
  },
  {
    path: 'menus/replies',
    name: 'auto-replies',
    component: () => import('@/views/menus/ReplyRulesPage.vue'),
    meta: { roles: [...WHO], title: 'menus.replies.title', menu: { label: 'menus.replies.title', section: 'content', order: 61 } },
  },
] satisfies AreaRoutes
