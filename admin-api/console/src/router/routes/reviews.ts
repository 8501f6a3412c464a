import type { AreaRoutes } from '../types'

const REVIEWERS = ['DEPT_REVIEWER', 'OFFICE_REVIEWER', 'LEADER'] as const

/** Reviewers' pages: awaiting my review (articles and sends), one article, one send. Paths match my-work's routes. */
export default [
  {
    path: 'reviews',
    name: 'reviews',
    component: () => import('@/views/reviews/ReviewsPage.vue'),
    props: { tab: 'articles' },
    meta: { roles: [...REVIEWERS], title: 'reviews.pending.title', menu: { label: 'reviews.pending.title', section: 'work', order: 20 } },
  },
  {
    path: 'reviews/sends',
    name: 'reviews-sends',
    component: () => import('@/views/reviews/ReviewsPage.vue'),
    props: { tab: 'sends' },
    meta: { roles: [...REVIEWERS], title: 'reviews.pending.title' },
  },
  {
    path: 'reviews/articles/:id(\\d+)',
    name: 'review-article',
    component: () => import('@/views/reviews/ArticleReviewPage.vue'),
    props: (r) => ({ id: Number(r.params.id) }),
    meta: { roles: [...REVIEWERS], title: 'reviews.article.title' },
  },
  {
    path: 'reviews/sends/:id(\\d+)',
    name: 'review-send',
    component: () => import('@/views/reviews/SendReviewPage.vue'),
    props: (r) => ({ id: Number(r.params.id) }),
    meta: { roles: [...REVIEWERS], title: 'reviews.send.title' },
  },
] satisfies AreaRoutes
