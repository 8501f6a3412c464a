// Scenario 1 and the inbox pages: a follower's complaint appears in the handler's open
// queue without a reload, the handler replies, and a follower whose last message is 48
// hours old gets the refusal on the page; the duty view, the inbox rules (a bulk malicious
// list) and the routing settings.
import { check } from '../lib.mjs'

const marker = 'E2E' + Date.now().toString(36)
const complainer = 'o_e2e_' + marker
const oldFollower = 'o_e2e_old_' + marker
let complaintTicket = null

async function ticketOf(h, page, openid) {
  const r = await h.apiGet(page, '/api/tickets?category=COMPLAINT&size=200')
  check(r.status === 200, `GET /api/tickets answered ${r.status}`)
  return (r.body.items ?? []).find((t) => t.openid === openid) ?? null
}

export default [
  {
    name: 'a new complaint appears in the open queue without reload, within 2 s',
    async run(h) {
      const context = await h.newContext()
      const page = await context.newPage()
      await h.signInUi(page, 'demo-handler')
      await page.locator('[data-testid=my-work], [data-testid=my-work-empty]').first().waitFor()
      await h.checkPage(page, 'my-work')

      await page.goto(h.url('tickets'))
      await page.locator('[data-testid=queue]').waitFor()
      await page.evaluate(() => (window.__sameDocument = true))
      const text = `投诉：宿舍热水不足 ${marker}`
      await h.simulate({ openid: complainer, type: 'text', content: text })
      const sent = Date.now()
      const row = page.locator('[data-testid=excerpt]', { hasText: marker })
      await row.waitFor({ timeout: 10_000 })
      const visibleAfter = Date.now() - sent
      check(await page.evaluate(() => window.__sameDocument === true), 'the queue page reloaded')
      h.figure('new complaint visible in the queue', visibleAfter, 'ms', Number(h.env.WXOPS_E2E_LIVE_MS || 2000))
      await h.checkPage(page, 'ticket-queue')
      h.queuePage = page
    },
  },
  {
    name: 'the handler opens the complaint as a chat thread and replies inside the window',
    async run(h) {
      const page = h.queuePage
      check(page, 'the queue scenario did not leave a page')
      complaintTicket = await ticketOf(h, page, complainer)
      check(complaintTicket, 'the complaint has no ticket')
      await page.locator(`[data-ticket="${complaintTicket.id}"]`).click()
      await page.locator('[data-testid=thread]', { hasText: marker }).waitFor()
      const window = page.locator('[data-testid=window-open]')
      await window.waitFor()
      const windowText = await window.innerText()
      check(/4[67] 小时/.test(windowText), `the window shows the hours left: ${windowText}`)
      const reply = `您好，热水问题已安排维修。${marker}`
      await page.locator('#reply-text').fill(reply)
      await page.locator('[data-testid=reply-send]').click()
      const out = page.locator('[data-kind=OUT]', { hasText: reply })
      await out.waitFor({ timeout: 10_000 })
      await out.locator('.delivery.DELIVERED').waitFor({ timeout: 10_000 })
      check((await page.locator('#reply-text').inputValue()) === '', 'the reply box is emptied after a delivered reply')
      await h.checkPage(page, 'ticket')
    },
  },
  {
    name: 'a follower whose last message is 48 hours old: the page says they must write again, and the reply is refused',
    async run(h) {
      const page = h.queuePage
      const createTime = Math.floor(Date.now() / 1000) - 49 * 3600
      await h.simulate({ openid: oldFollower, type: 'text', content: `投诉：两天前的留言 ${marker}`, createTime: String(createTime) })
      let ticket = null
      for (let i = 0; i < 50 && !ticket; i++) {
        ticket = await ticketOf(h, page, oldFollower)
        if (!ticket) await page.waitForTimeout(200)
      }
      check(ticket, 'the old message opened no ticket')
      await page.goto(h.url(`tickets/${ticket.id}`))
      const closed = page.locator('[data-testid=window-closed]')
      await closed.waitFor()
      check((await closed.innerText()).includes('粉丝需要再次发消息'), 'the closed window says the follower must write again')
      check(!(await page.locator('[data-testid=window-open]').count()), 'no countdown for a closed window')
      const reply = `迟到的回复 ${marker}`
      await page.locator('#reply-text').fill(reply)
      await page.locator('[data-testid=reply-send]').click()
      const problem = page.locator('[data-testid=problem] [data-problem-type]')
      await problem.waitFor()
      const type = await problem.getAttribute('data-problem-type')
      check(['outside-service-window', 'wechat/45015'].includes(type), `the refusal is outside-service-window, got ${type}`)
      check((await page.locator('[data-testid=problem]').innerText()).includes('48 小时'), 'the refusal is explained in Chinese')
      check((await page.locator('#reply-text').inputValue()) === reply, 'the refused reply keeps what was typed')
      await h.checkPage(page, 'ticket-window-closed')
    },
  },
  {
    name: 'the unassigned queue lists the complaint; assign it through the select, note, resolve and close it with its follow-up',
    async run(h) {
      const page = h.queuePage
      // My work's link: the queue reads the filter from the URL and shows it ticked.
      await page.goto(h.url('tickets?unassigned=true&category=COMPLAINT&size=100'))
      await page.locator('[data-testid=unassigned-filter].is-checked').waitFor()
      await page.locator(`[data-ticket="${complaintTicket.id}"]`).waitFor({ timeout: 10_000 })
      await page.locator(`[data-ticket="${complaintTicket.id}"]`).click()
      await page.locator('[data-testid=thread]').waitFor()

      // Assigned through the select of the people who may handle it (no person number).
      await page.getByRole('tab', { name: '分配', exact: true }).click()
      await page.locator('.el-select:has(#assign-person)').click()
      await page.getByRole('option', { name: /demo-handler/ }).click()
      // axe judges what is on screen: let the list's closing animation end first (a half
      // faded option fails color-contrast).
      await page.getByRole('option', { name: /demo-handler/ }).waitFor({ state: 'hidden' })
      await h.checkPage(page, 'ticket-assign', { screenshot: false })
      await page.getByRole('button', { name: '分配', exact: true }).click()
      await page.locator('[data-kind=EVENT]', { hasText: 'assigned to person' }).waitFor({ timeout: 10_000 })
      await page.locator('[data-testid=claim]').waitFor({ state: 'detached', timeout: 10_000 })
      const unassigned = await h.apiGet(page, '/api/tickets?unassigned=true&category=COMPLAINT&size=200')
      check(!(unassigned.body.items ?? []).some((t) => t.id === complaintTicket.id), 'the assigned complaint left the unassigned queue')

      await page.getByRole('tab', { name: '添加备注' }).click()
      await page.locator('#note-text').fill(`已联系后勤 ${marker}`)
      await page.getByRole('button', { name: '添加备注' }).click()
      await page.locator('[data-kind=NOTE]', { hasText: `已联系后勤 ${marker}` }).waitFor({ timeout: 10_000 })

      // Resolved, then closed with the follow-up (回访).
      await page.getByRole('tab', { name: '更改状态' }).click()
      await page.locator('.el-select:has(#new-status)').click()
      await page.getByRole('option', { name: '已解决' }).click()
      await page.getByRole('button', { name: '更改状态' }).click()
      await page.locator('[data-kind=EVENT]', { hasText: 'RESOLVED' }).waitFor({ timeout: 10_000 })
      await page.getByRole('tab', { name: '关闭并回访' }).click()
      await page.locator('#close-result').fill('已修复，粉丝确认热水恢复。')
      await page.getByRole('button', { name: '关闭并回访' }).click()
      await page.getByText('工单已关闭，不能再回复。').waitFor({ timeout: 10_000 })
      check((await page.locator('.followup').innerText()).includes('已修复'), 'the follow-up is shown on the closed ticket')
    },
  },
  {
    name: 'the duty view and the read-only inbox pages of a handler',
    async run(h) {
      const page = h.queuePage
      await page.goto(h.url('duty'))
      await page.locator('[data-testid=duty-new]').waitFor()
      await h.checkPage(page, 'duty')
      await page.goto(h.url('inbox/rules'))
      await page.locator('[data-testid=rules]').waitFor()
      check(!(await page.locator('[data-testid=bulk-open]').count()), 'a handler gets no bulk import')
      await h.checkPage(page, 'inbox-rules-handler', { screenshot: false })
      await page.context().close()
    },
  },
  {
    name: 'an administrator adds a malicious-term list at once and changes the routing',
    async run(h) {
      const page = await h.newPage('demo-admin')
      await page.goto(h.url('inbox/rules'))
      await page.locator('[data-testid=rules]').waitFor()
      await page.locator('[data-testid=bulk-open]').click()
      const terms = [`${marker}骗子`, `${marker}刷单`, `${marker}骗子`, '', `${marker}广告`]
      await page.locator('#bulk-patterns').fill(terms.join('\n'))
      await page.locator('[data-testid=bulk-submit]').click()
      const result = page.locator('[data-testid=bulk-result]')
      await result.waitFor({ timeout: 10_000 })
      const text = await result.innerText()
      check(text.includes('已添加 3 条') && text.includes('跳过 1 条'), `bulk result: ${text}`)
      await page.locator('[data-testid=rules]', { hasText: `${marker}刷单` }).waitFor({ timeout: 10_000 }).catch(async () => {
        await page.locator('input[placeholder="规则内容包含"]').fill(marker)
        await page.getByRole('button', { name: '查询' }).click()
        await page.locator('[data-testid=rules]', { hasText: `${marker}刷单` }).waitFor()
      })
      await h.checkPage(page, 'inbox-rules')

      await page.goto(h.url('inbox/settings'))
      await page.locator('[data-testid=settings-save]').waitFor()
      await page.locator('#ack-text').fill('您好，您的留言已收到，我们会在当天答复。')
      await page.locator('[data-testid=settings-save]').click()
      await page.getByText('已保存').first().waitFor({ timeout: 10_000 })
      await h.checkPage(page, 'routing-settings')
      await page.context().close()
    },
  },
]
