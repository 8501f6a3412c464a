import { describe, expect, it } from 'vitest'
import { actionsFor, jobFailure, sendFailure, timeline } from './timeline'

const states = (t: ReturnType<typeof timeline>) => t.steps.map((s) => `${s.status}:${s.state}`)

describe("a send's timeline", () => {
  it('a confirmed send waits for its slot: earlier steps done, later ones waiting', () => {
    const t = timeline({ status: 'CONFIRMED', previewedAt: '2026-12-02T01:00:00Z', confirmedAt: '2026-12-02T01:05:00Z' })
    expect(states(t)).toEqual(['COMPOSED:done', 'PREVIEWED:done', 'CONFIRMED:current', 'SENDING:waiting', 'SENT:waiting', 'FINISHED:waiting'])
    expect(t.outcome).toBe('in-progress')
    expect(t.settled).toBe(false)
    expect(t.steps[2].at).toBe('2026-12-02T01:05:00Z')
  })

  it("FINISHED shows WeChat's counts and the article URLs in order", () => {
    const t = timeline({
      status: 'FINISHED',
      wechatStatus: 'send success',
      totalCount: 120,
      filterCount: 118,
      sentCount: 117,
      errorCount: 1,
      finishedAt: '2026-12-02T02:00:00Z',
      articles: [
        { position: 2, title: 'B', articleUrl: 'https://mp.weixin.qq.com/s/b' },
        { position: 1, title: 'A', articleUrl: 'https://mp.weixin.qq.com/s/a' },
        { position: 3, title: 'C', articleUrl: null },
      ],
    })
    expect(t.outcome).toBe('finished')
    expect(t.settled).toBe(true)
    expect(t.steps.every((s) => s.state === 'done')).toBe(true)
    expect(t.counts).toEqual({ total: 120, filtered: 118, sent: 117, errors: 1 })
    expect(t.urls.map((u) => u.title)).toEqual(['A', 'B'])
  })

  it("SEND_SUCCESS from mass/get counts as success too", () => {
    expect(timeline({ status: 'FINISHED', wechatStatus: 'SEND_SUCCESS' }).outcome).toBe('finished')
  })

  it("a finished job WeChat filtered (err(20013), copyright) is finished with the translated problem", () => {
    const t = timeline({ status: 'FINISHED', wechatStatus: 'err(20013)' })
    expect(t.outcome).toBe('finished-with-problem')
    expect(t.failure).toMatchObject({ key: 'publishing.failure.job.20013', code: 20013 })
    expect(jobFailure('err(29999)')).toMatchObject({ key: 'publishing.failure.job.other', code: 29999 })
    expect(jobFailure('send fail')).toMatchObject({ key: 'publishing.failure.job.other' })
  })

  it('FAILED stops the path at SENDING with the errcode translated', () => {
    const t = timeline({ status: 'FAILED', errorCode: 45028, errorMessage: 'has no masssend quota', confirmedAt: '2026-12-02T01:05:00Z' })
    expect(states(t)).toEqual(['COMPOSED:done', 'PREVIEWED:done', 'CONFIRMED:done', 'SENDING:failed', 'SENT:skipped', 'FINISHED:skipped'])
    expect(t.outcome).toBe('failed')
    expect(t.failure).toEqual({ key: 'publishing.failure.code.45028', code: 45028, detail: 'has no masssend quota' })
  })

  it('an unknown errcode still says WeChat refused, with its words', () => {
    expect(sendFailure({ status: 'FAILED', errorCode: 61234, errorMessage: 'x' })).toEqual({ key: 'publishing.failure.code.other', code: 61234, detail: 'x' })
    expect(sendFailure({ status: 'FAILED', errorMessage: 'screening' })).toEqual({ key: 'publishing.failure.unknown', detail: 'screening' })
  })

  it('a cancelled send keeps the steps it reached and skips the rest', () => {
    expect(states(timeline({ status: 'CANCELLED', previewedAt: '2026-12-02T01:00:00Z' }))).toEqual([
      'COMPOSED:done',
      'PREVIEWED:done',
      'CONFIRMED:skipped',
      'SENDING:skipped',
      'SENT:skipped',
      'FINISHED:skipped',
    ])
    expect(timeline({ status: 'CANCELLED' }).steps[0].state).toBe('done')
  })

  it('a deleted send was sent: the path is done and the outcome says deleted', () => {
    const t = timeline({ status: 'DELETED', finishedAt: '2026-12-02T02:00:00Z' })
    expect(t.outcome).toBe('deleted')
    expect(t.steps.every((s) => s.state === 'done')).toBe(true)
  })

  it('offers preview, confirm, cancel and delete only where the state allows them', () => {
    expect(actionsFor('COMPOSED')).toEqual({ preview: true, confirm: false, cancel: true, remove: false })
    expect(actionsFor('PREVIEWED')).toEqual({ preview: true, confirm: true, cancel: true, remove: false })
    expect(actionsFor('SENDING')).toEqual({ preview: false, confirm: false, cancel: false, remove: false })
    expect(actionsFor('FINISHED')).toEqual({ preview: false, confirm: false, cancel: false, remove: true })
  })
})
