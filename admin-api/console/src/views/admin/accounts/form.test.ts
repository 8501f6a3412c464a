import { describe, expect, it } from 'vitest'
import {
  clearSecrets,
  contactChanges,
  emptyRegistration,
  fromView,
  inSigningOrder,
  nextStatuses,
  shownFields,
  toAccountChange,
  toCredentialRotation,
  toFormErrors,
  toNewAccountRequest,
  type AccountView,
} from './form'

const view: AccountView = {
  id: 7,
  appId: 'wxd000000000000001',
  originalId: 'gh_demo0000001',
  name: '演示学校',
  wechatId: 'demo_school',
  type: 'SERVICE',
  mode: 'SAFE',
  status: 'ACTIVE',
  owningDepartmentId: 1,
  verified: true,
  verifiedOn: '2026-03-01',
  responsible: { name: '张三', officePhone: '010-1234567', mobile: '13800000000' },
  administrator: { name: '李四', email: 'li@example.cn' },
  policies: {
    timeZone: 'Asia/Shanghai',
    maxChars: 680,
    reviewLevels: { GENERAL: ['DEPT_REVIEWER'], SENSITIVE: ['DEPT_REVIEWER', 'OFFICE_REVIEWER'], MAJOR: ['DEPT_REVIEWER', 'OFFICE_REVIEWER', 'LEADER'] },
    marketingForbidden: false,
    selfConfirmAllowed: true,
  },
  credentials: { appSecret: { set: true, setAt: '2026-03-01T00:00:00Z' }, token: { set: true }, aesKey: { set: false } },
  version: 4,
}

describe('registration request', () => {
  it('trims, leaves out blanks and an untouched contact', () => {
    const f = emptyRegistration()
    f.appId = ' wx0123456789abcdef '
    f.name = ' 新学校 '
    f.responsible.name = '王五'
    f.responsible.mobile = '  '
    f.credentials.appSecret = 'S'.repeat(32)
    f.credentials.token = 'tok123'
    const req = toNewAccountRequest(f)
    expect(req.appId).toBe('wx0123456789abcdef')
    expect(req.name).toBe('新学校')
    expect(req.wechatId).toBeUndefined()
    expect(req.responsible).toEqual({ name: '王五', officePhone: undefined, mobile: undefined, email: undefined, wechatId: undefined })
    expect(req.administrator).toBeUndefined()
    expect(req.credentials).toEqual({ appSecret: 'S'.repeat(32), token: 'tok123', aesKey: undefined })
  })

  it('sends the verification date only for a verified account', () => {
    const f = emptyRegistration()
    f.verifiedOn = '2026-01-01'
    expect(toNewAccountRequest(f).verifiedOn).toBeUndefined()
    f.verified = true
    expect(toNewAccountRequest(f).verifiedOn).toBe('2026-01-01')
  })

  it('lists review levels in signing order however they were ticked', () => {
    const f = emptyRegistration()
    f.policies.reviewLevels.MAJOR = ['LEADER', 'DEPT_REVIEWER', 'LEADER']
    expect(toNewAccountRequest(f).policies?.reviewLevels?.MAJOR).toEqual(['DEPT_REVIEWER', 'LEADER'])
    expect(inSigningOrder(['OFFICE_REVIEWER', 'bogus', 'DEPT_REVIEWER'])).toEqual(['DEPT_REVIEWER', 'OFFICE_REVIEWER'])
  })
})

