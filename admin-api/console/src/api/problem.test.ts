import { describe, expect, it } from 'vitest'
import { describe as describeProblem, slugOf, toProblem, networkProblem } from './problem'
import { sessionEventOf } from './client'
import { messages } from '@/i18n'

const zh = messages['zh-CN'] as { problems: Record<string, string> }
const t = (k: string) => zh.problems[k.replace(/^problems\./, '')] ?? k
const te = (k: string) => k.replace(/^problems\./, '') in zh.problems

describe('problems from admin-api', () => {
  it('takes the slug from the type and keeps field errors by field', () => {
    const p = toProblem(400, {
      type: 'https://wxops.io/problems/invalid-request',
      title: 'The request is not valid',
      detail: "Correct the fields listed in 'errors' and send it again.",
      errors: [
        { field: 'content', message: 'must not be blank' },
        { field: 'content', message: 'at most 600 characters' },
        { field: 'size', message: '1 to 200' },
      ],
    })
    expect(p.slug).toBe('invalid-request')
    expect(p.fieldErrors).toEqual({ content: 'must not be blank; at most 600 characters', size: '1 to 200' })
  })

  it('maps a type to its zh-CN message with the server detail below it', () => {
    const p = toProblem(409, { type: 'https://wxops.io/problems/outside-service-window', detail: 'The follower must write again.' })
    const d = describeProblem(p, t, te)
    expect(d.message).toContain('48 小时')
    expect(d.detail).toBe('The follower must write again.')
  })

  it('maps WeChat error types (wechat/<errcode>)', () => {
    const p = toProblem(409, { type: 'https://wxops.io/problems/wechat/45015', detail: 'x' })
    expect(p.slug).toBe('wechat/45015')
    expect(describeProblem(p, t, te).message).toBe(zh.problems['wechat-45015'])
  })

  it('falls back to a general message for an unknown type and to the status without one', () => {
    expect(describeProblem(toProblem(409, { type: 'https://wxops.io/problems/brand-new' }), t, te).message).toBe(zh.problems.unknown)
    expect(describeProblem(toProblem(502, 'Bad Gateway'), t, te).message).toBe(zh.problems['server-error'])
    expect(slugOf('about:blank', 404)).toBe('not-found')
    expect(toProblem(502, '<html>proxy</html>').detail).toBe('<html>proxy</html>')
  })

  it('says the server cannot be reached when there is no answer', () => {
    const p = networkProblem(new TypeError('Failed to fetch'))
    expect(p.status).toBe(0)
    expect(describeProblem(p, t, te).message).toBe(zh.problems.network)
  })

  it('turns session problems into the shell pages', () => {
    expect(sessionEventOf(toProblem(401, { type: 'https://wxops.io/problems/session-expired' }))).toBe('expired')
    expect(sessionEventOf(toProblem(401, { type: 'https://wxops.io/problems/unauthenticated' }))).toBe('signed-out')
    expect(sessionEventOf(toProblem(403, { type: 'https://wxops.io/problems/password-change-required' }))).toBe('password-change-required')
    expect(sessionEventOf(toProblem(403, { type: 'https://wxops.io/problems/forbidden' }))).toBeNull()
  })
})
