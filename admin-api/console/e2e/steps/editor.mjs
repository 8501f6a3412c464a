// The editor's journey as steps other scenarios reuse (the lead's full journey calls
// writeAndSubmit): write an article with a prohibited term, see it marked where it was
// typed, fix it, state the source, save, submit and see the first review level pending.
// `keyboard: true` does it all with the keyboard only: focus moves with Tab/Shift+Tab,
// buttons by Enter, typing and shortcuts; no clicks.
import { Failure, check, successAfter } from '../lib.mjs'

export const DEMO_APP_ID = 'wxd000000000000001'
/** A term of the starter lexicon (V6__starter_lexicon.sql, INTERNAL_OFFICE). */
export const PROHIBITED = '内部文件'

export async function demoAccountId(h, page) {
  const r = await h.apiGet(page, '/api/accounts?q=' + DEMO_APP_ID)
  check(r.status === 200 && r.body?.items?.length, `the demo account is listed (${r.status})`)
  return r.body.items[0].id
}

/** Presses Tab (or Shift+Tab) until the focus is on (or inside) `selector`; at most `max` presses. */
export async function tabTo(page, selector, { back = false, max = 80 } = {}) {
  for (let i = 0; i <= max; i++) {
    const there = await page.evaluate((s) => {
      const a = document.activeElement
      return !!a && a !== document.body && (a.matches(s) || !!a.closest(s))
    }, selector)
    if (there) return
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
  }
  throw new Failure(`${max} presses of ${back ? 'Shift+Tab' : 'Tab'} did not reach ${selector}`)
}

async function typeInto(page, selector, text, keyboard) {
  if (keyboard) {
    await tabTo(page, selector)
    await page.keyboard.type(text)
  } else {
    await page.locator(selector).click()
    await page.keyboard.type(text)
  }
}

/** The screening panel shows the result for the text as it is now (not "checking"). */
export async function screened(page, timeout = 15_000) {
  await page.locator('[data-testid=screening-state]:not([data-state=checking])').waitFor({ timeout })
}

/** The marks of one finding in the body editor: their joined text and where it starts in the body's text. */
export async function bodyMark(page) {
  return page.evaluate(() => {
    const body = document.querySelector('[data-testid=body-editor]')
    const marks = [...body.querySelectorAll('mark.finding')]
    if (!marks.length) return null
    const index = marks[0].getAttribute('data-finding')
    const same = marks.filter((m) => m.getAttribute('data-finding') === index)
    const range = document.createRange()
    range.setStart(body, 0)
    range.setEndBefore(same[0])
    return { text: same.map((m) => m.textContent).join(''), before: range.toString(), index, inside: same.every((m) => body.contains(m)) }
  })
}

/**
 * With `cover` (JPEG bytes), the cover is uploaded after the first save and the article saved
 * again before it is submitted: a news send (MPNEWS) needs a cover for every article. The
 * upload goes through the page's file input (the operating system's file dialog is not the
 * page's, so even the keyboard-only journey sets the file directly).
 */
export async function writeAndSubmit(h, page, { accountId, marker = Date.now().toString(36), keyboard = false, cover = null } = {}) {
  const account = accountId ?? (await demoAccountId(h, page))
  await page.goto(h.url(`articles/new?accountId=${account}`))
  await page.locator('[data-testid=body-editor]').waitFor()
  await screened(page)
  const title = `运动会通知 ${marker}`
  const before = '本校将于下周举行运动会，详见'
  const after = '，欢迎报名。'
  await typeInto(page, '#article-title', title, keyboard)
  await typeInto(page, '#article-body', before + PROHIBITED + after, keyboard)

  // the term is marked where it was typed, in the body
  await page.locator('[data-testid=body-editor] mark.finding').first().waitFor({ timeout: 15_000 })
  await screened(page)
  const mark = await bodyMark(page)
  check(mark && mark.inside, 'the finding is marked inside the body editor')
  check(mark.text === PROHIBITED, `the marked text is the term: "${mark?.text}"`)
  check(mark.before === before, `the mark is where the term was typed (after "${mark.before}")`)
  const finding = page.locator(`[data-rule=PROHIBITED_TERM][data-field=body] button`).first()
  const findingId = await finding.getAttribute('data-testid')

  // fix it: the finding selects the term in the body, typing replaces it
  if (keyboard) {
    await tabTo(page, `[data-testid="${findingId}"]`)
    await page.keyboard.press('Enter')
  } else {
    await finding.click()
  }
  await page.waitForFunction(() => document.activeElement?.closest('[data-testid=body-editor]') && String(getSelection()) === '内部文件', null, { timeout: 5_000 })
  await page.keyboard.type('通知附件')
  await page.locator('[data-testid=body-editor] mark.finding').first().waitFor({ state: 'detached', timeout: 15_000 })

  await typeInto(page, '#article-digest', '下周运动会的时间和报名方式', keyboard)
  await typeInto(page, '#article-source', '本校宣传部', keyboard)
  await screened(page)
  check((await page.locator('[data-testid=findings] li').count()) === 0, `no findings are left: ${await page.locator('[data-testid=findings]').innerText()}`)

  // save (Ctrl+S from the keyboard), then submit
  await successAfter(page, () => (keyboard ? page.keyboard.press('Control+s') : page.getByTestId('save').click()))
  await page.waitForURL(/\/articles\/\d+$/)
  const articleId = Number(new URL(page.url()).pathname.split('/').pop())
  if (cover) {
    // WeChat's image host never leaves this machine: the uploaded bytes answer for it
    await page.context().route(/^https:\/\/([a-z0-9-]+\.)*qpic\.cn\//, (route) => route.fulfill({ status: 200, contentType: 'image/jpeg', body: cover }))
    await page.getByTestId('images-COVER').waitFor()
    await page.getByTestId('upload-input-COVER').setInputFiles({ name: 'cover.jpg', mimeType: 'image/jpeg', buffer: cover })
    await page.locator('[data-testid=images-COVER] [data-image]').waitFor()
    await successAfter(page, () => (keyboard ? page.keyboard.press('Control+s') : page.getByTestId('save').click()))
    const withCover = await h.apiGet(page, `/api/articles/${articleId}`)
    check(withCover.body?.coverImageId, 'the cover is saved with the article')
  }
  if (keyboard) {
    await tabTo(page, '[data-testid=submit]')
    await successAfter(page, () => page.keyboard.press('Enter'))
  } else {
    await successAfter(page, () => page.getByTestId('submit').click())
  }
  await page.locator('[data-testid=review-step-0][data-decision=PENDING]').waitFor({ timeout: 15_000 })
  check((await page.getByTestId('article-status').innerText()).includes('审核中'), 'the article is in review')
  const review = await h.apiGet(page, `/api/articles/${articleId}/review`)
  check(review.body?.status === 'IN_REVIEW' && review.body.chain?.[0] && !review.body.chain[0].decision, 'the API has the chain with its first level pending')
  const stored = await h.apiGet(page, `/api/articles/${articleId}`)
  check(stored.body?.title === title && stored.body.body.includes('通知附件') && !stored.body.body.includes(PROHIBITED), 'the fixed article was saved')
  return { articleId }
}
