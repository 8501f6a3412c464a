// Menu entries of the reports pages (src/router/routes/reports.ts).
const READERS = ['ADMIN', 'AUDITOR', 'OFFICE_REVIEWER', 'LEADER']
export default {
  reports: { path: 'reports', roles: READERS },
  'reports-inspection': { path: 'reports/inspection', roles: READERS },
}
