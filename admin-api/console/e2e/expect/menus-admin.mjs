// Menu entries of the administrator's pages (src/router/routes/admin.ts).
export default {
  'admin-accounts': { path: 'admin/accounts', roles: ['ADMIN'] },
  'admin-departments': { path: 'admin/departments', roles: ['ADMIN'] },
  'admin-people': { path: 'admin/people', roles: ['ADMIN', 'AUDITOR'] },
  'admin-lexicon': { path: 'admin/lexicon', roles: ['ADMIN', 'AUDITOR'] },
}
