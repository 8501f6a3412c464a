/** Messages of the auditor pages (src/views/auditor/); filled in by those pages. */
export default {
  auditor: {},
}
