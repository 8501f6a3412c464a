// The administrator's everyday changes through the pages: a grant added and removed (with
// the duplicate explained before the API is asked), a batch of prohibited terms added and
// one removed, seen in the history; a sub-department; test followers with a mistake caught
// on the row; and a new account activated with a reason that the history keeps.
import assert from 'node:assert/strict'
import { successAfter } from '../lib.mjs'

const marker = Date.now().toString(36)
const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'
const random = (n) => Array.from({ length: n }, () => ALNUM[Math.floor(Math.random() * ALNUM.length)]).join('')

async function settle(page) {
  await page.waitForLoadState('networkidle').catch(() => undefined)
  await page.waitForTimeout(300)
}

async function choose(page, inputId, option) {
  await page.locator('.el-select', { has: page.locator('#' + inputId) }).click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click()
}

async function confirmBox(page) {
  await page.locator('.el-message-box').waitFor()
  await page.locator('.el-message-box .el-button--primary').click()
}

export default [
  {
    name: 'the administrator grants a role, is told before asking again that it exists, and removes it',
    async run(h) {
      const page = await h.newPage('demo-admin')
      await page.goto(h.url('admin/people'))
      await page.locator('[data-person=demo-auditor] a').click()
      await page.getByTestId('grants').waitFor()
      await settle(page)
      const before = await page.locator('[data-grant]').count()
      await choose(page, 'grant-role', '信息员')
      await choose(page, 'grant-account', '示例学校公众号')
      await page.getByTestId('grant-add').click()
      await page.locator('[data-grant=EDITOR]').waitFor()
      assert.equal(await page.locator('[data-grant]').count(), before + 1)
      await choose(page, 'grant-role', '信息员')
      await choose(page, 'grant-account', '示例学校公众号')
      const roleItem = page.locator('.el-form-item', { has: page.locator('#grant-role') })
      assert.match(await roleItem.locator('.el-form-item__error').innerText(), /已有这条授权/)
      assert.ok(await page.getByTestId('grant-add').isDisabled(), 'the duplicate is not sent')
      await h.checkPage(page, 'admin-grant-duplicate', { screenshot: false })
      await page.locator('[data-grant=EDITOR] button').click()
      await confirmBox(page)
      await page.locator('[data-grant=EDITOR]').waitFor({ state: 'detached' })
      assert.equal(await page.locator('[data-grant]').count(), before)
      await page.context().close()
    },
  },
  {
    name: 'the administrator adds a batch of prohibited terms as one version, removes one, and the history shows both',
    async run(h) {
      const page = await h.newPage('demo-admin')
      await page.goto(h.url('admin/lexicon'))
      await page.getByTestId('lexicon-add-form').waitFor()
      const a = '测试违禁词甲' + marker
      const b = '测试违禁词乙' + marker
      await choose(page, 'lex-category', '商业营销')
      await page.locator('#lex-batch').fill(`${a}\n${b}\n${a}`)
      await page.getByText('将添加 2 个词').waitFor()
      await page.getByText('第 3 行重复').waitFor()
      await page.getByTestId('lex-add').click()
      const result = await page.getByTestId('lex-result').innerText()
      assert.match(result, /新增 2 个/)
      await page.locator('#lex-q').fill(marker)
      await page.locator('#lex-q').press('Enter')
      await page.locator(`[data-term="${a}"]`).waitFor()
      await page.locator(`[data-term="${b}"] button`).click()
      await confirmBox(page)
      await page.locator(`[data-term="${b}"]`).waitFor({ state: 'detached' })
      await page.getByRole('tab', { name: '变更记录' }).click()
      const history = page.getByTestId('lexicon-changes')
      await history.locator('tr', { hasText: b }).filter({ hasText: '删除' }).waitFor()
      await history.locator('tr', { hasText: a }).filter({ hasText: '添加' }).waitFor()
      await page.context().close()
    },
  },
  {
    name: 'the administrator adds a sub-department to the tree',
    async run(h) {
      const page = await h.newPage('demo-admin')
      await page.goto(h.url('admin/departments'))
      await page.getByTestId('department-tree').waitFor()
      await page.getByRole('button', { name: '在宣传部下添加子部门' }).click()
      await page.locator('#dept-name').fill('新媒体组' + marker)
      await page.locator('#dept-code').fill('new-media-' + marker)
      await page.getByTestId('dept-save').click()
      await page.locator(`[data-department="new-media-${marker}"]`).waitFor()
      await page.context().close()
    },
  },
  {
    name: 'test followers: a wrong openid is shown on its row before anything is sent; the corrected list is saved',
    async run(h) {
      const page = await h.newPage('demo-admin')
      await page.goto(h.url('admin/accounts'))
      await page.locator('[data-account=wxd000000000000001] a').click()
      await page.getByTestId('account-name').waitFor()
      await page.getByRole('tab', { name: '测试粉丝' }).click()
      await page.getByTestId('test-followers-panel').waitFor()
      await settle(page)
      const rows = await page.locator('[data-testid^=tf-row-]').count()
      await page.getByTestId('tf-add').click()
      await page.getByTestId('tf-openid-' + rows).fill('bad!')
      await page.getByTestId('tf-label-' + rows).fill('测试老师')
      await page.getByTestId('tf-save').click()
      await page.getByTestId('tf-row-' + rows).getByText('openid 为 6–64 位').waitFor()
      assert.equal(await page.getByTestId('tf-label-' + rows).inputValue(), '测试老师', 'the row keeps what was typed')
      await page.getByTestId('tf-openid-' + rows).fill('o_e2e_' + marker)
      await successAfter(page, () => page.getByTestId('tf-save').click())
      const r = await page.evaluate(() => fetch('/api/accounts?q=wxd000000000000001').then((x) => x.json()))
      const id = r.items[0].id
      const list = await page.evaluate((u) => fetch(u).then((x) => x.json()), `/api/accounts/${id}/test-followers`)
      assert.ok(list.some((t) => t.openid === 'o_e2e_' + marker && t.label === '测试老师'), 'the test follower was saved')
      await page.context().close()
    },
  },
  {
    name: 'a new account is activated with a reason, which the status history keeps',
    async run(h) {
      const page = await h.newPage('demo-admin')
      await page.goto(h.url('admin/accounts'))
      await page.getByTestId('accounts-table').waitFor()
      const created = await page.evaluate(async (body) => {
        const r = await fetch('/api/accounts', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
        return { status: r.status, body: await r.json() }
      }, {
        appId: 'wx' + random(16),
        originalId: 'gh_' + random(12),
        name: '状态测试公众号' + marker,
        type: 'SERVICE',
        mode: 'PLAINTEXT',
        credentials: { appSecret: random(32), token: 'tok' + random(8) },
      })
      assert.equal(created.status, 201, JSON.stringify(created.body))
      await page.goto(h.url('admin/accounts/' + created.body.id))
      await page.getByTestId('account-name').waitFor()
      await page.getByRole('tab', { name: '状态' }).click()
      await page.getByTestId('lifecycle-panel').waitFor()
      await page.getByTestId('status-submit').click()
      const reasonItem = page.locator('.el-form-item', { has: page.locator('#status-reason') })
      await reasonItem.locator('.el-form-item__error').waitFor()
      await page.getByTestId('status-ACTIVE').click()
      await page.locator('#status-reason').fill('登记材料齐全，准予开通 ' + marker)
      await page.getByTestId('status-submit').click()
      await page.getByTestId('lifecycle-panel').locator('td', { hasText: '登记材料齐全，准予开通 ' + marker }).waitFor()
      assert.equal(await page.getByTestId('account-status').innerText(), '运营中')
      await h.checkPage(page, 'admin-account-lifecycle-changed', { screenshot: false })
      await page.context().close()
    },
  },
]
