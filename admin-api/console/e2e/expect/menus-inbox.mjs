// Menu entries of the inbox pages (src/router/routes/tickets.ts, inbox.ts).
export default {
  tickets: { path: 'tickets', roles: ['HANDLER', 'ADMIN', 'AUDITOR'] },
  duty: { path: 'duty', roles: ['HANDLER', 'ADMIN'] },
  'inbox-rules': { path: 'inbox/rules', roles: ['ADMIN', 'HANDLER'] },
  'inbox-settings': { path: 'inbox/settings', roles: ['ADMIN', 'HANDLER'] },
}
