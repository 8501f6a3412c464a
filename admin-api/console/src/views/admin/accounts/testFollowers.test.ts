import { describe, expect, it } from 'vitest'
import { checkRows, rowErrors, toEntries } from './testFollowers'

describe('test followers', () => {
  it('sends trimmed rows and drops blank ones', () => {
    expect(toEntries([{ openid: ' o_abc123 ', label: ' 张老师 ' }, { openid: '', label: ' ' }])).toEqual([{ openid: 'o_abc123', label: '张老师' }])
  })

  it('puts the API\'s row errors on the page\'s rows, skipping blank rows', () => {
    const rows = [
      { openid: 'o_abc123', label: 'a' },
      { openid: '', label: '' },
      { openid: 'bad!', label: '' },
    ]
    expect(rowErrors({ 'testFollowers[1].openid': 'not an openid', 'testFollowers[1].label': 'required', testFollowers: 'too many' }, rows)).toEqual({
      2: { openid: 'not an openid', label: 'required' },
    })
  })

  it('explains a bad openid, a repeat and a missing label early', () => {
    const { rows, tooMany } = checkRows([
      { openid: 'o_abc123', label: 'a' },
      { openid: 'o_abc123', label: 'b' },
      { openid: 'x', label: '' },
    ])
    expect(rows).toEqual({
      1: { openid: 'admin.accounts.testFollowers.errors.twice' },
      2: { openid: 'admin.accounts.testFollowers.errors.openid', label: 'admin.accounts.testFollowers.errors.label' },
    })
    expect(tooMany).toBe(false)
  })

  it('says when there are more than 20', () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ openid: 'o_user' + String(i).padStart(3, '0'), label: 'n' + i }))
    expect(checkRows(many).tooMany).toBe(true)
  })
})
