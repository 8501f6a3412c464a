// Scenario 3 (admin and auditor pages): each role sees only its menus; a forbidden deep link
// shows the message, and the API itself still refuses the call behind the page.
import { assert, expectAccessible, expectNoPageProblems, menuEntries, newPage, open, screenshot, signIn } from './support.mjs'

export const title = 'each role sees only its menus; a forbidden deep link shows the message (admin and auditor pages)'

/** The admin and auditor pages: route name, deep link, page name as the message shows it. */
const PAGES = [
  { name: 'admin-accounts', path: 'admin/accounts', label: '公众号登记', api: null },
  { name: 'admin-departments', path: 'admin/departments', label: '部门', api: null },
  { name: 'admin-people', path: 'admin/people', label: '人员与授权', api: '/api/people' },
  { name: 'admin-lexicon', path: 'admin/lexicon', label: '敏感词库', api: '/api/lexicon/terms' },
  { name: 'auditor-audit', path: 'auditor/audit', label: '审计记录', api: '/api/audit' },
  { name: 'auditor-verify', path: 'auditor/verify', label: '审计链校验', api: '/api/audit/verify' },
  { name: 'auditor-registry', path: 'auditor/registry', label: '登记表导出', api: '/api/accounts/export.csv' },
]
const MINE = new Set(PAGES.map((p) => p.name))

const EXPECTED = {
  'demo-admin': ['admin-accounts', 'admin-departments', 'admin-people', 'admin-lexicon', 'auditor-audit', 'auditor-verify', 'auditor-registry'],
  'demo-auditor': ['admin-people', 'admin-lexicon', 'auditor-audit', 'auditor-verify', 'auditor-registry'],
  'demo-editor': [],
  'demo-handler': [],
  'demo-publisher': [],
}

export default async function scenario({ browser, base, password }) {
  for (const [username, expected] of Object.entries(EXPECTED)) {
    const page = await newPage(browser)
    await signIn(page, base, username, password)
    const shown = (await menuEntries(page)).filter((n) => MINE.has(n))
    assert.deepEqual(shown.sort(), [...expected].sort(), `${username}'s admin/auditor menu entries`)
    for (const p of PAGES.filter((x) => !expected.includes(x.name))) {
      await open(page, base, p.path, 'forbidden')
      const text = await page.getByTestId('forbidden').innerText()
      assert.ok(text.includes(p.label), `${username} at ${p.path} is told which page (${p.label}) is not theirs: ${text}`)
      if (p.api) {
        // The page only explains: the API is what refuses.
        const status = await page.evaluate((u) => fetch(u, { credentials: 'same-origin' }).then((r) => r.status), p.api)
        assert.equal(status, 403, `${username} calling ${p.api}`)
      }
    }
    if (username === 'demo-auditor') {
      await open(page, base, 'admin/accounts', 'forbidden')
      await expectAccessible(page, 'forbidden page')
      await screenshot(page, 'console-forbidden-deep-link')
    }
    expectNoPageProblems(page, username)
    await page.context().close()
  }
}
