// Scenario 2: the administrator registers an account; no secret ever appears in a page or a
// response. Every response body the browser receives and the page's DOM are searched for the
// secret values typed (and for the token typed later to replace one).
import { assert, expectAccessible, expectNoPageProblems, newPage, open, randomAlnum, screenshot, settle, signIn } from './support.mjs'

export const title = 'the administrator registers an account; no secret ever appears in a page or a response'

/** The DOM as serialised, and every input's current value (a value is a property, not markup). */
async function expectNoSecretInDom(page, secrets, where) {
  const html = await page.content()
  const values = await page.locator('input, textarea').evaluateAll((els) => els.map((e) => e.value))
  for (const [k, v] of Object.entries(secrets)) {
    assert.ok(!html.includes(v), `${k} appeared in ${where}`)
    assert.ok(!values.includes(v), `${k} is still in an input on ${where}`)
  }
}

export default async function scenario({ browser, base, password }) {
  const page = await newPage(browser)
  const responses = []
  const sent = []
  page.on('request', (r) => {
    if (r.method() !== 'GET') sent.push({ url: r.url(), body: r.postData() ?? '' })
  })
  page.on('response', async (r) => {
    try {
      responses.push({ url: r.url(), status: r.status(), body: await r.text() })
    } catch {
      responses.push({ url: r.url(), status: r.status(), body: '' })
    }
  })
  const secrets = { appSecret: randomAlnum(32), token: 'tok' + randomAlnum(12), aesKey: randomAlnum(43) }
  const appId = 'wx' + randomAlnum(16)
  const name = '测试学校公众号' + randomAlnum(4)

  await signIn(page, base, 'demo-admin', password)
  await open(page, base, 'admin/accounts', 'accounts-page')
  await page.getByTestId('account-register').click()
  await page.getByTestId('account-form').waitFor()

  await page.locator('#acc-name').fill(name)
  await page.locator('#acc-appId').fill(appId)
  await page.locator('#acc-originalId').fill('gh_' + randomAlnum(12))
  await page.locator('#acc-wechatId').fill('test_' + randomAlnum(6))
  await page.locator('.el-select', { has: page.locator('#acc-department') }).click()
  await page.locator('.el-tree-node__content:visible', { hasText: '宣传部' }).first().click()
  await page.locator('#acc-responsible-name').fill('王校长')
  await page.locator('#acc-responsible-officePhone').fill('010-62000000')
  await page.locator('#acc-responsible-mobile').fill('13800000001')
  await page.locator('#acc-administrator-name').fill('李老师')
  await page.locator('#acc-administrator-mobile').fill('13800000002')
  // A mistake the API refuses: the answer must put it next to its field and keep everything.
  await page.locator('#acc-administrator-email').fill('not-an-e-mail')
  await page.locator('#secret-appSecret').fill(secrets.appSecret)
  await page.locator('#secret-token').fill(secrets.token)
  await page.locator('#secret-aesKey').fill(secrets.aesKey)
  await settle(page)
  await expectAccessible(page, 'register form')
  await page.locator('h1').scrollIntoViewIfNeeded()
  await screenshot(page, 'console-admin-account-register')

  await page.getByTestId('account-submit').click()
  const emailItem = page.locator('.el-form-item', { has: page.locator('#acc-administrator-email') })
  await emailItem.locator('.el-form-item__error').waitFor({ timeout: 20_000 })
  assert.match(await emailItem.locator('.el-form-item__error').innerText(), /e-mail/)
  await page.getByTestId('problem').waitFor()
  assert.equal(await page.locator('#acc-name').inputValue(), name, 'the name typed is kept after the refusal')
  assert.equal(await page.locator('#acc-responsible-mobile').inputValue(), '13800000001', 'contacts are kept')
  assert.equal(await page.locator('#secret-appSecret').inputValue(), secrets.appSecret, 'the secret typed stays in its input')
  await expectAccessible(page, 'register form with field errors')

  await page.locator('#acc-administrator-email').fill('li@example.cn')
  await page.getByTestId('account-submit').click()
  await page.getByTestId('account-page').waitFor({ timeout: 30_000 })
  await page.getByTestId('account-name').waitFor()
  await settle(page)
  assert.match(await page.getByTestId('account-name').innerText(), new RegExp(name))
  await page.getByRole('tab', { name: '凭据' }).click()
  await settle(page)
  for (const s of ['appSecret', 'token', 'aesKey']) {
    assert.match(await page.getByTestId('secret-state-' + s).innerText(), /已设置，设置于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/, s + ' shows when it was set')
    assert.equal(await page.locator('#secret-' + s).inputValue(), '', s + ' input is empty')
  }
  await expectNoSecretInDom(page, secrets, 'the new account\'s page')
  await expectAccessible(page, 'account credentials tab')
  await screenshot(page, 'console-admin-account-credentials')

  // Replace the token: the new one must not come back either.
  secrets.newToken = 'tok' + randomAlnum(14)
  await page.locator('#secret-token').fill(secrets.newToken)
  await page.getByTestId('credentials-save').click()
  await page.locator('.el-message--success').waitFor({ timeout: 20_000 })
  await settle(page)
  assert.equal(await page.locator('#secret-token').inputValue(), '', 'the replaced token leaves its input')
  await expectNoSecretInDom(page, secrets, 'the account page after the rotation')

  // The audit record of the registration and the rotation, with their details opened.
  await open(page, base, 'auditor/audit?person=demo-admin', 'audit-page')
  const details = page.getByRole('button', { name: '详情' })
  const n = Math.min(await details.count(), 6)
  for (let i = 0; i < n; i++) await details.nth(0).click()
  await settle(page)

  const registration = sent.find((r) => r.url.endsWith('/api/accounts') && r.body.includes(secrets.appSecret))
  assert.ok(registration, 'the registration sent the secrets (so the searches below can find them)')
  const dom = await page.content()
  const all = responses.map((r) => r.body).join('\n')
  assert.ok(responses.some((r) => r.url.includes('/api/accounts') && r.body.includes(appId)), 'the account came back from the API')
  for (const [k, v] of Object.entries(secrets)) {
    const leaked = responses.filter((r) => r.body.includes(v)).map((r) => r.url)
    assert.deepEqual(leaked, [], `${k} appeared in responses`)
    assert.ok(!dom.includes(v), `${k} appeared in the audit page's DOM`)
  }
  assert.ok(all.length > 1000, 'responses were recorded')
  expectNoPageProblems(page, 'scenario 2')
  await page.context().close()
}
