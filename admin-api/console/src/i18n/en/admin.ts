/** Messages of the admin pages (src/views/admin/); filled in by those pages. */
export default {
  admin: {},
}
