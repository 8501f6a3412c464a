// Menu entries of the shell: route name → its deep-link path and the roles that see it.
import { ROLES } from '../lib.mjs'

export default {
  'my-work': { path: '', roles: ROLES },
}
