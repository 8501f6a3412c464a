import type { AreaRoutes } from '../types'

/**
 * The editor's pages (src/views/articles/): the article list, the editor (a new article
 * is `articles/new`, and stays on the same page once saved) and the versions compared.
 * Everyone who may read articles opens them; only an EDITOR changes anything (the API decides).
 */
const READERS = ['EDITOR', 'DEPT_REVIEWER', 'OFFICE_REVIEWER', 'LEADER', 'PUBLISHER', 'ADMIN', 'AUDITOR'] as const

export default [
  {
    path: 'articles',
    name: 'articles',
    component: () => import('@/views/articles/ArticleListPage.vue'),
    meta: { roles: [...READERS], title: 'articles.list.title', menu: { label: 'articles.list.title', section: 'content', order: 10 } },
  },
  {
    path: 'articles/:id(new|\\d+)',
    name: 'article',
    component: () => import('@/views/articles/ArticleEditorPage.vue'),
    props: true,
    meta: { roles: [...READERS], title: 'articles.editor.title' },
  },
  {
    path: 'articles/:id(\\d+)/versions',
    name: 'article-versions',
    component: () => import('@/views/articles/ArticleVersionsPage.vue'),
    props: true,
    meta: { roles: [...READERS], title: 'articles.versions.title' },
  },
] satisfies AreaRoutes
