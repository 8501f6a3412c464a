// Reports and the self-inspection: the reports page with its ECharts charts, the central
// office's inspection overview and an account's printable report pass axe-core; the print
// view shows the report alone (no menu, no header, no buttons); an export downloads.
import assert from 'node:assert/strict'

async function settle(page) {
  await page.waitForLoadState('networkidle').catch(() => undefined)
  await page.waitForTimeout(300)
}

export default [
  {
    name: 'the reports page draws its charts and exports; it passes axe-core',
    async run(h) {
      const page = await h.newPage('demo-office-reviewer', { acceptDownloads: true })
      await page.goto(h.url('reports'))
      await page.getByTestId('reports-posting').waitFor({ timeout: 30_000 })
      await page.getByTestId('reports-timeliness').waitFor()
      await page.getByTestId('reports-discipline').waitFor()
      await settle(page)
      assert.ok((await page.locator('[data-testid=posting-chart] svg').count()) > 0, 'the posting chart is drawn')
      assert.ok((await page.locator('[data-testid=timeliness-chart] svg').count()) > 0, 'the timeliness chart is drawn')
      const rows = await page.locator('[data-testid=reports-timeliness] tbody tr').count()
      assert.equal(rows, 5, 'four categories and the total')
      await h.checkPage(page, 'reports')
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-timeliness-csv').click()])
      assert.match(file.suggestedFilename(), /^report-timeliness-.*\.csv$/)
      await page.getByTestId('reports-exported').waitFor()
      await page.context().close()
    },
  },
  {
    name: 'the inspection overview lists the accounts and an account report prints alone',
    async run(h) {
      const page = await h.newPage('demo-admin')
      await page.goto(h.url('reports/inspection'))
      await page.getByTestId('overview-table').waitFor({ timeout: 30_000 })
      await settle(page)
      const accounts = await page.locator('[data-testid=overview-table] tbody tr[data-account]').count()
      assert.ok(accounts > 0, 'the demo account is in the overview')
      await h.checkPage(page, 'reports-inspection')
      await page.locator('[data-testid=overview-table] tbody tr[data-account] a').first().click()
      await page.getByTestId('inspection-sheet').waitFor({ timeout: 30_000 })
      await settle(page)
      assert.equal(await page.locator('[data-indicator]').count(), 4, 'four indicators')
      assert.match(await page.getByTestId('inspection-date').innerText(), /^\d{4}-\d{2}-\d{2}$/)
      await h.checkPage(page, 'reports-inspection-account')
      await page.emulateMedia({ media: 'print' })
      assert.equal(await page.locator('[data-testid=menu]').isVisible(), false, 'no menu in print')
      assert.equal(await page.getByTestId('inspection-print').isVisible(), false, 'no buttons in print')
      assert.equal(await page.getByTestId('inspection-sheet').isVisible(), true, 'the report prints')
      await page.emulateMedia({ media: 'screen' })
      assert.equal(await page.locator('[data-testid=menu]').isVisible(), true, 'the menu is back on screen')
      await page.context().close()
    },
  },
  {
    name: 'people who read no reports get neither the menu entry nor the page',
    async run(h) {
      const page = await h.newPage('demo-editor')
      await page.goto(h.url('reports'))
      await page.locator('[data-testid=forbidden]').waitFor()
      assert.equal(await page.locator('[data-menu=reports]').count(), 0)
      await page.context().close()
    },
  },
]
