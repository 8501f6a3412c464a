// Issue 16's journey across the three content roles, in one browser, on a fresh account (one
// mass send per account and local day): the editor writes an article with a prohibited term,
// sees it highlighted where it was typed, fixes it and submits; the department head approves;
// the publisher composes from the queue head, previews to the test followers, confirms, and the
// send's timeline reaches FINISHED with WeChat's counts. Then the same journey with the
// keyboard only. The steps are the editor's and the publisher's own (e2e/steps/).
import { check } from '../lib.mjs'
import { freshContentAccount } from '../steps/accounts.mjs'
import { writeAndSubmit } from '../steps/editor.mjs'
import { approveArticle, publishHead } from '../steps/publish.mjs'
import { jpeg } from '../steps/api.mjs'

async function journey(h, keyboard) {
  const { accountId } = await freshContentAccount(h)
  const marker = (keyboard ? 'KBD' : 'PTR') + Date.now().toString(36)
  const pages = []
  try {
    const editor = await h.newPage()
    pages.push(editor)
    await h.signInUi(editor, 'demo-editor')
    const { articleId } = await writeAndSubmit(h, editor, { accountId, marker, keyboard, cover: await jpeg(h) })
    check(articleId, 'the editor step returned no article id')

    const reviewer = await h.newPage()
    pages.push(reviewer)
    await h.signInUi(reviewer, 'demo-dept-reviewer')
    await approveArticle(h, reviewer, { articleId, keyboard })

    const publisher = await h.newPage()
    pages.push(publisher)
    await h.signInUi(publisher, 'demo-publisher')
    const { sendId } = await publishHead(h, publisher, { accountId, articleId, keyboard })
    const send = await h.apiGet(publisher, `/api/sends/${sendId}`)
    check(send.status === 200, `GET /api/sends/${sendId} answered ${send.status}`)
    check(send.body.status === 'FINISHED', `the send ended ${send.body.status}, not FINISHED`)
  } finally {
    for (const p of pages) await p.context().close()
  }
}

export default [
  { name: 'editor → department head → publisher: written, approved, previewed, confirmed, FINISHED', run: (h) => journey(h, false) },
  { name: 'the same journey with the keyboard only', run: (h) => journey(h, true) },
]
