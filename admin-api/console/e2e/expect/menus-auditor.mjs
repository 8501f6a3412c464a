// Menu entries of the auditor's pages (src/router/routes/auditor.ts).
export default {
  'auditor-audit': { path: 'auditor/audit', roles: ['AUDITOR', 'ADMIN'] },
  'auditor-verify': { path: 'auditor/verify', roles: ['AUDITOR', 'ADMIN'] },
  'auditor-registry': { path: 'auditor/registry', roles: ['AUDITOR', 'ADMIN'] },
}
