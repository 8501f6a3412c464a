import type { components } from '@/api/schema'

type S = components['schemas']
export type AccountView = S['AccountView']
export type NewAccountRequest = S['NewAccountRequest']
export type AccountChange = S['AccountChange']
export type CredentialRotation = S['CredentialRotation']
export type Contact = S['Contact']
export type AccountStatus = NonNullable<AccountView['status']>
export type AccountType = NonNullable<AccountView['type']>
export type MessageMode = NonNullable<AccountView['mode']>
export type ReviewLevel = 'DEPT_REVIEWER' | 'OFFICE_REVIEWER' | 'LEADER'
export type Sensitivity = 'GENERAL' | 'SENSITIVE' | 'MAJOR'

export const STATUSES: AccountStatus[] = ['APPLIED', 'ACTIVE', 'SUSPENDED', 'CLOSED']
export const TYPES: AccountType[] = ['SUBSCRIPTION', 'SERVICE']
export const MODES: MessageMode[] = ['SAFE', 'COMPATIBLE', 'PLAINTEXT']
export const SENSITIVITIES: Sensitivity[] = ['GENERAL', 'SENSITIVE', 'MAJOR']
/** In signing order: the API wants each chain listed this way. */
export const LEVELS: ReviewLevel[] = ['DEPT_REVIEWER', 'OFFICE_REVIEWER', 'LEADER']
export const SECRETS = ['appSecret', 'token', 'aesKey'] as const
export type SecretName = (typeof SECRETS)[number]

export interface ContactForm {
  name: string
  officePhone: string
  mobile: string
  email: string
  wechatId: string
}

export interface PolicyForm {
  timeZone: string
  maxChars: number
  reviewLevels: Record<Sensitivity, ReviewLevel[]>
  marketingForbidden: boolean
  selfConfirmAllowed: boolean
}

/**
 * The registration form (登记表) as the page edits it: every field a plain value, so inputs
 * bind directly and nothing typed is lost when a request fails. Secrets live only here,
 * in the page's memory, until they are sent; they are never read back from the API.
 */
export interface RegistryForm {
  appId: string
  originalId: string
  name: string
  wechatId: string
  type: AccountType
  mode: MessageMode
  owningDepartmentId: number | null
  verified: boolean
  verifiedOn: string
  responsible: ContactForm
  administrator: ContactForm
  policies: PolicyForm
  credentials: Record<SecretName, string>
  /** Only for a change of the responsible person or administrator: the re-filing's date. */
  refiledOn: string
}

export function emptyContact(): ContactForm {
  return { name: '', officePhone: '', mobile: '', email: '', wechatId: '' }
}

export function defaultPolicies(): PolicyForm {
  return {
    timeZone: 'Asia/Shanghai',
    maxChars: 680,
    reviewLevels: {
      GENERAL: ['DEPT_REVIEWER'],
      SENSITIVE: ['DEPT_REVIEWER', 'OFFICE_REVIEWER'],
      MAJOR: ['DEPT_REVIEWER', 'OFFICE_REVIEWER', 'LEADER'],
    },
    marketingForbidden: false,
    selfConfirmAllowed: false,
  }
}

export function emptyRegistration(): RegistryForm {
  return {
    appId: '',
    originalId: '',
    name: '',
    wechatId: '',
    type: 'SUBSCRIPTION',
    mode: 'SAFE',
    owningDepartmentId: null,
    verified: false,
    verifiedOn: '',
    responsible: emptyContact(),
    administrator: emptyContact(),
    policies: defaultPolicies(),
    credentials: { appSecret: '', token: '', aesKey: '' },
    refiledOn: '',
  }
}

function contactForm(c: Contact | undefined): ContactForm {
  return {
    name: c?.name ?? '',
    officePhone: c?.officePhone ?? '',
    mobile: c?.mobile ?? '',
    email: c?.email ?? '',
    wechatId: c?.wechatId ?? '',
  }
}

function policyForm(p: AccountView['policies']): PolicyForm {
  const d = defaultPolicies()
  const levels = p?.reviewLevels ?? {}
  return {
    timeZone: p?.timeZone ?? d.timeZone,
    maxChars: p?.maxChars ?? d.maxChars,
    reviewLevels: {
      GENERAL: [...(levels.GENERAL ?? d.reviewLevels.GENERAL)],
      SENSITIVE: [...(levels.SENSITIVE ?? d.reviewLevels.SENSITIVE)],
      MAJOR: [...(levels.MAJOR ?? d.reviewLevels.MAJOR)],
    },
    marketingForbidden: p?.marketingForbidden ?? d.marketingForbidden,
    selfConfirmAllowed: p?.selfConfirmAllowed ?? d.selfConfirmAllowed,
  }
}

