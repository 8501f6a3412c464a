// Every admin and auditor page, tab and dialog as its users see it: axe-core finds no serious
// or critical violation, no CSP violation or script error, and the screenshots for README.
import assert from 'node:assert/strict'

async function settle(page) {
  await page.waitForLoadState('networkidle').catch(() => undefined)
  await page.waitForTimeout(300)
}

async function visit(h, page, path, testId, name, options) {
  await page.goto(h.url(path))
  await page.getByTestId(testId).waitFor({ timeout: 20_000 })
  await settle(page)
  await h.checkPage(page, name, options)
}

async function tab(h, page, label, name, options) {
  await page.getByRole('tab', { name: label }).click()
  await settle(page)
  await h.checkPage(page, name, options)
}

export default [
  {
    name: 'the administrator pages pass axe-core (accounts and every tab, departments, people and grants, lexicon)',
    async run(h) {
      const page = await h.newPage('demo-admin')
      await visit(h, page, 'admin/accounts', 'accounts-table', 'admin-accounts')
      const first = page.locator('[data-testid=accounts-table] tbody a').first()
      assert.ok((await first.count()) > 0, 'the demo account is listed')
      await first.click()
      await page.getByTestId('account-name').waitFor()
      await settle(page)
      await h.checkPage(page, 'admin-account')
      await tab(h, page, '凭据', 'admin-account-credentials-demo', { screenshot: false })
      await tab(h, page, '状态', 'admin-account-lifecycle')
      await tab(h, page, '重新备案', 'admin-account-refilings', { screenshot: false })
      await tab(h, page, '年度审核', 'admin-account-annual')
      await tab(h, page, '测试粉丝', 'admin-account-test-followers')

      await visit(h, page, 'admin/departments', 'department-tree', 'admin-departments')
      await page.getByRole('button', { name: '修改宣传部' }).click()
      await page.getByTestId('department-form').waitFor()
      await settle(page)
      await h.checkPage(page, 'admin-department-editor', { screenshot: false })
      await page.keyboard.press('Escape')

      await visit(h, page, 'admin/people', 'people-table', 'admin-people')
      await page.locator('[data-person=demo-editor] a').click()
      await page.getByTestId('grants').waitFor()
      await settle(page)
      await h.checkPage(page, 'admin-person-grants')

      await visit(h, page, 'admin/lexicon', 'lexicon-terms', 'admin-lexicon')
      await tab(h, page, '变更记录', 'admin-lexicon-history')
      await page.context().close()
    },
  },
  {
    name: 'the auditor pages pass axe-core (audit record with details, chain verification, registry export, read-only lexicon and people)',
    async run(h) {
      const page = await h.newPage('demo-auditor')
      await visit(h, page, 'auditor/audit', 'audit-table', 'auditor-audit-list', { screenshot: false })
      await page.getByRole('button', { name: '详情' }).first().click()
      await settle(page)
      await h.checkPage(page, 'auditor-audit')
      await visit(h, page, 'auditor/verify', 'verify-result', 'auditor-verify')
      assert.equal(await page.getByTestId('verify-result').getAttribute('data-intact'), 'true', 'the local chain is intact')
      await visit(h, page, 'auditor/registry', 'registry-table', 'auditor-registry')
      await visit(h, page, 'admin/lexicon', 'lexicon-terms', 'auditor-lexicon', { screenshot: false })
      assert.equal(await page.getByTestId('lexicon-add-form').count(), 0, 'auditors read the lexicon without the add form')
      await visit(h, page, 'admin/people', 'people-table', 'auditor-people', { screenshot: false })
      await page.context().close()
    },
  },
]
