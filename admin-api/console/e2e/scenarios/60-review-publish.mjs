// The reviewer's and publisher's journeys on fresh accounts (one mass send per account and
// local day, so each journey that reaches FINISHED takes its own): an article submitted
// through the API as demo-editor is approved by the department head in the UI, and the
// publisher sends it from the queue head to FINISHED — once by mouse, once by keyboard
// only. Then: the queue reordered by drag and by keyboard, an article withdrawn with a
// reason, an article rejected with a comment, a sent message deleted, and the refusal of a
// second send on the same day (the day shown as taken, the API's 409 in words, nothing
// typed lost).
import assert from 'node:assert/strict'
import { check, successAfter } from '../lib.mjs'
import { freshContentAccount } from '../steps/accounts.mjs'
import { apiAs } from '../steps/api.mjs'
import { activate, approveArticle, approveByApi, publishHead, submitArticle, tabTo } from '../steps/publish.mjs'

const marker = Date.now().toString(36)
const finished = {}

async function journey(h, keyboard) {
  const account = await freshContentAccount(h)
  const { articleId } = await submitArticle(h, { ...account, title: `${keyboard ? '键盘' : '鼠标'}发布 ${marker}` })
  const reviewer = await h.newPage('demo-dept-reviewer')
  await approveArticle(h, reviewer, { articleId, keyboard, screenshots: !keyboard })
  await reviewer.context().close()
  const publisher = await h.newPage('demo-publisher')
  const { sendId } = await publishHead(h, publisher, { accountId: account.accountId, articleId, keyboard, screenshots: !keyboard })
  await publisher.context().close()
  finished[keyboard ? 'keyboard' : 'mouse'] = { ...account, sendId }
}

async function queueOf(h, page, accountId) {
  const r = await h.apiGet(page, `/api/accounts/${accountId}/queue`)
  return r.body.map((q) => q.articleId)
}

