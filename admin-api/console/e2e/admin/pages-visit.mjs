// Every admin and auditor page visited as its users see it: no serious or critical axe
// violation, no CSP violation or page error, and a screenshot for README (src/docs/images/).
import { assert, expectAccessible, expectNoPageProblems, newPage, open, screenshot, settle, signIn } from './support.mjs'

export const title = 'admin and auditor pages: axe checks and screenshots'

async function visit(page, base, path, testId, shot) {
  await open(page, base, path, testId)
  await expectAccessible(page, path)
  if (shot) await screenshot(page, shot)
}

async function tabs(page, names, prefix) {
  for (const [tab, shot] of names) {
    await page.getByRole('tab', { name: tab }).click()
    await settle(page)
    await expectAccessible(page, prefix + ' / ' + tab)
    if (shot) await screenshot(page, shot)
  }
}

export default async function scenario({ browser, base, password }) {
  const admin = await newPage(browser)
  await signIn(admin, base, 'demo-admin', password)

  await visit(admin, base, 'admin/accounts', 'accounts-table', 'console-admin-accounts')
  const first = admin.locator('[data-testid=accounts-table] tbody a').first()
  assert.ok((await first.count()) > 0, 'the demo account is listed')
  await first.click()
  await admin.getByTestId('account-name').waitFor()
  await settle(admin)
  await expectAccessible(admin, 'account registry tab')
  await screenshot(admin, 'console-admin-account')
  await tabs(
    admin,
    [
      ['凭据', null],
      ['状态', 'console-admin-account-lifecycle'],
      ['重新备案', null],
      ['年度审核', 'console-admin-account-annual'],
      ['测试粉丝', 'console-admin-account-test-followers'],
    ],
    'account',
  )
  await visit(admin, base, 'admin/accounts/new', 'account-form', null)

  await visit(admin, base, 'admin/departments', 'department-tree', 'console-admin-departments')
  await admin.getByRole('button', { name: '修改宣传部' }).click()
  await admin.getByTestId('department-form').waitFor()
  await settle(admin)
  await expectAccessible(admin, 'department editor')
  await admin.keyboard.press('Escape')

  await visit(admin, base, 'admin/people', 'people-table', 'console-admin-people')
  await admin.locator('[data-person=demo-editor] a').click()
  await admin.getByTestId('grants').waitFor()
  await settle(admin)
  await expectAccessible(admin, 'person page')
  await screenshot(admin, 'console-admin-person-grants')

  await visit(admin, base, 'admin/lexicon', 'lexicon-terms', 'console-admin-lexicon')
  await tabs(admin, [['变更记录', 'console-admin-lexicon-history']], 'lexicon')

  await visit(admin, base, 'auditor/audit', 'audit-table', null)
  expectNoPageProblems(admin, 'admin pages')
  await admin.context().close()

  const auditor = await newPage(browser)
  await signIn(auditor, base, 'demo-auditor', password)
  await visit(auditor, base, 'auditor/audit', 'audit-table', null)
  await auditor.getByRole('button', { name: '详情' }).first().click()
  await settle(auditor)
  await expectAccessible(auditor, 'audit entry details')
  await screenshot(auditor, 'console-auditor-audit')
  await visit(auditor, base, 'auditor/verify', 'verify-result', 'console-auditor-verify')
  assert.equal(await auditor.getByTestId('verify-result').getAttribute('data-intact'), 'true', 'the local chain is intact')
  await visit(auditor, base, 'auditor/registry', 'registry-table', 'console-auditor-registry')
  await visit(auditor, base, 'admin/lexicon', 'lexicon-terms', null)
  assert.equal(await auditor.getByTestId('lexicon-add-form').count(), 0, 'auditors read the lexicon without the add form')
  await visit(auditor, base, 'admin/people', 'people-table', null)
  expectNoPageProblems(auditor, 'auditor pages')
  await auditor.context().close()
}