/** The form for editing an account the API returned; the secret inputs start empty. */
export function fromView(v: AccountView): RegistryForm {
  return {
    appId: v.appId ?? '',
    originalId: v.originalId ?? '',
    name: v.name ?? '',
    wechatId: v.wechatId ?? '',
    type: v.type ?? 'SUBSCRIPTION',
    mode: v.mode ?? 'SAFE',
    owningDepartmentId: v.owningDepartmentId ?? null,
    verified: v.verified ?? false,
    verifiedOn: v.verifiedOn ?? '',
    responsible: contactForm(v.responsible),
    administrator: contactForm(v.administrator),
    policies: policyForm(v.policies),
    credentials: { appSecret: '', token: '', aesKey: '' },
    refiledOn: '',
  }
}

const blank = (s: string | undefined | null) => s == null || s.trim() === ''
const trimmed = (s: string) => (blank(s) ? undefined : s.trim())

/** A contact as the API takes it; undefined when nothing was entered (the API then keeps none). */
function contactRequest(c: ContactForm): Contact | undefined {
  if (Object.values(c).every(blank)) return undefined
  return {
    name: c.name.trim(),
    officePhone: trimmed(c.officePhone),
    mobile: trimmed(c.mobile),
    email: trimmed(c.email),
    wechatId: trimmed(c.wechatId),
  }
}

/** Review levels in signing order, without repeats, however the checkboxes were ticked. */
export function inSigningOrder(levels: readonly string[]): ReviewLevel[] {
  return LEVELS.filter((l) => levels.includes(l))
}

function policiesRequest(p: PolicyForm): NonNullable<NewAccountRequest['policies']> {
  return {
    timeZone: p.timeZone.trim(),
    maxChars: p.maxChars,
    reviewLevels: {
      GENERAL: inSigningOrder(p.reviewLevels.GENERAL),
      SENSITIVE: inSigningOrder(p.reviewLevels.SENSITIVE),
      MAJOR: inSigningOrder(p.reviewLevels.MAJOR),
    },
    marketingForbidden: p.marketingForbidden,
    selfConfirmAllowed: p.selfConfirmAllowed,
  }
}

/** The registration request: trimmed, blanks left out, secrets only when typed. */
export function toNewAccountRequest(f: RegistryForm): NewAccountRequest {
  return {
    appId: f.appId.trim(),
    originalId: f.originalId.trim(),
    name: f.name.trim(),
    wechatId: trimmed(f.wechatId),
    type: f.type,
    mode: f.mode,
    owningDepartmentId: f.owningDepartmentId ?? undefined,
    verified: f.verified,
    verifiedOn: f.verified ? trimmed(f.verifiedOn) : undefined,
    responsible: contactRequest(f.responsible),
    administrator: contactRequest(f.administrator),
    policies: policiesRequest(f.policies),
    credentials: {
      appSecret: trimmed(f.credentials.appSecret),
      token: trimmed(f.credentials.token),
      aesKey: trimmed(f.credentials.aesKey),
    },
  }
}

function sameContact(a: ContactForm, b: ContactForm): boolean {
  return (Object.keys(a) as (keyof ContactForm)[]).every((k) => a[k].trim() === b[k].trim())
}

/** Which contacts the form changes: each change is a re-filing (重新备案) the API records. */
export function contactChanges(v: AccountView, f: RegistryForm): { responsible: boolean; administrator: boolean } {
  return {
    responsible: !sameContact(contactForm(v.responsible), f.responsible),
    administrator: !sameContact(contactForm(v.administrator), f.administrator),
  }
}

function samePolicies(a: PolicyForm, b: PolicyForm): boolean {
  return JSON.stringify(policiesRequest(a)) === JSON.stringify(policiesRequest(b))
}

/**
 * The change to send for an edited account: only the fields that differ from what was
 * loaded (the API changes only the fields sent), with the loaded version; null when
 * nothing changed. Secrets are not part of it (they go through their own request).
 */
export function toAccountChange(v: AccountView, f: RegistryForm): AccountChange | null {
  const before = fromView(v)
  const change: AccountChange = {}
  if (f.name.trim() !== before.name) change.name = f.name.trim()
  if (f.wechatId.trim() !== before.wechatId) change.wechatId = f.wechatId.trim()
  if (f.mode !== before.mode) change.mode = f.mode
  if (f.owningDepartmentId !== before.owningDepartmentId && f.owningDepartmentId != null) change.owningDepartmentId = f.owningDepartmentId
  if (f.verified !== before.verified || (f.verified && f.verifiedOn.trim() !== before.verifiedOn)) {
    change.verified = f.verified
    if (f.verified) change.verifiedOn = trimmed(f.verifiedOn)
  }
  const contacts = contactChanges(v, f)
  if (contacts.responsible) change.responsible = contactRequest(f.responsible) ?? { name: '' }
  if (contacts.administrator) change.administrator = contactRequest(f.administrator) ?? { name: '' }
  if ((contacts.responsible || contacts.administrator) && !blank(f.refiledOn)) change.refiledOn = f.refiledOn.trim()
  if (!samePolicies(before.policies, f.policies)) change.policies = policiesRequest(f.policies)
  if (Object.keys(change).length === 0) return null
  change.version = v.version
  return change
}