export default [
  {
    name: 'the department head approves in the UI; the publisher sends the queue head, previews, confirms, and sees FINISHED with WeChat’s counts (mouse)',
    run: (h) => journey(h, false),
  },
  {
    name: 'the same journey with the keyboard only',
    run: (h) => journey(h, true),
  },
  {
    name: 'the publisher reorders the queue by drag and by keyboard, and withdraws an article with a reason',
    async run(h) {
      const account = await freshContentAccount(h)
      const ids = []
      for (const n of ['甲', '乙', '丙']) {
        const { articleId } = await submitArticle(h, { ...account, title: `队列${n} ${marker}` })
        await approveByApi(h, articleId)
        ids.push(articleId)
      }
      const page = await h.newPage('demo-publisher')
      // "My work" counts the account's queue and links to it.
      await page.goto(h.url(''))
      const work = page.locator('[data-work="queue.articles"]', { hasText: account.name })
      await work.waitFor()
      assert.match(await work.innerText(), /^\s*3/)
      await work.locator('a').click()
      await page.waitForURL(new RegExp(`/accounts/${account.accountId}/queue$`))
      await page.locator('[data-testid=queue] li[data-position="3"]').waitFor()
      assert.deepEqual(await queueOf(h, page, account.accountId), ids)
      // Drag the last row onto the upper half of the first: it becomes the head.
      const rows = page.locator('[data-testid=queue] li[data-article]')
      await successAfter(page, () => rows.nth(2).dragTo(rows.nth(0), { targetPosition: { x: 40, y: 4 } }))
      const dragged = [ids[2], ids[0], ids[1]]
      assert.deepEqual(await queueOf(h, page, account.accountId), dragged, 'the drag saved the new order')
      await page.locator(`[data-testid=queue] li[data-position="1"][data-article="${ids[2]}"]`).waitFor()
      // Keyboard: the handle of the last row, Space, ArrowUp twice, Space.
      const handle = page.getByTestId('queue-handle-' + ids[1])
      await tabTo(page, handle)
      await page.keyboard.press('Space')
      assert.equal(await handle.getAttribute('aria-pressed'), 'true', 'the row is picked up')
      assert.match(await page.getByTestId('queue-live').innerText(), /已拿起/)
      await page.keyboard.press('ArrowUp')
      await page.keyboard.press('ArrowUp')
      await successAfter(page, () => page.keyboard.press('Space'))
      const moved = [ids[1], ids[2], ids[0]]
      assert.deepEqual(await queueOf(h, page, account.accountId), moved, 'the keyboard move saved the new order')
      // Escape puts a held row back and saves nothing.
      await page.getByTestId('queue-handle-' + ids[0]).focus()
      await page.keyboard.press('Space')
      await page.keyboard.press('Home')
      await page.keyboard.press('Escape')
      assert.deepEqual(await queueOf(h, page, account.accountId), moved)
      await page.locator(`[data-testid=queue] li[data-position="3"][data-article="${ids[0]}"]`).waitFor()
      await h.checkPage(page, 'publishing-queue-reordered', { screenshot: false })
      // Withdraw the last one: a reason is asked for first.
      await page.getByTestId('withdraw-' + ids[0]).click()
      await page.getByTestId('withdraw-confirm').click()
      await page.locator('.el-dialog').getByText('请填写撤回原因').waitFor()
      await page.locator('#withdraw-reason').fill('活动延期，暂不发布 ' + marker)
      await h.checkPage(page, 'publishing-withdraw')
      await successAfter(page, () => page.getByTestId('withdraw-confirm').click())
      await page.locator(`[data-testid=queue] li[data-article="${ids[0]}"]`).waitFor({ state: 'detached' })
      assert.deepEqual(await queueOf(h, page, account.accountId), [ids[1], ids[2]])
      const a = await h.apiGet(page, `/api/articles/${ids[0]}`)
      assert.equal(a.body.status, 'WITHDRAWN')
      await page.context().close()
    },
  },
  {
    name: 'the department head rejects an article with a comment (a comment is asked for first), and the chain shows it',
    async run(h) {
      const account = finished.mouse ?? (await freshContentAccount(h))
      const { articleId } = await submitArticle(h, { ...account, title: `退回 ${marker}` })
      const page = await h.newPage('demo-dept-reviewer')
      // "My work" links to awaiting my review, which lists the article.
      await page.goto(h.url(''))
      await page.locator('[data-work="reviews.articles"] a').click()
      await page.waitForURL(/\/reviews$/)
      await page.locator(`[data-testid=pending-articles] tr[data-article="${articleId}"] a`).click()
      await page.waitForURL(new RegExp(`/reviews/articles/${articleId}$`))
      await page.getByTestId('review-content').waitFor()
      await page.getByTestId('decision-reject').click()
      await page.getByTestId('decision-form').getByText('退回时请填写意见').waitFor()
      const comment = '来源不够具体，请注明活动主办单位。'
      await page.locator('#decision-comment').fill(comment)
      await successAfter(page, () => page.getByTestId('decision-reject').click())
      const step = page.getByTestId('review-chain').locator('li[data-level=DEPT_REVIEWER][data-decision=REJECTED]')
      await step.waitFor()
      check((await step.innerText()).includes(comment), 'the chain shows the comment')
      await page.getByTestId('review-closed').waitFor()
      const a = await h.apiGet(page, `/api/articles/${articleId}`)
      assert.equal(a.body.status, 'REJECTED')
      await h.checkPage(page, 'review-article-rejected', { screenshot: false })
      await page.context().close()
    },
  },
  {
    name: 'a second send the same day: the day shows as taken, and the API’s 409 is shown in words with what was typed kept',
    async run(h) {
      const page = await h.newPage('demo-publisher')
      // On the account that sent today, today is shown as taken with its send.
      if (finished.mouse) {
        await page.goto(h.url(`sends/new?accountId=${finished.mouse.accountId}`))
        const days = await h.apiGet(page, `/api/accounts/${finished.mouse.accountId}/send-days`)
        const today = page.locator(`[data-testid=slot-days] label[data-day="${days.body.today}"]`)
        await today.waitFor()
        assert.equal(await today.getAttribute('data-state'), 'taken')
        assert.ok(await today.locator('input').isDisabled(), 'a taken day cannot be chosen')
        check((await today.innerText()).includes('#' + finished.mouse.sendId), 'the taken day names its send')
        await h.checkPage(page, 'publishing-slot-taken')
      }
      // A fresh account: the page offers today, then another send takes it first.
      const account = await freshContentAccount(h)
      await page.goto(h.url(`sends/new?accountId=${account.accountId}`))
      await page.getByTestId('compose-form').waitFor()
      await page.getByTestId('kind-TEXT').check()
      const text = '明天停水通知 ' + marker
      await page.locator('#compose-text').fill(text)
      await page.locator('.el-select', { has: page.locator('#compose-department') }).click()
      await page.locator('.el-select-dropdown__item:visible', { hasText: '宣传部' }).first().click()
      await page.getByTestId('audience-ALL').check()
      await page.getByTestId('reprint-yes').check()
      const days = await h.apiGet(page, `/api/accounts/${account.accountId}/send-days`)
      await page.locator(`[data-testid=slot-days] label[data-day="${days.body.today}"][data-state=free] input:checked`).waitFor()
      const publisher = await apiAs(h, 'demo-publisher')
      await publisher.post(
        '/api/sends',
        { accountId: account.accountId, kind: 'TEXT', text: '抢先的群发 ' + marker, audience: 'ALL', sendIgnoreReprint: true, departmentId: account.departmentId, sensitivity: 'GENERAL' },
        201,
      )
      await publisher.close()
      await page.getByTestId('compose-submit').click()
      const problem = page.getByTestId('problem')
      await problem.waitFor()
      assert.equal(await problem.locator('[data-problem-type]').getAttribute('data-problem-type'), 'day-taken')
      check((await problem.innerText()).includes('该公众号当天已有群发'), 'the refusal is in words')
      await page.getByTestId('next-free-day').waitFor()
      assert.equal(await page.locator('#compose-text').inputValue(), text, 'the text typed is kept')
      await page.locator(`[data-testid=slot-days] label[data-day="${days.body.today}"][data-state=taken]`).waitFor({ timeout: 15_000 })
      await h.checkPage(page, 'publishing-day-taken')
      await page.context().close()
    },
  },
  {
    name: 'the publisher deletes a sent message from WeChat',
    async run(h) {
      const sent = finished.keyboard ?? finished.mouse
      check(sent, 'a journey above finished a send')
      const page = await h.newPage('demo-publisher')
      await page.goto(h.url(`sends/${sent.sendId}`))
      await page.locator('[data-testid=send-status][data-status=FINISHED]').waitFor()
      await h.checkPage(page, 'publishing-send', { screenshot: false })
      await page.getByTestId('send-delete').click()
      await page.locator('.el-dialog').getByText('删除已发送的群发').waitFor()
      // axe reads colours mid-fade otherwise.
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), null, { timeout: 5000 })
      await h.checkPage(page, 'publishing-delete', { screenshot: false })
      await successAfter(page, () => page.getByTestId('delete-confirm').click())
      await page.locator('[data-testid=send-status][data-status=DELETED]').waitFor()
      await page.locator('[data-testid=send-timeline][data-outcome=deleted]').waitFor()
      await page.goto(h.url(`sends?accountId=${sent.accountId}`))
      await page.locator(`[data-testid=sends-table] tr[data-send="${sent.sendId}"][data-status=DELETED]`).waitFor()
      await h.checkPage(page, 'publishing-sends')
      await page.context().close()
    },
  },
  {
    name: 'a text send is reviewed like an article: the head approves its exact text and hash, and the send page shows the chain',
    async run(h) {
      const account = await freshContentAccount(h)
      const publisher = await apiAs(h, 'demo-publisher')
      const text = '周五下午全校停电检修，请提前做好准备。' + marker
      const send = await publisher.post(
        '/api/sends',
        { accountId: account.accountId, kind: 'TEXT', text, audience: 'ALL', sendIgnoreReprint: true, departmentId: account.departmentId, sensitivity: 'GENERAL' },
        201,
      )
      await publisher.close()
      const page = await h.newPage('demo-dept-reviewer')
      await page.goto(h.url('reviews/sends'))
      const row = page.locator(`[data-testid=pending-sends] tr[data-send="${send.id}"]`)
      await row.waitFor()
      await h.checkPage(page, 'reviews-pending-sends')
      await row.locator('a').click()
      await page.getByTestId('review-text').waitFor()
      assert.equal(await page.getByTestId('review-text').innerText(), text, 'the exact text, as text')
      assert.equal(await page.getByTestId('review-hash').innerText(), send.contentHash)
      await h.checkPage(page, 'review-send')
      await page.locator('#decision-comment').fill('同意发送')
      await successAfter(page, () => page.getByTestId('decision-approve').click())
      await page.getByTestId('review-chain').locator('li[data-level=DEPT_REVIEWER][data-decision=APPROVED]').waitFor()
      await page.context().close()
      const pub = await h.newPage('demo-publisher')
      await pub.goto(h.url(`sends/${send.id}`))
      await pub.getByTestId('review-chain').locator('li[data-level=DEPT_REVIEWER][data-decision=APPROVED]').waitFor()
      await pub.getByTestId('send-preview').waitFor()
      // The queue page without an account in the path opens the chosen account's queue.
      await pub.goto(h.url('queue'))
      await pub.getByTestId('account-picker').waitFor()
      await h.checkPage(pub, 'publishing-queue-pick', { screenshot: false })
      await pub.context().close()
    },
  },
]
