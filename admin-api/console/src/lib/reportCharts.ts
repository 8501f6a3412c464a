/**
 * The reports page's charts as ECharts options, built from the report answers of
 * admin-api (GET /api/reports/posting and /timeliness): pure functions, so what a chart
 * shows is tested without a browser.
 */

export interface PeriodCount {
  start: string
  end: string
  updates: number
  items: number
}

export interface CategoryFigures {
  category: string
  tickets: number
  ackSameDayShare?: number | null
  resolvedWithinSlaShare?: number | null
  followupRate?: number | null
  firstReplyMedianSeconds?: number | null
  firstReplyP90Seconds?: number | null
}

export interface Labels {
  updates: string
  ackSameDay: string
  withinSla: string
  followup: string
  medianHours: string
  p90Hours: string
  category: (c: string) => string
}

/** A period's label on the axis: its first day as MM-DD (the year is in the title). */
export function periodLabel(p: PeriodCount): string {
  return p.start.slice(5)
}

/** Updates per week or month, all accounts of the report together. */
export function postingOption(totals: PeriodCount[], labels: Labels) {
  return {
    aria: { enabled: true },
    animation: false,
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: totals.map(periodLabel) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: labels.updates, type: 'bar', data: totals.map((p) => p.updates), itemStyle: { color: '#1d5fa8' } }],
  }
}

/** A share (0 to 1) as a percentage with one decimal; null stays null (no tickets). */
export function percent(share: number | null | undefined): number | null {
  return share == null ? null : Math.round(share * 1000) / 10
}

/** Seconds as hours with one decimal; null stays null (nothing answered). */
export function hours(seconds: number | null | undefined): number | null {
  return seconds == null ? null : Math.round(seconds / 360) / 10
}

/**
 * Reply timeliness per category: the three shares as bars (percent, left axis) and the
 * median and 90th percentile time to the first human reply as lines (hours, right axis).
 */
export function timelinessOption(categories: CategoryFigures[], labels: Labels) {
  return {
    aria: { enabled: true },
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 48, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: categories.map((c) => labels.category(c.category)) },
    yAxis: [
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      { type: 'value', min: 0, axisLabel: { formatter: '{value} h' } },
    ],
    series: [
      { name: labels.ackSameDay, type: 'bar', data: categories.map((c) => percent(c.ackSameDayShare)), itemStyle: { color: '#1d5fa8' } },
      { name: labels.withinSla, type: 'bar', data: categories.map((c) => percent(c.resolvedWithinSlaShare)), itemStyle: { color: '#3a8a3f' } },
      { name: labels.followup, type: 'bar', data: categories.map((c) => percent(c.followupRate)), itemStyle: { color: '#8a5a00' } },
      { name: labels.medianHours, type: 'line', yAxisIndex: 1, data: categories.map((c) => hours(c.firstReplyMedianSeconds)), itemStyle: { color: '#6b2fa0' } },
      { name: labels.p90Hours, type: 'line', yAxisIndex: 1, data: categories.map((c) => hours(c.firstReplyP90Seconds)), itemStyle: { color: '#b0263a' } },
    ],
  }
}

/** A duration in seconds for a table cell: "2 h 05 min", "45 min", "30 s"; "—" for none. */
export function duration(seconds: number | null | undefined): string {
  if (seconds == null) return '—'
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `${minutes} min`
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (h < 48) return `${h} h ${String(m).padStart(2, '0')} min`
  return `${Math.floor(h / 24)} d ${h % 24} h`
}

/** The most severe of the levels (VETO over WARNING over PASS). */
export function worstLevel(levels: string[]): 'PASS' | 'WARNING' | 'VETO' {
  if (levels.includes('VETO')) return 'VETO'
  if (levels.includes('WARNING')) return 'WARNING'
  return 'PASS'
}
