// The reviewer's and the publisher's steps through the console, by mouse or keyboard only
// (keyboard: Tab, Shift+Tab, Enter, Space and the arrow keys; no .click()). The lead's full
// journey composes them: approveArticle (a department head), publishHead (a publisher).
import assert from 'node:assert/strict'
import { check, successAfter } from '../lib.mjs'
import { apiAs, jpeg } from './api.mjs'

/** Moves the focus with Tab (at most `max` presses) until `locator` has it. */
export async function tabTo(page, locator, { max = 80, backwards = false } = {}) {
  await locator.waitFor()
  const handle = await locator.elementHandle()
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((el) => el === document.activeElement || el.contains(document.activeElement), handle)) return
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
  }
  throw new Error(`could not reach ${locator} with ${max} presses of Tab`)
}

/** Activates a control: a click, or Tab to it and Enter (Space for radios and checkboxes). */
export async function activate(page, locator, keyboard, key = 'Enter') {
  if (!keyboard) return locator.click()
  await tabTo(page, locator)
  await page.keyboard.press(key)
}

/** Types into a field: fill, or Tab to it and type. */
export async function typeInto(page, locator, text, keyboard) {
  if (!keyboard) return locator.fill(text)
  await tabTo(page, locator)
  await page.keyboard.press('Control+A')
  await page.keyboard.type(text)
}

/**
 * An article written and submitted through the API as demo-editor (the editor's pages are
 * another area's): GENERAL, with a cover (MPNEWS needs one), for the account's department.
 * Returns { articleId, title, contentHash }.
 */
export async function submitArticle(h, { accountId, departmentId, title, body }) {
  const editor = await apiAs(h, 'demo-editor')
  try {
    const req = {
      accountId,
      departmentId,
      title,
      author: '宣传部',
      digest: '端到端测试稿件',
      body: body ?? `<p>${title}：我校举行冬季长跑活动，师生踊跃参加。</p>`,
      source: '本校宣传部',
      sensitivity: 'GENERAL',
    }
    const draft = await editor.post('/api/articles', req, 201)
    const cover = await editor.upload(`/api/articles/${draft.id}/images?kind=COVER`, 'cover.jpg', 'image/jpeg', await jpeg(h))
    const saved = await editor.put(`/api/articles/${draft.id}`, { ...req, coverImageId: cover.id, version: draft.version }, 200)
    await editor.post(`/api/articles/${draft.id}/submit`, {}, 200)
    const submitted = await editor.get(`/api/articles/${draft.id}`)
    check(submitted.status === 'IN_REVIEW', `article ${draft.id} is in review (${submitted.status})`)
    void saved
    return { articleId: draft.id, title, contentHash: submitted.contentHash }
  } finally {
    await editor.close()
  }
}

/** The department head approves an article through the API (for queue set-ups). */
export async function approveByApi(h, articleId) {
  const head = await apiAs(h, 'demo-dept-reviewer')
  try {
    const a = await head.get(`/api/articles/${articleId}`)
    await head.post(`/api/articles/${articleId}/decision`, { decision: 'APPROVE', contentHash: a.contentHash, comment: '同意' }, 200)
  } finally {
    await head.close()
  }
}

/**
 * `page` is signed in as the department head: opens "awaiting my review", finds the article,
 * checks the content and the hash shown against the API, approves with a comment, and checks
 * the chain names who decided.
 */
export async function approveArticle(h, page, { articleId, keyboard = false, comment = '内容属实，同意发布。', screenshots = false }) {
  await page.goto(h.url('reviews'))
  const row = page.locator(`[data-testid=pending-articles] tr[data-article="${articleId}"]`)
  await row.waitFor({ timeout: 15_000 })
  if (screenshots) await h.checkPage(page, 'reviews-pending')
  const pendingHash = await row.locator('code').getAttribute('title')
  await activate(page, row.locator('a'), keyboard)
  await page.waitForURL(/\/reviews\/articles\/\d+/)
  const content = page.getByTestId('review-content')
  await content.waitFor()
  const api = await h.apiGet(page, `/api/articles/${articleId}`)
  assert.equal(api.status, 200)
  assert.equal(await page.getByTestId('review-title').innerText(), api.body.title)
  assert.equal(await page.getByTestId('review-hash').innerText(), api.body.contentHash, 'the page shows the hash of the content it shows')
  assert.equal(pendingHash, api.body.contentHash, 'awaiting-my-review lists the same hash')
  const frame = page.getByTestId('article-frame')
  assert.equal(await frame.getAttribute('sandbox'), '', 'the body is in a sandboxed frame')
  assert.ok((await frame.getAttribute('srcdoc')).includes(api.body.body), 'the frame holds the exact body')
  await page.getByTestId('review-chain').locator('li[data-level=DEPT_REVIEWER][data-decision=PENDING]').waitFor()
  if (screenshots) await h.checkPage(page, 'review-article')
  await typeInto(page, page.locator('#decision-comment'), comment, keyboard)
  await successAfter(page, () => activate(page, page.getByTestId('decision-approve'), keyboard))
  const step = page.getByTestId('review-chain').locator('li[data-level=DEPT_REVIEWER][data-decision=APPROVED]')
  await step.waitFor({ timeout: 10_000 })
  const who = await step.getByTestId('chain-who').innerText()
  check(/演示部门负责人/.test(who), `the chain names who decided: ${who}`)
  check((await step.innerText()).includes(comment), 'the chain shows the comment')
  const review = await h.apiGet(page, `/api/articles/${articleId}/review`)
  assert.equal(review.body.status, 'APPROVED')
  if (screenshots) await h.checkPage(page, 'review-article-approved')
}

