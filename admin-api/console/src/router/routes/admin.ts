import type { AreaRoutes } from '../types'

/** The admin pages (src/views/admin/), each with its roles and menu entry. */
export default [] satisfies AreaRoutes
