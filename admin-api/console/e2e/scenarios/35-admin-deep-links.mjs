// Scenario 3 for the admin and auditor pages, beyond the menus (30-menus.mjs reads
// expect/menus-admin.mjs and menus-auditor.mjs): every admin and auditor deep link a role may
// not use shows the "no access" page naming the page, and the API behind it answers 403 (the
// page only explains; the API enforces).
import assert from 'node:assert/strict'
import admin from '../expect/menus-admin.mjs'
import auditor from '../expect/menus-auditor.mjs'

const PAGES = { ...admin, ...auditor }
/** The page's name as the message shows it, and a GET the API refuses to the same roles. */
const DETAILS = {
  'admin-accounts': { label: '公众号登记', api: null },
  'admin-departments': { label: '部门', api: null },
  'admin-people': { label: '人员与授权', api: '/api/people' },
  'admin-lexicon': { label: '敏感词库', api: '/api/lexicon/terms' },
  'auditor-audit': { label: '审计记录', api: '/api/audit' },
  'auditor-verify': { label: '审计链校验', api: '/api/audit/verify' },
  'auditor-registry': { label: '登记表导出', api: '/api/accounts/export.csv' },
}
const USERS = { 'demo-auditor': 'AUDITOR', 'demo-editor': 'EDITOR', 'demo-handler': 'HANDLER', 'demo-publisher': 'PUBLISHER' }

export default Object.entries(USERS).map(([user, role]) => ({
  name: `${role} (${user}): each admin or auditor deep link it may not use shows the message, and the API refuses`,
  async run(h) {
    const page = await h.newPage(user)
    for (const [route, { path, roles }] of Object.entries(PAGES)) {
      if (roles.includes(role)) continue
      await page.goto(h.url(path))
      const message = page.getByTestId('forbidden')
      await message.waitFor({ timeout: 20_000 })
      const text = await message.innerText()
      assert.ok(text.includes(DETAILS[route].label), `${role} at ${path}: the message names the page (${DETAILS[route].label}): ${text}`)
      if (DETAILS[route].api) {
        const status = await page.evaluate((u) => fetch(u, { credentials: 'same-origin' }).then((r) => r.status), DETAILS[route].api)
        assert.equal(status, 403, `${role} calling ${DETAILS[route].api}`)
      }
    }
    if (role === 'AUDITOR') {
      await page.goto(h.url('admin/accounts/new'))
      await page.getByTestId('forbidden').waitFor()
      await h.checkPage(page, 'forbidden-deep-link')
    }
    await page.context().close()
  },
}))
