// Followers and tags (粉丝, 标签) on a fresh account with 150 simulated followers: the
// publisher syncs them and watches the progress to COMPLETE, creates a tag, tags two
// followers from the list and filters by it, edits a remark, and blacklists a follower (the
// reason is required, the audit record keeps it). axe checks each page.
import assert from 'node:assert/strict'
import { check } from '../lib.mjs'
import { freshContentAccount } from '../steps/accounts.mjs'
import { apiAs } from '../steps/api.mjs'

const marker = Date.now().toString(36)

async function population(h, appId, followers) {
  const url = h.simulatorUrl.replace(/\/simulate\/send$/, '/simulate/population') + `?appId=${appId}&followers=${followers}`
  const r = await fetch(url, { method: 'POST' })
  check(r.status === 200, `the simulator set the population of ${appId}: ${r.status} ${await r.text()}`)
}

async function rowCount(page) {
  return page.getByTestId('followers-table').locator('tbody tr[data-openid]').count()
}

export default [
  {
    name: 'the publisher syncs 150 followers, tags two from the list, edits a remark and blacklists one with a reason',
    async run(h) {
      const account = await freshContentAccount(h, { name: '粉丝同步公众号 ' + marker })
      await population(h, account.appId, 150)
      const page = await h.newPage('demo-publisher')
      await page.goto(h.url(`followers?accountId=${account.accountId}`))
      await page.getByTestId('sync-start').waitFor()
      await h.checkPage(page, 'followers-never-synced', { screenshot: false })
      await page.getByTestId('sync-start').click()
      await page.locator('[data-testid=sync-state][data-state=COMPLETE]').waitFor({ timeout: 60_000 })
      await page.getByTestId('followers-total').filter({ hasText: '150' }).waitFor({ timeout: 20_000 })
      assert.equal(await rowCount(page), 20)
      await h.checkPage(page, 'followers')

      // A tag, created on the tags page.
      const tagName = '新生' + marker.slice(-4)
      await page.locator('.page-header-extra').getByRole('link', { name: '粉丝标签' }).click()
      await page.getByTestId('tags-table').waitFor()
      await page.getByTestId('tag-name').fill(tagName)
      await page.getByTestId('tag-create').click()
      await page.getByTestId('tags-table').locator('tr', { hasText: tagName }).waitFor()
      // WeChat's own tag cannot be renamed or deleted: it offers no buttons.
      assert.equal(await page.getByTestId('tags-table').locator('tr[data-tag="2"] [data-testid=tag-delete]').count(), 0)
      await h.checkPage(page, 'follower-tags')

      // Two followers tagged from the list, then the list filtered by the tag.
      await page.locator('.page-header-extra').getByRole('link', { name: '粉丝', exact: true }).click()
      await page.getByTestId('followers-table').locator('tbody tr[data-openid]').first().waitFor()
      const rows = page.getByTestId('followers-table').locator('tbody tr[data-openid]')
      const first = await rows.nth(0).getAttribute('data-openid')
      const second = await rows.nth(1).getAttribute('data-openid')
      await rows.nth(0).locator('input[type=checkbox]').check()
      await rows.nth(1).locator('input[type=checkbox]').check()
      await page.getByTestId('selected-count').filter({ hasText: '2' }).waitFor()
      await page.getByTestId('apply-tag').click()
      await page.getByRole('option', { name: tagName }).click()
      await page.getByTestId('tag-selected').click()
      await page.locator(`tr[data-openid="${first}"]`).getByText(tagName).waitFor()
      await page.locator(`tr[data-openid="${second}"]`).getByText(tagName).waitFor()
      await page.getByTestId('filter-tag').click()
      await page.getByRole('option', { name: new RegExp(`^${tagName}`) }).click()
      await page.getByTestId('followers-total').filter({ hasText: /共 2 位粉丝/ }).waitFor()
      await h.checkPage(page, 'followers-by-tag', { screenshot: false })

      // A remark, saved on WeChat and here.
      await page.locator(`tr[data-openid="${first}"]`).getByTestId('edit-remark').click()
      await page.getByTestId('remark-input').fill('张同学 😀')
      await page.getByTestId('remark-save').click()
      await page.locator(`tr[data-openid="${first}"]`).getByTestId('remark').filter({ hasText: '张同学 😀' }).waitFor()

      // The blacklist needs a reason: without one nothing is sent.
      await page.locator(`tr[data-openid="${second}"] input[type=checkbox]`).check()
      await page.getByTestId('blacklist-selected').click()
      await page.getByTestId('blacklist-confirm').click()
      await page.getByText('请填写内容。').waitFor()
      await h.checkPage(page, 'followers-blacklist-reason', { screenshot: false })
      await page.getByTestId('reason-input').fill('多次发送辱骂信息 ' + marker)
      await page.getByTestId('blacklist-confirm').click()
      await page.locator(`tr[data-openid="${second}"]`).getByText('黑名单').waitFor()

      const admin = await apiAs(h, 'demo-admin')
      try {
        const audit = await admin.get(`/api/audit?accountId=${account.accountId}&action=FOLLOWERS_BLACKLISTED`)
        assert.equal(audit.total, 1)
        assert.match(JSON.stringify(audit.items[0].after), new RegExp('多次发送辱骂信息 ' + marker))
        const follower = await admin.get(`/api/accounts/${account.accountId}/followers/${first}`)
        assert.equal(follower.remark, '张同学 😀')
      } finally {
        await admin.close()
      }
      await page.context().close()
    },
  },
]
