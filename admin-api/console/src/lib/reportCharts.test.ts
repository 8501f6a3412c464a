import { describe, expect, it } from 'vitest'
import { duration, hours, percent, periodLabel, postingOption, timelinessOption, worstLevel, type Labels } from './reportCharts'

const labels: Labels = {
  updates: 'updates',
  ackSameDay: 'ack',
  withinSla: 'sla',
  followup: 'followup',
  medianHours: 'median',
  p90Hours: 'p90',
  category: (c) => 'cat:' + c,
}

describe('report charts', () => {
  it('posting: one bar per period, labelled by its first day', () => {
    const o = postingOption(
      [
        { start: '2026-03-01', end: '2026-03-01', updates: 1, items: 3 },
        { start: '2026-03-02', end: '2026-03-08', updates: 0, items: 0 },
      ],
      labels,
    )
    expect(o.xAxis.data).toEqual(['03-01', '03-02'])
    expect(o.series[0].data).toEqual([1, 0])
    expect(o.aria.enabled).toBe(true)
    expect(periodLabel({ start: '2026-12-28', end: '2027-01-03', updates: 0, items: 0 })).toBe('12-28')
  })

  it('timeliness: shares in percent, reply times in hours, nothing made up for empty categories', () => {
    const o = timelinessOption(
      [
        { category: 'CONSULTATION', tickets: 5, ackSameDayShare: 0.8, resolvedWithinSlaShare: 0.4, followupRate: 0.3333, firstReplyMedianSeconds: 2400, firstReplyP90Seconds: 86400 },
        { category: 'SUGGESTION', tickets: 0, ackSameDayShare: null, resolvedWithinSlaShare: null, followupRate: null, firstReplyMedianSeconds: null, firstReplyP90Seconds: null },
      ],
      labels,
    )
    expect(o.xAxis.data).toEqual(['cat:CONSULTATION', 'cat:SUGGESTION'])
    expect(o.series.map((s) => s.data)).toEqual([
      [80, null],
      [40, null],
      [33.3, null],
      [0.7, null],
      [24, null],
    ])
    expect(o.series[3].yAxisIndex).toBe(1)
  })

  it('formats figures', () => {
    expect(percent(0.8333)).toBe(83.3)
    expect(percent(undefined)).toBeNull()
    expect(hours(5400)).toBe(1.5)
    expect(duration(null)).toBe('—')
    expect(duration(30)).toBe('30 s')
    expect(duration(2400)).toBe('40 min')
    expect(duration(7500)).toBe('2 h 05 min')
    expect(duration(3 * 86400 + 7200)).toBe('3 d 2 h')
    expect(worstLevel(['PASS', 'WARNING'])).toBe('WARNING')
    expect(worstLevel(['WARNING', 'VETO', 'PASS'])).toBe('VETO')
    expect(worstLevel([])).toBe('PASS')
  })
})
