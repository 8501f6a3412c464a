// Scenario 3: each demo role sees exactly the menu entries its grants allow, and a deep link
// to a page it may not use shows the "no access" page. The expected entries are declared per
// area in e2e/expect/menus-<area>.mjs (route name → { path, roles }); every such file is read.
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { DEMO, check } from '../lib.mjs'

async function expectations() {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'expect')
  const all = {}
  for (const f of readdirSync(dir).filter((f) => f.startsWith('menus-') && f.endsWith('.mjs')).sort()) {
    Object.assign(all, (await import(pathToFileURL(join(dir, f)).href)).default)
  }
  return all
}

export default Object.entries(DEMO).map(([user, role]) => ({
  name: `${role} (${user}) sees only its menus; a forbidden deep link shows the message`,
  async run(h) {
    const expected = await expectations()
    const page = await h.newPage(user)
    await page.goto(h.url(''))
    await page.locator('[data-testid=menu]').waitFor()
    await page.locator('[data-menu]').first().waitFor()
    const shown = await page.locator('[data-menu]').evaluateAll((els) => els.map((e) => e.getAttribute('data-menu')))
    const want = Object.keys(expected).filter((n) => expected[n].roles.includes(role))
    const missing = want.filter((n) => !shown.includes(n))
    const extra = shown.filter((n) => expected[n] && !expected[n].roles.includes(role))
    check(missing.length === 0 && extra.length === 0, `${role}: menu misses [${missing}] and shows [${extra}] (shown: ${shown})`)
    if (role === 'HANDLER') await h.checkPage(page, 'menu-handler', { screenshot: false })

    const forbidden = Object.keys(expected).find((n) => !expected[n].roles.includes(role))
    if (forbidden) {
      await page.goto(h.url(expected[forbidden].path))
      const message = page.locator('[data-testid=forbidden]')
      await message.waitFor()
      check((await message.innerText()).includes('无权访问'), `${role}: the forbidden page says so`)
      if (role === 'EDITOR') await h.checkPage(page, 'forbidden')
    }
    await page.context().close()
  },
}))
