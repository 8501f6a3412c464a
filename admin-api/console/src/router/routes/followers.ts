import type { AreaRoutes } from '../types'

/** Followers (粉丝) and their tags (标签) of an account. */
export default [
  {
    path: 'followers',
    name: 'followers',
    component: () => import('@/views/followers/FollowersPage.vue'),
    meta: { roles: ['ADMIN', 'PUBLISHER', 'HANDLER'], title: 'followers.title', menu: { label: 'followers.title', section: 'content', order: 60 } },
  },
  {
    path: 'follower-tags',
    name: 'follower-tags',
    component: () => import('@/views/followers/TagsPage.vue'),
    meta: { roles: ['ADMIN', 'PUBLISHER'], title: 'followers.tags.title', menu: { label: 'followers.tags.title', section: 'content', order: 61 } },
  },
] satisfies AreaRoutes