/**
 * `page` is signed in as the publisher: opens the account's queue, checks the article is at
 * the head, composes MPNEWS from it (audience ALL chosen, "stop if reprint" chosen, today's
 * slot), previews to the test followers, confirms what was previewed, and waits (60 s at
 * most) for the timeline to show FINISHED with WeChat's counts. Returns { sendId }.
 */
export async function publishHead(h, page, { accountId, articleId, keyboard = false, screenshots = false }) {
  await page.goto(h.url(`accounts/${accountId}/queue`))
  const head = page.locator('[data-testid=queue] li[data-position="1"]')
  await head.waitFor({ timeout: 15_000 })
  assert.equal(await head.getAttribute('data-article'), String(articleId), 'the approved article is at the head of the queue')
  if (screenshots) await h.checkPage(page, 'publishing-queue')
  await activate(page, page.getByTestId('compose-from-head'), keyboard)
  await page.waitForURL(/\/sends\/new/)
  await page.getByTestId('compose-form').waitFor()
  await page.locator(`[data-testid=compose-head] li[data-article="${articleId}"]`).waitFor()
  assert.ok(await page.getByTestId('kind-MPNEWS').isChecked(), 'MPNEWS is the kind')
  assert.equal(await page.getByTestId('audience-ALL').isChecked(), false, 'no audience is chosen for the person')
  await activate(page, page.getByTestId('audience-ALL'), keyboard, 'Space')
  await activate(page, page.getByTestId('reprint-no'), keyboard, 'Space')
  // Today (the server's, in the account's zone) is free and chosen; "as soon as confirmed".
  const days = await h.apiGet(page, `/api/accounts/${accountId}/send-days`)
  const today = page.locator(`[data-testid=slot-days] label[data-day="${days.body.today}"]`)
  await today.waitFor()
  assert.equal(await today.getAttribute('data-state'), 'free')
  assert.ok(await today.locator('input').isChecked(), "today's slot is chosen")
  assert.ok(await page.getByTestId('slot-now').isChecked(), 'it goes as soon as it is confirmed')
  if (screenshots) await h.checkPage(page, 'publishing-compose')
  await successAfter(page, () => activate(page, page.getByTestId('compose-submit'), keyboard))
  await page.waitForURL(/\/sends\/\d+$/)
  const sendId = Number(new URL(page.url()).pathname.split('/').pop())
  const status = page.getByTestId('send-status')
  await page.locator('[data-testid=send-status][data-status=COMPOSED]').waitFor()
  await successAfter(page, () => activate(page, page.getByTestId('send-preview'), keyboard))
  await page.locator('[data-testid=send-status][data-status=PREVIEWED]').waitFor()
  const shown = await page.getByTestId('preview-hash').innerText()
  const api = await h.apiGet(page, `/api/sends/${sendId}`)
  assert.equal(shown, api.body.previewHash, 'the page confirms the preview hash it shows')
  check(api.body.previewedAt, 'the preview went to the test followers')
  if (screenshots) await h.checkPage(page, 'publishing-send-previewed')
  await successAfter(page, () => activate(page, page.getByTestId('send-confirm'), keyboard))
  await page.locator('[data-testid=send-timeline][data-outcome=finished]').waitFor({ timeout: 60_000 })
  assert.equal(await status.getAttribute('data-status'), 'FINISHED')
  const sent = await page.locator('[data-testid=send-counts] [data-count=sent]').innerText()
  const total = await page.locator('[data-testid=send-counts] [data-count=total]').innerText()
  check(/^\d+$/.test(sent) && /^\d+$/.test(total), `WeChat's counts are shown (sent ${sent} of ${total})`)
  const done = await h.apiGet(page, `/api/sends/${sendId}`)
  assert.equal(String(done.body.sentCount), sent, "the counts are WeChat's")
  await page.getByTestId('send-urls').locator('a').first().waitFor()
  if (screenshots) await h.checkPage(page, 'publishing-send-finished')
  return { sendId }
}
