// The API as one demo person, through a signed-in browser context of its own (the session
// cookie, and the same-origin headers the server asks of cookie-authenticated writes).
import { check } from '../lib.mjs'

export async function apiAs(h, user) {
  const context = await h.newContext()
  await h.signInApi(context, user)
  const headers = { Origin: h.origin, 'Sec-Fetch-Site': 'same-origin', Accept: 'application/json' }
  async function call(method, path, data, options = {}) {
    const r = await context.request.fetch(h.origin + path, { method, headers, data, ...options })
    const text = await r.text()
    let body = null
    try {
      body = text ? JSON.parse(text) : null
    } catch {
      body = text
    }
    return { status: r.status(), body }
  }
  /** The call, which must answer `want` (a status or a list of them); its body. */
  async function must(method, path, data, want = [200, 201], options) {
    const r = await call(method, path, data, options)
    const ok = Array.isArray(want) ? want.includes(r.status) : r.status === want
    check(ok, `${user}: ${method} ${path} answered ${r.status}: ${JSON.stringify(r.body)?.slice(0, 400)}`)
    return r.body
  }
  return {
    user,
    context,
    call,
    get: (path) => must('GET', path),
    post: (path, data, want) => must('POST', path, data ?? {}, want),
    put: (path, data, want) => must('PUT', path, data, want),
    patch: (path, data, want) => must('PATCH', path, data, want),
    upload: (path, name, mimeType, buffer) => must('POST', path, undefined, [200, 201], { multipart: { file: { name, mimeType, buffer } } }),
    close: () => context.close(),
  }
}

/** A small JPEG drawn by Chromium itself (covers must be JPEG). */
export async function jpeg(h, width = 300, height = 200) {
  const context = await h.newContext()
  const page = await context.newPage()
  const base64 = await page.evaluate(
    ([w, hgt]) => {
      const c = document.createElement('canvas')
      c.width = w
      c.height = hgt
      const g = c.getContext('2d')
      g.fillStyle = '#1f5fbf'
      g.fillRect(0, 0, w, hgt)
      g.fillStyle = '#fff'
      g.fillRect(w / 4, hgt / 4, w / 2, hgt / 2)
      return c.toDataURL('image/jpeg', 0.9).split(',')[1]
    },
    [width, height],
  )
  await context.close()
  return Buffer.from(base64, 'base64')
}
