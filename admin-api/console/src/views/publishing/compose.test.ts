import { describe, expect, it } from 'vitest'
import { composeProblems, composeRequest, emptyComposeForm, openidList, type ComposeForm } from './api'

// The page's own initial form, with a day picked (the slot picker picks today's when free).
const base: ComposeForm = { ...emptyComposeForm(), day: '2026-12-02' }

describe('composing a send', () => {
  it('nothing is chosen for the person: audience and reprint must be picked', () => {
    expect(composeProblems(base, 2)).toEqual({
      audience: 'publishing.compose.errors.audienceRequired',
      sendIgnoreReprint: 'publishing.compose.errors.reprintRequired',
    })
  })

  it('MPNEWS takes exactly the head of the queue, in its order', () => {
    const f = { ...base, count: 2, audience: 'ALL' as const, sendIgnoreReprint: false }
    expect(composeProblems(f, 3)).toEqual({})
    const body = composeRequest(f, 7, [{ articleId: 30 }, { articleId: 10 }, { articleId: 20 }], undefined)
    expect(body).toEqual({ accountId: 7, kind: 'MPNEWS', audience: 'ALL', sendIgnoreReprint: false, slotAt: undefined, articleIds: [30, 10] })
  })

  it('an empty queue cannot make an MPNEWS send', () => {
    expect(composeProblems({ ...base, audience: 'ALL', sendIgnoreReprint: true }, 0)).toEqual({ articleIds: 'publishing.compose.errors.queueEmpty' })
  })

  it('TEXT needs text and a department, and carries its sensitivity', () => {
    const f = { ...base, kind: 'TEXT' as const, audience: 'TAG' as const, sendIgnoreReprint: true }
    expect(composeProblems(f, 0)).toEqual({
      text: 'publishing.compose.errors.textRequired',
      departmentId: 'publishing.compose.errors.departmentRequired',
      tagId: 'publishing.compose.errors.tagRequired',
    })
    const body = composeRequest({ ...f, text: '通知', departmentId: 3, tagId: 100, sensitivity: 'SENSITIVE' }, 7, [], '2026-12-02T01:00:00.000Z')
    expect(body).toMatchObject({ kind: 'TEXT', text: '通知', departmentId: 3, sensitivity: 'SENSITIVE', tagId: 100, slotAt: '2026-12-02T01:00:00.000Z' })
    expect(body.articleIds).toBeUndefined()
  })

  it('an openid list needs 2 to 10,000 openids, one per line or separated by commas', () => {
    expect(openidList('o_a\no_b, o_c；o_d')).toEqual(['o_a', 'o_b', 'o_c', 'o_d'])
    expect(composeProblems({ ...base, audience: 'OPENIDS', openids: 'o_a', sendIgnoreReprint: false }, 1)).toEqual({ openids: 'publishing.compose.errors.openidCount' })
  })
})
