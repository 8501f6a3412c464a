import type { AreaRoutes } from '../types'

/** The auditor pages (src/views/auditor/), each with its roles and menu entry. */
export default [] satisfies AreaRoutes
