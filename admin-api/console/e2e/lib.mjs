// The end-to-end harness's helpers: one Chromium for all scenarios, a fresh context per
// person, sign-in, axe-core on every page checked, CSP and script errors collected, and the
// screenshots the README shows.
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'
import { chromium } from 'playwright-core'

const require = createRequire(import.meta.url)

/** The demo people of the local run and the role each holds. */
export const DEMO = {
  'demo-admin': 'ADMIN',
  'demo-editor': 'EDITOR',
  'demo-dept-reviewer': 'DEPT_REVIEWER',
  'demo-office-reviewer': 'OFFICE_REVIEWER',
  'demo-leader': 'LEADER',
  'demo-publisher': 'PUBLISHER',
  'demo-handler': 'HANDLER',
  'demo-auditor': 'AUDITOR',
}
export const ROLES = Object.values(DEMO)
export const userOf = (role) => Object.keys(DEMO).find((u) => DEMO[u] === role)

export const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
]

/** Debian's Chromium, or CHROME_PATH; null when there is none. */
export function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean)
  for (const c of candidates) if (existsSync(c)) return c
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim() || null
  } catch {
    return null
  }
}

export class Failure extends Error {}

/**
 * Runs the action and waits for a success message it caused: one whose element was not
 * on the page before (an earlier message may still be fading out, so "a success message
 * is visible" alone would pass too early or match two).
 */
export async function successAfter(page, action, timeout = 20_000) {
  const before = await page.locator('.el-message').evaluateAll((els) => els.map((e) => e.id))
  await action()
  await page.waitForFunction(
    (seen) => [...document.querySelectorAll('.el-message--success')].some((e) => !seen.includes(e.id)),
    before,
    { timeout },
  )
}

export function check(condition, message) {
  if (!condition) throw new Failure(message)
}

export async function createHarness(env = process.env) {
  const consoleUrl = required(env, 'WXOPS_CONSOLE_URL').replace(/\/?$/, '/')
  const origin = new URL(consoleUrl).origin
  const executablePath = findChromium()
  if (!executablePath) {
    throw new Failure(
      "No Chromium found: the console's end-to-end tests drive Debian's chromium. Install it (apt-get install chromium) or set CHROME_PATH to a Chromium binary.",
    )
  }
  // Playwright gives every launch its own fresh temporary user-data-dir.
  const browser = await chromium.launch({ executablePath, headless: true, args: FLAGS })
  const screenshots = env.WXOPS_SCREENSHOTS || null
  if (screenshots) mkdirSync(screenshots, { recursive: true })
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
  const figures = []
  const checkedPages = []

  const h = {
    browser,
    consoleUrl,
    origin,
    password: required(env, 'WXOPS_DEMO_PASSWORD'),
    simulatorUrl: env.WXOPS_SIMULATOR_URL,
    env,
    figures,
    checkedPages,
    url: (path = '') => consoleUrl + path.replace(/^\//, ''),

    /** A fresh browser context (own cookies) that records CSP violations and script errors. */
    async newContext(options = {}) {
      const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'UTC', viewport: { width: 1280, height: 800 }, ...options })
      context.problems = []
      await context.addInitScript(() => {
        window.__cspViolations = []
        document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI))
      })
      context.on('page', (page) => watch(page, context))
      return context
    },

    async newPage(user, options = {}) {
      const context = await h.newContext(options)
      const page = await context.newPage()
      watch(page, context)
      if (user) await h.signInApi(context, user)
      return page
    },

    /** Signs in through the sign-in page, as a person would. */
    async signInUi(page, user) {
      await page.goto(h.url('sign-in'))
      await page.locator('#username').fill(user)
      await page.locator('#password').fill(h.password)
      await page.locator('[data-testid=sign-in]').click()
      await page.locator('[data-testid=menu]').waitFor({ timeout: 15_000 })
    },

    /** Signs a context in with the console sign-in call (the cookie lands in the context). */
    async signInApi(context, user) {
      const r = await context.request.post(origin + '/api/session/console', {
        data: { username: user, password: h.password },
        headers: { Origin: origin, 'Sec-Fetch-Site': 'same-origin' },
      })
      check(r.ok(), `console sign-in as ${user} answered ${r.status()}: ${await r.text()}`)
      const body = await r.json()
      check(!('token' in body), 'the console sign-in must not return a token')
    },

    /** A follower message through the WeChat simulator (signed and encrypted like WeChat's). */
    async simulate(params) {
      check(h.simulatorUrl, 'WXOPS_SIMULATOR_URL is not set')
      const q = new URLSearchParams(params)
      const r = await fetch(h.simulatorUrl + '?' + q.toString(), { method: 'POST' })
      const text = await r.text()
      check(r.status === 200 && text.includes('HTTP status: 200'), `simulator answered ${r.status}: ${text}`)
      return text
    },

    /** GET from the API with the page's own cookie. */
    async apiGet(page, path) {
      return page.evaluate(async (p) => {
        const r = await fetch(p, { headers: { Accept: 'application/json' } })
        return { status: r.status, body: await r.json().catch(() => null) }
      }, path)
    },

    /**
     * A page is ready: axe-core finds no serious or critical violation, no CSP violation or
     * script error happened, and (with a name) a screenshot is saved.
     */
    async checkPage(page, name, { screenshot = true } = {}) {
      await page.waitForLoadState('networkidle').catch(() => undefined)
      // A dialog or message still fading in has half its colours: axe would judge the
      // contrast of a frame of the animation. Wait (at most 2 s) for finite animations to end.
      await page
        .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity), null, { timeout: 2_000 })
        .catch(() => undefined)
      await page.evaluate(axeSource)
      const result = await page.evaluate(async () => {
        // eslint-disable-next-line no-undef
        const r = await axe.run(document, { resultTypes: ['violations'] })
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' ' + n.html.slice(0, 160)) }))
      })
      const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      checkedPages.push({ name, url: page.url(), violations: result.length, serious: bad.length })
      check(bad.length === 0, `axe on ${name} (${page.url()}): ${bad.map((v) => `${v.impact} ${v.id} (${v.help}) at ${v.nodes.join(', ')}`).join('; ')}`)
      const csp = await page.evaluate(() => window.__cspViolations ?? [])
      check(csp.length === 0, `CSP violations on ${name}: ${csp.join('; ')}`)
      const ctx = page.context()
      check(ctx.problems.length === 0, `script errors on ${name}: ${ctx.problems.join('; ')}`)
      if (screenshot && screenshots) {
        await page.screenshot({ path: join(screenshots, `console-${name}.png`) })
      }
    },

    figure(name, value, unit, limit) {
      figures.push({ name, value, unit, limit })
      console.log(`BUDGET ${name}: ${value} ${unit}${limit !== undefined ? ` (limit ${limit} ${unit})` : ''}`)
      if (limit !== undefined) check(value <= limit, `${name} is ${value} ${unit}, over its budget of ${limit} ${unit}`)
    },

    async close() {
      await browser.close()
    },
  }
  return h
}

function watch(page, context) {
  if (page.__watched) return
  page.__watched = true
  page.on('pageerror', (e) => context.problems.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text())) context.problems.push(m.text())
  })
}

function required(env, name) {
  const v = env[name]
  if (!v) throw new Failure(`${name} is not set (the JUnit test ConsoleEndToEndTests passes it)`)
  return v
}
