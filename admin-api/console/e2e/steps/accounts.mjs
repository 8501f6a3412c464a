// A fresh account for a journey that needs a mass send to reach FINISHED today: each account
// may send once per local day, so every journey (mouse, keyboard, the lead's full journey)
// takes its own. Registered through the API as demo-admin with credentials the simulated
// WeChat accepts (like the demo account: the simulator issues tokens for any well-formed
// AppID it was not told a secret for), made ACTIVE, given a test follower for previews and
// the policy "GENERAL needs only the department head; a publisher may confirm their own
// preview" (the demo has one publisher), and connected to the simulator's MASSSENDJOBFINISH
// push (POST /simulate/connect, wx-local's FollowerEndpoint) so its sends finish as WeChat's do.
import { check } from '../lib.mjs'
import { apiAs } from './api.mjs'

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'
const random = (n) => Array.from({ length: n }, () => ALNUM[Math.floor(Math.random() * ALNUM.length)]).join('')

/** The demo people a content journey needs, and the role each must hold on the account. */
export const CONTENT_PEOPLE = {
  'demo-editor': 'EDITOR',
  'demo-dept-reviewer': 'DEPT_REVIEWER',
  'demo-publisher': 'PUBLISHER',
}

/** The test follower of fresh accounts (the simulator's default follower). */
export const TEST_FOLLOWER = 'o_demo_follower'

export async function freshContentAccount(h, { name } = {}) {
  const admin = await apiAs(h, 'demo-admin')
  try {
    const departments = await admin.get('/api/departments')
    const office = departments.find((d) => d.code === 'office') ?? departments[0]
    const publicity = departments.find((d) => d.code === 'publicity')
    check(publicity, 'the demo department 宣传部 (publicity) exists')
    const appId = 'wx' + random(16)
    const created = await admin.post(
      '/api/accounts',
      {
        appId,
        originalId: 'gh_' + random(12),
        name: name ?? '演示发布公众号 ' + appId.slice(-6),
        wechatId: 'e2e_' + appId.slice(-8),
        type: 'SUBSCRIPTION',
        mode: 'PLAINTEXT',
        owningDepartmentId: office.id,
        verified: true,
        verifiedOn: '2026-03-01',
        responsible: { name: '王主任', officePhone: '010-62750000', mobile: '13800000001', email: 'office@demo.example.edu.cn', wechatId: 'demo_wang' },
        administrator: { name: '李老师', officePhone: '010-62750001', mobile: '13800000002', email: 'media@demo.example.edu.cn', wechatId: 'demo_li' },
        credentials: { appSecret: random(32), token: 'tok' + random(12) },
        policies: { timeZone: 'Asia/Shanghai', reviewLevels: { GENERAL: ['DEPT_REVIEWER'], SENSITIVE: ['DEPT_REVIEWER', 'OFFICE_REVIEWER'], MAJOR: ['DEPT_REVIEWER', 'OFFICE_REVIEWER', 'LEADER'] }, selfConfirmAllowed: true },
      },
      201,
    )
    const accountId = created.id
    await admin.post(`/api/accounts/${accountId}/status`, { status: 'ACTIVE', reason: '端到端测试：登记材料齐全', version: created.version }, 200)
    await admin.put(`/api/accounts/${accountId}/test-followers`, [{ openid: TEST_FOLLOWER, label: '宣传部测试手机' }], 200)
    const account = await admin.get(`/api/accounts/${accountId}`)
    check(account.status === 'ACTIVE', `account ${accountId} is ACTIVE (${account.status})`)
    check(JSON.stringify(account.policies?.reviewLevels?.GENERAL) === '["DEPT_REVIEWER"]', `GENERAL needs only the department head: ${JSON.stringify(account.policies)}`)
    check(account.policies?.selfConfirmAllowed === true, 'the publisher may confirm their own preview')

    // The demo people's grants: each must cover this account (the demo grants cover every
    // account; should one not, it is added here as the demo seeding would).
    for (const [username, role] of Object.entries(CONTENT_PEOPLE)) {
      const found = await admin.get(`/api/people?q=${encodeURIComponent(username)}&size=50`)
      const person = (found.items ?? found).find((p) => p.username === username)
      check(person, `${username} exists`)
      const grants = await admin.get(`/api/people/${person.id}/grants`)
      const covers = grants.some((g) => g.role === role && (g.accountId == null || g.accountId === accountId))
      if (!covers) {
        const department = role === 'PUBLISHER' ? null : publicity.id
        await admin.post(`/api/people/${person.id}/grants`, { role, accountId, departmentId: department }, [200, 201])
      }
    }

    // WeChat's MASSSENDJOBFINISH push for this account, as for the demo account.
    check(h.simulatorUrl, 'WXOPS_SIMULATOR_URL is not set')
    const connectUrl = h.simulatorUrl.replace(/\/simulate\/send$/, '/simulate/connect') + '?appId=' + appId
    const r = await fetch(connectUrl, { method: 'POST' })
    check(r.status === 200, `the simulator connected ${appId}: ${r.status} ${await r.text()}`)
    return { accountId, appId, departmentId: publicity.id, name: account.name }
  } finally {
    await admin.close()
  }
}
