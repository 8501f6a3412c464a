// The editor's pages: an article with a prohibited term written, marked where it was typed,
// fixed and submitted, by mouse and by keyboard only (e2e/steps/editor.mjs); the list; a
// version conflict that keeps what was typed and compares; versions side by side; cover
// upload (a JPEG accepted with its size, a PNG refused with the reason next to the field);
// axe-core on every page and dialog.
import assert from 'node:assert/strict'
import { check, successAfter } from '../lib.mjs'
import { PROHIBITED, bodyMark, demoAccountId, screened, tabTo, writeAndSubmit } from '../steps/editor.mjs'

const marker = Date.now().toString(36)

/** A small image drawn by the browser itself, as bytes (no file from outside the run). */
async function drawn(page, type) {
  const base64 = await page.evaluate(async (t) => {
    const c = document.createElement('canvas')
    c.width = 120
    c.height = 80
    const g = c.getContext('2d')
    g.fillStyle = '#3a7'
    g.fillRect(0, 0, 120, 80)
    g.fillStyle = '#fff'
    g.fillRect(20, 20, 40, 30)
    const blob = await new Promise((r) => c.toBlob(r, t, 0.9))
    const bytes = new Uint8Array(await blob.arrayBuffer())
    let s = ''
    for (const b of bytes) s += String.fromCharCode(b)
    return btoa(s)
  }, type)
  return Buffer.from(base64, 'base64')
}

/** A draft made through the API (the page's own cookie), for the checks that need one. */
async function draftViaApi(page, accountId, title, body) {
  return page.evaluate(
    async ({ accountId, title, body }) => {
      const r = await fetch('/api/articles', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ accountId, title, body, source: '本校宣传部', sensitivity: 'GENERAL' }),
      })
      return r.json()
    },
    { accountId, title, body },
  )
}

async function keyboardSignIn(h, page, user) {
  await page.goto(h.url('sign-in'))
  await page.locator('#username').waitFor()
  await tabTo(page, '#username')
  await page.keyboard.type(user)
  await tabTo(page, '#password')
  await page.keyboard.type(h.password)
  await page.keyboard.press('Enter')
  await page.locator('[data-testid=menu]').waitFor({ timeout: 15_000 })
}

