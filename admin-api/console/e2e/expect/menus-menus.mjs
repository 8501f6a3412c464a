// Menu entries of the custom-menu and automatic-reply pages (src/router/routes/menus.ts).
const WHO = ['EDITOR', 'PUBLISHER', 'DEPT_REVIEWER', 'OFFICE_REVIEWER', 'LEADER', 'ADMIN']
export default {
  'custom-menu': { path: 'menus', roles: WHO },
  'auto-replies': { path: 'menus/replies', roles: WHO },
}
