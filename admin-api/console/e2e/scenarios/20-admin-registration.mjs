// Scenario 2: the administrator registers an account; no secret ever appears in a page or a
// response. Every response body the browser receives and the page's DOM (markup and input
// values) are searched for the secret values typed, and for a token typed later to replace
// one. On the way, a refused registration shows its field error next to the field and keeps
// everything typed.
import assert from 'node:assert/strict'
import { successAfter } from '../lib.mjs'

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'
const random = (n) => Array.from({ length: n }, () => ALNUM[Math.floor(Math.random() * ALNUM.length)]).join('')

async function settle(page) {
  await page.waitForLoadState('networkidle').catch(() => undefined)
  await page.waitForTimeout(300)
}

/** The DOM as serialised, and every input's current value (a value is a property, not markup). */
async function expectNoSecretInDom(page, secrets, where) {
  const html = await page.content()
  const values = await page.locator('input, textarea').evaluateAll((els) => els.map((e) => e.value))
  for (const [k, v] of Object.entries(secrets)) {
    assert.ok(!html.includes(v), `${k} appeared in ${where}`)
    assert.ok(!values.includes(v), `${k} is still in an input on ${where}`)
  }
}

export default {
  name: 'scenario 2: the administrator registers an account; no secret ever appears in a page or a response',
  async run(h) {
    const context = await h.newContext()
    const page = await context.newPage()
    const responses = []
    const sent = []
    page.on('request', (r) => {
      if (r.method() !== 'GET') sent.push({ url: r.url(), body: r.postData() ?? '' })
    })
    page.on('response', async (r) => {
      responses.push({ url: r.url(), status: r.status(), body: await r.text().catch(() => '') })
    })
    const secrets = { appSecret: random(32), token: 'tok' + random(12), aesKey: random(43) }
    const appId = 'wx' + random(16)
    const name = '测试学校公众号' + random(4)

    await h.signInUi(page, 'demo-admin')
    await page.goto(h.url('admin/accounts'))
    await page.getByTestId('accounts-table').waitFor()
    await page.getByTestId('account-register').click()
    await page.getByTestId('account-form').waitFor()

    await page.locator('#acc-name').fill(name)
    await page.locator('#acc-appId').fill(appId)
    await page.locator('#acc-originalId').fill('gh_' + random(12))
    await page.locator('#acc-wechatId').fill('test_' + random(6))
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
    await page.locator('h1').scrollIntoViewIfNeeded()
    await h.checkPage(page, 'admin-account-register')

    await page.getByTestId('account-submit').click()
    const emailItem = page.locator('.el-form-item', { has: page.locator('#acc-administrator-email') })
    await emailItem.locator('.el-form-item__error').waitFor({ timeout: 20_000 })
    assert.match(await emailItem.locator('.el-form-item__error').innerText(), /e-mail/)
    await page.getByTestId('problem').waitFor()
    assert.equal(await page.locator('#acc-name').inputValue(), name, 'the name typed is kept after the refusal')
    assert.equal(await page.locator('#acc-responsible-mobile').inputValue(), '13800000001', 'contacts are kept')
    assert.equal(await page.locator('#secret-appSecret').inputValue(), secrets.appSecret, 'the secret typed stays in its input')
    await h.checkPage(page, 'admin-account-register-refused', { screenshot: false })

    await page.locator('#acc-administrator-email').fill('li@example.cn')
    await page.getByTestId('account-submit').click()
    await page.getByTestId('account-name').waitFor({ timeout: 30_000 })
    await settle(page)
    assert.match(await page.getByTestId('account-name').innerText(), new RegExp(name))
    await page.getByRole('tab', { name: '凭据' }).click()
    await settle(page)
    for (const s of ['appSecret', 'token', 'aesKey']) {
      assert.match(await page.getByTestId('secret-state-' + s).innerText(), /已设置，设置于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/, s + ' shows when it was set')
    }
    await expectNoSecretInDom(page, secrets, "the new account's page")
    await h.checkPage(page, 'admin-account-credentials')

    // Replace the token: the new one must not come back either.
    secrets.newToken = 'tok' + random(14)
    await page.locator('#secret-token').fill(secrets.newToken)
    await successAfter(page, () => page.getByTestId('credentials-save').click())
    await settle(page)
    await expectNoSecretInDom(page, secrets, 'the account page after the rotation')

    // The audit record of the registration and the rotation, with their details opened.
    await page.goto(h.url('auditor/audit?person=demo-admin'))
    await page.getByTestId('audit-table').waitFor()
    await settle(page)
    const details = page.getByRole('button', { name: '详情' })
    const n = Math.min(await details.count(), 6)
    for (let i = 0; i < n; i++) await details.nth(0).click()
    await settle(page)
    await expectNoSecretInDom(page, secrets, "the audit record's details")

    assert.ok(
      sent.some((r) => r.url.endsWith('/api/accounts') && r.body.includes(secrets.appSecret)),
      'the registration sent the secrets (so the searches for them can find them)',
    )
    assert.ok(responses.some((r) => r.url.includes('/api/accounts') && r.body.includes(appId)), 'the account came back from the API')
    for (const [k, v] of Object.entries(secrets)) {
      const leaked = responses.filter((r) => r.body.includes(v)).map((r) => r.url)
      assert.deepEqual(leaked, [], `${k} appeared in responses`)
    }
    assert.deepEqual(context.problems, [], 'no CSP violation or script error')
    await context.close()
  },
}
