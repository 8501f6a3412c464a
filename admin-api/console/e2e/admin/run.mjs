// Runs the admin and auditor scenarios (e2e/scenarios/20-, 35-, 40-admin-*.mjs) and their
// menu expectations against a running local run, with a stand-in for e2e/lib.mjs's harness
// offering the same calls, until the foundation's harness (ConsoleEndToEndTests) runs them:
//   node e2e/admin/run.mjs http://127.0.0.1:8081 "$(cat ~/.wxops/local-demo-password)"
// Screenshots go to src/docs/images/. Exit status 0 only when every scenario passed.
import assert from 'node:assert/strict'
import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'

const require = createRequire(import.meta.url)
const here = dirname(fileURLToPath(import.meta.url))
const images = join(here, '..', '..', '..', '..', 'src', 'docs', 'images')
const [base, password] = process.argv.slice(2)
if (!base || !password) {
  console.error('usage: node e2e/admin/run.mjs <admin-api base URL> <demo password>')
  process.exit(2)
}
const origin = new URL(base).origin
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] })
mkdirSync(images, { recursive: true })

function watch(page, context) {
  page.on('pageerror', (e) => context.problems.push(e.message))
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/.test(m.text())) context.problems.push(m.text())
  })
}

const h = {
  url: (path = '') => origin + '/console/' + path.replace(/^\//, ''),
  async newContext() {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'UTC', viewport: { width: 1280, height: 800 } })
    context.problems = []
    context.on('page', (p) => watch(p, context))
    return context
  },
  async newPage(user) {
    const context = await h.newContext()
    const page = await context.newPage()
    const r = await context.request.post(origin + '/api/session/console', {
      data: { username: user, password },
      headers: { Origin: origin, 'Sec-Fetch-Site': 'same-origin' },
    })
    assert.ok(r.ok(), `sign-in as ${user}: ${r.status()}`)
    return page
  },
  async signInUi(page, user) {
    await page.goto(h.url('sign-in'))
    await page.locator('#username').fill(user)
    await page.locator('#password').fill(password)
    await page.locator('[data-testid=sign-in]').click()
    await page.locator('[data-testid=menu]').waitFor({ timeout: 20_000 })
  },
  async checkPage(page, name, { screenshot = true } = {}) {
    await page.waitForLoadState('networkidle').catch(() => undefined)
    await page.evaluate(axeSource)
    // WXOPS_AXE_SHELL=0 leaves out the shell's side menu (the shell's own scenarios judge it).
    const exclude = process.env.WXOPS_AXE_SHELL === '0' ? [['.el-aside']] : []
    const bad = await page.evaluate(async (exclude) => {
      // eslint-disable-next-line no-undef
      const r = await axe.run({ exclude }, { resultTypes: ['violations'] })
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)
    }, exclude)
    assert.deepEqual(bad, [], `axe on ${name}`)
    assert.deepEqual(page.context().problems, [], `CSP violations or script errors on ${name}`)
    if (screenshot) await page.screenshot({ path: join(images, `console-${name}.png`) })
  },
}

/** The menus part of scenario 3 for these pages (the foundation's 30-menus.mjs does all areas). */
const expected = { ...(await import('../expect/menus-admin.mjs')).default, ...(await import('../expect/menus-auditor.mjs')).default }
const menus = Object.entries({ 'demo-admin': 'ADMIN', 'demo-auditor': 'AUDITOR', 'demo-editor': 'EDITOR', 'demo-handler': 'HANDLER', 'demo-leader': 'LEADER' }).map(([user, role]) => ({
  name: `${role} sees exactly its admin and auditor menu entries`,
  async run() {
    const page = await h.newPage(user)
    await page.goto(h.url(''))
    await page.locator('[data-testid=menu]').waitFor()
    const shown = (await page.locator('[data-menu]').evaluateAll((els) => els.map((e) => e.getAttribute('data-menu')))).filter((n) => expected[n])
    assert.deepEqual(shown.sort(), Object.keys(expected).filter((n) => expected[n].roles.includes(role)).sort(), role)
    await page.context().close()
  },
}))

const scenarios = [...menus]
for (const f of ['20-admin-registration.mjs', '35-admin-deep-links.mjs', '40-admin-pages.mjs', '45-admin-journeys.mjs']) {
  const mod = await import(pathToFileURL(join(here, '..', 'scenarios', f)).href)
  scenarios.push(...(Array.isArray(mod.default) ? mod.default : [mod.default]))
}
let failed = 0
for (const s of scenarios) {
  const t0 = Date.now()
  try {
    await s.run(h)
    console.log(`PASS ${s.name} (${Date.now() - t0} ms)`)
  } catch (e) {
    failed++
    console.log(`FAIL ${s.name}: ${e.message}`)
  }
}
await browser.close()
console.log(`${scenarios.length - failed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
