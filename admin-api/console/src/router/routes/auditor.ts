import type { AreaRoutes } from '../types'

/** The auditor's pages (src/views/auditor/); ADMIN may read the record too (ACCESS.md). */
export default [
  {
    path: 'auditor/audit',
    name: 'auditor-audit',
    component: () => import('@/views/auditor/audit/AuditPage.vue'),
    meta: { roles: ['AUDITOR', 'ADMIN'], title: 'auditor.audit.title', menu: { label: 'auditor.audit.title', section: 'audit', order: 10 } },
  },
  {
    path: 'auditor/verify',
    name: 'auditor-verify',
    component: () => import('@/views/auditor/verify/VerifyPage.vue'),
    meta: { roles: ['AUDITOR', 'ADMIN'], title: 'auditor.verify.title', menu: { label: 'auditor.verify.title', section: 'audit', order: 20 } },
  },
  {
    path: 'auditor/registry',
    name: 'auditor-registry',
    component: () => import('@/views/auditor/registry/RegistryExportPage.vue'),
    meta: { roles: ['AUDITOR', 'ADMIN'], title: 'auditor.registry.title', menu: { label: 'auditor.registry.title', section: 'audit', order: 30 } },
  },
] satisfies AreaRoutes
