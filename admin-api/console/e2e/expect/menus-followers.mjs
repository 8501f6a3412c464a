// Menu entries of the follower pages (src/router/routes/followers.ts).
export default {
  followers: { path: 'followers', roles: ['ADMIN', 'PUBLISHER', 'HANDLER'] },
  'follower-tags': { path: 'follower-tags', roles: ['ADMIN', 'PUBLISHER'] },
}