describe('editing an account', () => {
  it('starts from the loaded account with empty secret inputs', () => {
    const f = fromView(view)
    expect(f.responsible.officePhone).toBe('010-1234567')
    expect(f.administrator.mobile).toBe('')
    expect(f.credentials).toEqual({ appSecret: '', token: '', aesKey: '' })
  })

  it('sends nothing when nothing changed', () => {
    expect(toAccountChange(view, fromView(view))).toBeNull()
  })

  it('sends only the changed fields with the loaded version', () => {
    const f = fromView(view)
    f.name = '演示学校（新）'
    expect(toAccountChange(view, f)).toEqual({ name: '演示学校（新）', version: 4 })
  })

  it('sends a changed contact whole, with the re-filing date', () => {
    const f = fromView(view)
    f.administrator.name = '赵六'
    f.refiledOn = '2026-11-20'
    expect(contactChanges(view, f)).toEqual({ responsible: false, administrator: true })
    const change = toAccountChange(view, f)!
    expect(change.administrator).toEqual({ name: '赵六', officePhone: undefined, mobile: undefined, email: 'li@example.cn', wechatId: undefined })
    expect(change.responsible).toBeUndefined()
    expect(change.refiledOn).toBe('2026-11-20')
  })

  it('does not send a re-filing date without a contact change', () => {
    const f = fromView(view)
    f.refiledOn = '2026-11-20'
    expect(toAccountChange(view, f)).toBeNull()
  })

  it('treats whitespace around a contact field as no change', () => {
    const f = fromView(view)
    f.responsible.name = ' 张三 '
    expect(contactChanges(view, f).responsible).toBe(false)
  })

  it('sends the whole policies when one of them changed', () => {
    const f = fromView(view)
    f.policies.maxChars = 600
    const change = toAccountChange(view, f)!
    expect(change.policies?.maxChars).toBe(600)
    expect(change.policies?.selfConfirmAllowed).toBe(true)
    expect(change.policies?.reviewLevels?.SENSITIVE).toEqual(['DEPT_REVIEWER', 'OFFICE_REVIEWER'])
  })

  it('treats re-ordered level ticks as no change', () => {
    const f = fromView(view)
    f.policies.reviewLevels.SENSITIVE = ['OFFICE_REVIEWER', 'DEPT_REVIEWER']
    expect(toAccountChange(view, f)).toBeNull()
  })

  it('sends un-verifying without a date', () => {
    const f = fromView(view)
    f.verified = false
    expect(toAccountChange(view, f)).toEqual({ verified: false, version: 4 })
  })
})

describe('credentials', () => {
  it('rotates only the secrets typed', () => {
    expect(toCredentialRotation({ appSecret: '', token: ' newtoken ', aesKey: '' }, 4)).toEqual({ token: 'newtoken', version: 4 })
    expect(toCredentialRotation({ appSecret: ' ', token: '', aesKey: '' }, 4)).toBeNull()
  })

  it('clears the inputs after they were accepted', () => {
    const secrets = { appSecret: 'a', token: 'b', aesKey: 'c' }
    clearSecrets(secrets)
    expect(secrets).toEqual({ appSecret: '', token: '', aesKey: '' })
  })

  it('puts every secret error on its input, from registration and from rotation', () => {
    expect(
      toFormErrors({ 'credentials.appSecret': 'wrong secret', token: 'too short', credentials: 'send one', 'responsible.name': 'required' }),
    ).toEqual({ 'credentials.appSecret': 'wrong secret; send one', 'credentials.token': 'too short', 'responsible.name': 'required' })
  })
})

describe('lifecycle', () => {
  it('offers only the moves the API allows', () => {
    expect(nextStatuses('APPLIED')).toEqual(['ACTIVE', 'CLOSED'])
    expect(nextStatuses('ACTIVE')).toEqual(['SUSPENDED', 'CLOSED'])
    expect(nextStatuses('SUSPENDED')).toEqual(['ACTIVE', 'CLOSED'])
    expect(nextStatuses('CLOSED')).toEqual([])
  })
})

describe('shownFields', () => {
  it('names the API fields shown next to a form field, leaving the rest to the alert', () => {
    expect(shownFields({ 'responsible.mobile': 'x', appSecret: 'y', version: 'z', 'testFollowers[0].openid': 'w' })).toEqual(['responsible.mobile', 'appSecret'])
  })
})

describe('rebase after a stale version', () => {
  it('keeps the person\'s edits on top of what someone else saved meanwhile', async () => {
    const { rebase } = await import('./form')
    const f = fromView(view)
    f.name = '我的新名称'
    f.administrator.mobile = '13900000000'
    f.policies.maxChars = 500
    const latest: AccountView = { ...view, version: 5, wechatId: 'changed_by_other', responsible: { name: '新负责人' }, policies: { ...view.policies, marketingForbidden: true } }
    const out = rebase(view, latest, f)
    expect(out.name).toBe('我的新名称')
    expect(out.administrator.mobile).toBe('13900000000')
    expect(out.administrator.name).toBe('李四')
    expect(out.policies.maxChars).toBe(500)
    expect(out.wechatId).toBe('changed_by_other')
    expect(out.responsible.name).toBe('新负责人')
    expect(out.policies.marketingForbidden).toBe(true)
    expect(toAccountChange(latest, out)).toEqual({
      name: '我的新名称',
      administrator: { name: '李四', officePhone: undefined, mobile: '13900000000', email: 'li@example.cn', wechatId: undefined },
      policies: { ...latest.policies, maxChars: 500 },
      version: 5,
    })
  })
})
