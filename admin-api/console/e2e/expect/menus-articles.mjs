// Menu entries of the editor's pages (src/router/routes/articles.ts).
export default {
  articles: { path: 'articles', roles: ['EDITOR', 'DEPT_REVIEWER', 'OFFICE_REVIEWER', 'LEADER', 'PUBLISHER', 'ADMIN', 'AUDITOR'] },
}
