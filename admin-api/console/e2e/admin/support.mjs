// Helpers of the admin and auditor end-to-end scenarios: a browser (Debian's chromium through
// playwright-core, nothing downloaded), sign-in, axe-core checks and screenshots for README.
import { readFileSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import assert from 'node:assert/strict'

const require = createRequire(import.meta.url)
const here = dirname(fileURLToPath(import.meta.url))
/** Where README's screenshots live (committed): the repository's src/docs/images/. */
export const IMAGES = join(here, '..', '..', '..', '..', 'src', 'docs', 'images')
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

export async function launch() {
  const { chromium } = await import('playwright-core')
  return chromium.launch({
    executablePath: process.env.WXOPS_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  })
}

/**
 * A page in a fresh context (its own cookies), 1280×800, that records CSP violations and
 * page errors, so a scenario fails on either.
 */
export async function newPage(browser, { locale = 'zh-CN' } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale, timezoneId: 'UTC' })
  const page = await context.newPage()
  page.problems = []
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) page.problems.push('CSP: ' + m.text())
  })
  page.on('pageerror', (e) => page.problems.push('page error: ' + e.message))
  return page
}

export async function signIn(page, base, username, password) {
  await page.goto(new URL('/console/sign-in', base).href)
  await page.locator('#username').fill(username)
  await page.locator('#password').fill(password)
  await page.getByTestId('sign-in').click()
  await page.getByTestId('menu').waitFor({ state: 'visible', timeout: 20_000 })
}

/** Opens a console path and waits for the page's root element. */
export async function open(page, base, path, testId) {
  await page.goto(new URL('/console/' + path.replace(/^\//, ''), base).href)
  if (testId) await page.getByTestId(testId).waitFor({ state: 'visible', timeout: 20_000 })
  await settle(page)
}

/** Lets pending requests finish and transitions end, so checks see the page at rest. */
export async function settle(page) {
  await page.waitForLoadState('networkidle').catch(() => undefined)
  await page.waitForTimeout(300)
}

/**
 * The signed-in shell's side menu, which the shell's own checks cover: these scenarios judge
 * the admin and auditor pages (the main area and the dialogs they open).
 */
const SHELL = process.env.WXOPS_AXE_SHELL === '1' ? [] : [['.el-aside']]

/**
 * axe-core on the page as it stands: no serious or critical violation (WCAG 2 A/AA rules and
 * best practices). axe is evaluated through the DevTools protocol, which the page's CSP does
 * not govern, so the console's own policy stays as strict as in production.
 */
export async function expectAccessible(page, label) {
  await page.evaluate(AXE_SOURCE)
  const result = await page.evaluate(async (exclude) => {
    // eslint-disable-next-line no-undef
    const r = await window.axe.run({ exclude }, { resultTypes: ['violations'] })
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }))
  }, SHELL)
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  assert.deepEqual(bad, [], `${label}: axe found serious or critical violations:\n${JSON.stringify(bad, null, 2)}`)
  return result
}

export async function screenshot(page, name) {
  mkdirSync(IMAGES, { recursive: true })
  await page.screenshot({ path: join(IMAGES, name + '.png'), fullPage: false })
}

export function expectNoPageProblems(page, label) {
  assert.deepEqual(page.problems, [], `${label}: the page reported problems`)
}

/** The names of the side menu's entries (their route names). */
export async function menuEntries(page) {
  return page.locator('[data-menu]').evaluateAll((els) => els.map((e) => e.getAttribute('data-menu')))
}

export function randomAlnum(n) {
  const chars = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'
  let s = ''
  for (let i = 0; i < n; i++) s += chars[Math.floor(Math.random() * chars.length)]
  return s
}

export { assert }
