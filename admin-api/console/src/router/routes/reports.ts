import type { AreaRoutes } from '../types'

/**
 * Reports and the self-inspection (src/views/reports/): whoever reads reports in admin-api
 * (ADMIN, AUDITOR, OFFICE_REVIEWER, LEADER, each on the accounts of their grants).
 */
const READERS = ['ADMIN', 'AUDITOR', 'OFFICE_REVIEWER', 'LEADER'] as const

export default [
  {
    path: 'reports',
    name: 'reports',
    component: () => import('@/views/reports/ReportsPage.vue'),
    meta: { roles: [...READERS], title: 'reports.page.title', menu: { label: 'reports.page.title', section: 'audit', order: 40 } },
  },
  {
    path: 'reports/inspection',
    name: 'reports-inspection',
    component: () => import('@/views/reports/InspectionOverviewPage.vue'),
    meta: { roles: [...READERS], title: 'reports.overview.title', menu: { label: 'reports.overview.title', section: 'audit', order: 50 } },
  },
  {
    path: 'reports/inspection/:accountId(\\d+)',
    name: 'reports-inspection-account',
    component: () => import('@/views/reports/InspectionReportPage.vue'),
    meta: { roles: [...READERS], title: 'reports.inspection.title' },
  },
] satisfies AreaRoutes
