// The account's custom menu (自定义菜单) and automatic replies (自动回复) on a fresh account:
// the editor builds a menu in the 3×5 editor (a name over WeChat's 16 bytes is marked with
// the limit before anything is sent, a click key is picked from the keys something already
// answers), saves and submits it; the department head approves it on the same page; the
// publisher publishes it and sees the live menu WeChat shows beside ours, without drift.
// Then the editor adds a click reply for the button's key, the department head approves
// the rule set, and it is in force. axe checks each page.
import { check, successAfter } from '../lib.mjs'
import { freshContentAccount } from '../steps/accounts.mjs'
import { apiAs } from '../steps/api.mjs'

const marker = Date.now().toString(36)

async function open(h, user, path, accountId) {
  const page = await h.newPage(user)
  await page.goto(h.url(`${path}?account=${accountId}`))
  return page
}

export default [
  {
    name: 'the editor builds and submits a menu (bytes counted, limit named), the department head approves it, the publisher publishes it and sees it live without drift',
    async run(h) {
      const account = await freshContentAccount(h, { name: '菜单测试公众号 ' + marker })
      const admin = await apiAs(h, 'demo-admin')
      await admin.post(`/api/accounts/${account.accountId}/inbox-rules`, { kind: 'MENU_KEY', pattern: 'COMPLAINT', category: 'COMPLAINT' }, 201)
      await admin.close()

      const editor = await open(h, 'demo-editor', 'menus', account.accountId)
      await editor.locator('[data-testid=menu-add-top]').click()
      const name = editor.locator('#menu-name')
      await name.fill('一二三四五六')
      const bytes = editor.locator('[data-testid=menu-name-bytes]')
      check((await bytes.innerText()).includes('18 / 16'), `the counter shows 18 of 16 bytes: ${await bytes.innerText()}`)
      await editor.locator('.el-form-item__error', { hasText: '16' }).first().waitFor()
      await h.checkPage(editor, 'custom-menu-over-limit')
      await name.fill('投诉建议')
      const key = editor.locator('#menu-key')
      await editor.locator('[data-testid=menu-key-option]', { hasText: 'COMPLAINT' }).first().click()
      check((await key.inputValue()) === 'COMPLAINT', `the key picked is COMPLAINT: ${await key.inputValue()}`)
      await successAfter(editor, () => editor.locator('[data-testid=menu-save]').click())
      await editor.locator('[data-testid=menu-status]', { hasText: '第 1 版' }).waitFor()
      await successAfter(editor, () => editor.locator('[data-testid=menu-submit]').click())
      await editor.locator('[data-testid=menu-status]', { hasText: '审核中' }).waitFor()
      await h.checkPage(editor, 'custom-menu-submitted')
      await editor.context().close()

      const reviewer = await open(h, 'demo-dept-reviewer', 'menus', account.accountId)
      await reviewer.locator('[data-testid=decision-approve]').waitFor()
      await successAfter(reviewer, () => reviewer.locator('[data-testid=decision-approve]').click())
      await reviewer.locator('[data-testid=menu-status]', { hasText: '已通过' }).waitFor()
      await reviewer.context().close()

      const publisher = await open(h, 'demo-publisher', 'menus', account.accountId)
      await publisher.locator('[data-testid=menu-status]', { hasText: '已通过' }).waitFor()
      await successAfter(publisher, () => publisher.locator('[data-testid=menu-publish]').click())
      await publisher.locator('[data-testid=menu-status]', { hasText: '已发布' }).waitFor()
      await publisher.locator('[data-testid=menu-live]', { hasText: '投诉建议' }).waitFor()
      await publisher.locator('[data-testid=menu-no-drift]').waitFor()
      await h.checkPage(publisher, 'custom-menu-published')
      await publisher.context().close()
      h.menuAccount = account
    },
  },
  {
    name: 'the editor adds a click reply for the button’s key; once the department head approves the set it is in force',
    async run(h) {
      const account = h.menuAccount ?? (await freshContentAccount(h, { name: '回复测试公众号 ' + marker }))
      const editor = await open(h, 'demo-editor', 'menus/replies', account.accountId)
      await editor.locator('[data-testid=replies-status]').waitFor()
      await editor.locator('[data-testid=reply-add]').click()
      const row = editor.locator('[data-testid^=reply-rule-]').last()
      await row.locator('.el-select').first().click()
      await editor.locator('.el-select-dropdown__item:visible', { hasText: '菜单点击' }).click()
      await row.locator('input[data-testid^=reply-keyword-], [data-testid^=reply-keyword-] input').fill('COMPLAINT')
      await row.locator('textarea[data-testid^=reply-text-], [data-testid^=reply-text-] textarea').fill('请留言说明情况，我们会在 3 个工作日内答复。')
      await successAfter(editor, () => editor.locator('[data-testid=replies-save]').click())
      await successAfter(editor, () => editor.locator('[data-testid=replies-submit]').click())
      await editor.locator('[data-testid=replies-status]', { hasText: '审核中' }).waitFor()
      await h.checkPage(editor, 'auto-replies')
      await editor.context().close()

      const reviewer = await open(h, 'demo-dept-reviewer', 'menus/replies', account.accountId)
      await successAfter(reviewer, () => reviewer.locator('[data-testid=decision-approve]').click())
      await reviewer.locator('[data-testid=replies-status]', { hasText: '已通过' }).waitFor()
      await reviewer.context().close()

      const api = await apiAs(h, 'demo-editor')
      const set = await api.get(`/api/accounts/${account.accountId}/replies`)
      check(set.live.some((r) => r.trigger === 'CLICK' && r.keyword === 'COMPLAINT'), `the click reply is in force: ${JSON.stringify(set.live)}`)
      const keys = await api.get(`/api/accounts/${account.accountId}/menu/keys`)
      check(keys.some((k) => k.key === 'COMPLAINT' && k.source === 'REPLY_RULE'), `the key picker offers the reply: ${JSON.stringify(keys)}`)
      await api.close()
    },
  },
]