/** The credentials to replace: only those typed; null when none was. */
export function toCredentialRotation(secrets: Record<SecretName, string>, version: number | undefined): CredentialRotation | null {
  const out: CredentialRotation = {}
  for (const name of SECRETS) {
    if (!blank(secrets[name])) out[name] = secrets[name].trim()
  }
  if (Object.keys(out).length === 0) return null
  out.version = version
  return out
}

/** Empties the secret inputs (after they were accepted), leaving nothing in memory to show. */
export function clearSecrets(secrets: Record<SecretName, string>): void {
  for (const name of SECRETS) secrets[name] = ''
}

/**
 * The form field an API field error belongs to. Registration names secrets
 * `credentials.appSecret`; rotation names them `appSecret` (or `credentials` for "send at
 * least one"): both land on the secret's input.
 */
export function formField(apiField: string): string {
  if ((SECRETS as readonly string[]).includes(apiField)) return 'credentials.' + apiField
  if (apiField === 'credentials') return 'credentials.appSecret'
  return apiField
}

/** Field errors keyed by the form's fields (joined when two land on one). */
export function toFormErrors(fieldErrors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [field, message] of Object.entries(fieldErrors)) {
    const key = formField(field)
    out[key] = out[key] ? out[key] + '; ' + message : message
  }
  return out
}

/** The statuses an account may move to next (as the API allows: CLOSED is final). */
export function nextStatuses(current: AccountStatus | undefined): AccountStatus[] {
  switch (current) {
    case 'APPLIED':
      return ['ACTIVE', 'CLOSED']
    case 'ACTIVE':
      return ['SUSPENDED', 'CLOSED']
    case 'SUSPENDED':
      return ['ACTIVE', 'CLOSED']
    default:
      return []
  }
}

/** Whether a message mode needs an EncodingAESKey (all but plaintext). */
export function needsAesKey(mode: MessageMode): boolean {
  return mode !== 'PLAINTEXT'
}

/** The early, local checks of the registry's formats (the API checks them again). */
export const FORMATS = {
  appId: /^wx[0-9a-zA-Z]{16}$/,
  originalId: /^gh_[0-9a-zA-Z]{6,28}$/,
  appSecret: /^[0-9a-zA-Z]{16,64}$/,
  token: /^[0-9a-zA-Z]{3,32}$/,
  aesKey: /^[0-9a-zA-Z]{43}$/,
  phone: /^\+?[0-9 ()-]{3,20}$/,
  email: /^[^@\s]+@[^@\s]+\.[^@\s]+$/,
}

const CONTACT_FIELDS = ['name', 'officePhone', 'mobile', 'email', 'wechatId']

/** Every field the registry form shows an error next to. */
export const FORM_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'appId',
  'originalId',
  'wechatId',
  'type',
  'mode',
  'owningDepartmentId',
  'verified',
  'verifiedOn',
  'refiledOn',
  ...['responsible', 'administrator'].flatMap((c) => CONTACT_FIELDS.map((f) => c + '.' + f)),
  'policies.timeZone',
  'policies.maxChars',
  'policies.reviewLevels',
  ...SECRETS.map((s) => 'credentials.' + s),
])

/** The API's field names that land next to a field of the form (the alert lists the others). */
export function shownFields(fieldErrors: Record<string, string>, shown: ReadonlySet<string> = FORM_FIELDS): string[] {
  return Object.keys(fieldErrors).filter((f) => shown.has(formField(f)))
}

/**
 * After a stale-version refusal: the form for the account as it now stands, with the
 * person's own edits (what they changed from the version they loaded) laid on top, so
 * reloading loses nothing they typed. Secret inputs are carried over as they are.
 */
export function rebase(loaded: AccountView, latest: AccountView, f: RegistryForm): RegistryForm {
  const base = fromView(loaded)
  const out = fromView(latest)
  const scalar = ['name', 'wechatId', 'mode', 'owningDepartmentId', 'verified', 'verifiedOn'] as const
  for (const k of scalar) {
    if (f[k] !== base[k]) (out as unknown as Record<string, unknown>)[k] = f[k]
  }
  for (const c of ['responsible', 'administrator'] as const) {
    for (const k of Object.keys(f[c]) as (keyof ContactForm)[]) {
      if (f[c][k] !== base[c][k]) out[c][k] = f[c][k]
    }
  }
  const p = f.policies
  const bp = base.policies
  if (p.timeZone !== bp.timeZone) out.policies.timeZone = p.timeZone
  if (p.maxChars !== bp.maxChars) out.policies.maxChars = p.maxChars
  if (p.marketingForbidden !== bp.marketingForbidden) out.policies.marketingForbidden = p.marketingForbidden
  if (p.selfConfirmAllowed !== bp.selfConfirmAllowed) out.policies.selfConfirmAllowed = p.selfConfirmAllowed
  for (const s of SENSITIVITIES) {
    if (inSigningOrder(p.reviewLevels[s]).join() !== inSigningOrder(bp.reviewLevels[s]).join()) out.policies.reviewLevels[s] = [...p.reviewLevels[s]]
  }
  out.refiledOn = f.refiledOn
  out.credentials = { ...f.credentials }
  return out
}
