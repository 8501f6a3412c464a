// Menu entries of the reviewer and publisher pages (src/router/routes/reviews.ts, publishing.ts).
export default {
  reviews: { path: 'reviews', roles: ['DEPT_REVIEWER', 'OFFICE_REVIEWER', 'LEADER'] },
  'queue-pick': { path: 'queue', roles: ['PUBLISHER'] },
  sends: { path: 'sends', roles: ['PUBLISHER'] },
}