export default [
  {
    name: 'the editor writes an article with a prohibited term, sees it marked where it is, fixes it and submits (mouse)',
    async run(h) {
      const page = await h.newPage('demo-editor')
      await page.goto(h.url(''))
      const accountId = await demoAccountId(h, page)
      // the marks and the panel before the fix, for the README
      await page.goto(h.url(`articles/new?accountId=${accountId}`))
      await page.locator('[data-testid=body-editor]').waitFor()
      await page.locator('#article-title').fill(`开学典礼${PROHIBITED}汇编 ${marker}`)
      await page.locator('#article-body').click()
      await page.keyboard.type(`全体师生：😀𠀀 开学典礼的${PROHIBITED}已下发。`)
      await page.locator('[data-testid=body-editor] mark.finding').first().waitFor({ timeout: 15_000 })
      await screened(page)
      const mark = await bodyMark(page)
      assert.equal(mark.text, PROHIBITED)
      assert.equal(mark.before, '全体师生：😀𠀀 开学典礼的', 'the mark follows emoji and a 4-byte ideograph')
      assert.equal(await page.locator('[data-field-hits=title] mark').innerText(), PROHIBITED, 'the title hit is marked under the title')
      // a plainer body for the README's picture (the 4-byte ideograph has no font here)
      await page.locator('#article-body').click()
      await page.keyboard.press('Control+a')
      await page.keyboard.type(`全体师生：开学典礼的${PROHIBITED}已下发，请各班主任及时传达。`)
      await page.waitForFunction(() => document.querySelector('[data-testid=body-editor]')?.textContent.startsWith('全体师生：开学典礼的'))
      await page.locator('[data-testid=body-editor] mark.finding').first().waitFor({ timeout: 15_000 })
      await screened(page)
      assert.equal((await bodyMark(page)).before, '全体师生：开学典礼的')
      await page.getByTestId('source-required').waitFor()
      const count = page.getByTestId('char-count')
      assert.equal(Number(await count.getAttribute('data-max')), 680, "the account's limit")
      await h.checkPage(page, 'editor-findings')
      await page.context().close()

      const writer = await h.newPage('demo-editor')
      const { articleId } = await writeAndSubmit(h, writer, { accountId, marker: marker + 'm' })
      await h.checkPage(writer, 'editor-submitted')
      // the list shows it in review
      await writer.goto(h.url('articles?status=IN_REVIEW'))
      await writer.locator(`[data-article="${articleId}"] [data-status=IN_REVIEW]`).waitFor()
      await h.checkPage(writer, 'editor-articles')
      await writer.context().close()
    },
  },
  {
    name: 'the same with the keyboard only: Tab, Enter, typing and Ctrl+S',
    async run(h) {
      const context = await h.newContext()
      const page = await context.newPage()
      await keyboardSignIn(h, page, 'demo-editor')
      const { articleId } = await writeAndSubmit(h, page, { marker: marker + 'k', keyboard: true })
      check(articleId > 0, 'an article id')
      await context.close()
    },
  },
  {
    name: 'two editors change one article: the later save is refused with 409, keeps what was typed, and compares',
    async run(h) {
      const a = await h.newPage('demo-editor')
      await a.goto(h.url(''))
      const accountId = await demoAccountId(h, a)
      const created = await draftViaApi(a, accountId, `冲突测试 ${marker}`, '<p>第一版正文。</p>')
      check(created.id, `draft created: ${JSON.stringify(created)}`)
      const b = await h.newPage('demo-editor')
      for (const p of [a, b]) {
        await p.goto(h.url(`articles/${created.id}`))
        await p.locator('[data-testid=body-editor]').waitFor()
        await screened(p)
      }
      await b.locator('#article-body').click()
      await b.keyboard.press('End')
      await b.keyboard.type('同事补充的一句。')
      await successAfter(b, () => b.getByTestId('save').click())
      await a.locator('#article-body').click()
      await a.keyboard.press('End')
      await a.keyboard.type('我写的另一句。')
      await a.getByTestId('save').click()
      await a.getByTestId('conflict').waitFor()
      assert.equal(await a.locator('[data-problem-type=stale-version]').count(), 1, 'the problem says why')
      assert.ok((await a.getByTestId('body-editor').innerText()).includes('我写的另一句。'), 'what was typed is kept')
      await h.checkPage(a, 'editor-conflict')
      await a.getByTestId('conflict-compare').click()
      await a.getByTestId('conflict-side-by-side').waitFor()
      for (const frame of await a.locator('[data-testid=conflict-side-by-side] iframe').all()) {
        assert.equal(await frame.getAttribute('sandbox'), '', 'article HTML is shown in an empty sandbox')
      }
      await h.checkPage(a, 'editor-conflict-compare', { screenshot: false })
      await a.locator('.el-dialog__footer .el-button--warning').click()
      await a.getByTestId('conflict').waitFor({ state: 'detached' })
      const stored = await h.apiGet(a, `/api/articles/${created.id}`)
      assert.ok(stored.body.body.includes('我写的另一句。'), 'kept changes saved over the latest version')

      // versions: three saved, the last two side by side
      await a.getByTestId('versions-link').click()
      await a.getByTestId('comparison').waitFor()
      assert.equal(await a.locator('[data-testid=versions] [data-version]').count(), 3)
      await a.locator('[data-testid=comparison] [data-field=body][data-changed=true]').waitFor()
      assert.equal(await a.locator('[data-testid=side-by-side] iframe[sandbox=""]').count(), 2)
      assert.match(await a.getByTestId('body-diff').innerText(), /\+.*我写的另一句。/)
      await h.checkPage(a, 'editor-versions')
      await a.context().close()
      await b.context().close()
    },
  },
  {
    name: 'cover upload: a JPEG is accepted with its size shown, a PNG is refused with the reason next to the field',
    async run(h) {
      const page = await h.newPage('demo-editor')
      // WeChat's image host never leaves this machine: the uploaded bytes answer for it
      const jpeg = await (async () => {
        await page.goto(h.url(''))
        return drawn(page, 'image/jpeg')
      })()
      await page.context().route(/^https:\/\/([a-z0-9-]+\.)*qpic\.cn\//, (route) => route.fulfill({ status: 200, contentType: 'image/jpeg', body: jpeg }))
      const png = await drawn(page, 'image/png')
      const accountId = await demoAccountId(h, page)
      const created = await draftViaApi(page, accountId, `图片测试 ${marker}`, '<p>带封面的稿件。</p>')
      await page.goto(h.url(`articles/${created.id}`))
      await page.getByTestId('images-COVER').waitFor()
      await page.getByTestId('upload-input-COVER').setInputFiles({ name: 'cover.png', mimeType: 'image/png', buffer: png })
      const error = page.getByTestId('upload-error-COVER')
      await error.waitFor()
      assert.match(await error.innerText(), /JPEG/)
      assert.equal(await page.locator('[data-testid=images-COVER] [data-problem-type=invalid-request]').count(), 1)
      await page.getByTestId('upload-input-COVER').setInputFiles({ name: 'cover.jpg', mimeType: 'image/jpeg', buffer: jpeg })
      await page.locator('[data-testid=images-COVER] [data-image]').waitFor()
      await error.waitFor({ state: 'detached' })
      const size = await page.locator('[data-testid=images-COVER] [data-testid=image-size]').innerText()
      const kb = (jpeg.length / 1024).toFixed(1)
      assert.ok(size.includes(jpeg.length < 1024 ? `${jpeg.length} B` : `${kb} KB`), `the size is shown: ${size}`)
      await page.locator('[data-testid=images-COVER] [data-testid=image-size]', { hasText: '120 × 80' }).waitFor()
      await successAfter(page, () => page.getByTestId('save').click())
      const stored = await h.apiGet(page, `/api/articles/${created.id}`)
      assert.ok(stored.body.coverImageId, 'the cover is saved with the article')
      await h.checkPage(page, 'editor-images')
      await page.context().close()
    },
  },
]
