import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, events } from '../src/db/schema/index.js'
import type { Order } from './flow.js'
import {
  addRequiredPhotos,
  answerAll,
  orderInProduction,
  pdf,
  PNG,
  startInspection,
  uploadBytes,
} from './flow.js'
import type { TestApi } from './harness.js'
import { createTestApi, json, PASSWORD, USERS } from './harness.js'

let t: TestApi
let order: Order
const tokens: Record<string, string> = {}
const as = (role: keyof typeof USERS) => tokens[role] ?? ''

beforeAll(async () => {
  t = await createTestApi()
  for (const [role, username] of Object.entries(USERS)) tokens[role] = await t.token(username)
  order = await orderInProduction(t, {
    sales: as('SALES_MANAGER'),
    approver: as('PRODUCTION_MANAGER'),
    sinks: [['D-2001', 't2-b1-minimal']],
  })
}, 120_000)
afterAll(async () => {
  await t.close()
})

interface DocumentView {
  id: number
  type: string
  status: string
  statusBy: string | null
  version: number
  url: string
  access: string
  attachedTo: { kind: string; id: number | string }
  versions: { version: number; sha256: string; url: string }[]
}

const itemId = () => order.items[0]?.id ?? 0

function uploadDocument(
  query: string,
  bytes: Uint8Array,
  input: { token?: string; type?: string } = {},
) {
  return uploadBytes(t, {
    path: `/documents?${query}`,
    token: input.token ?? as('PRODUCTION_MANAGER'),
    type: input.type ?? 'application/pdf',
    bytes,
  })
}

describe('documents', () => {
  it('keeps a drawing’s versions: both downloadable, the new one a draft until approved', async () => {
    const first = await uploadDocument(
      `type=DRAWING&title=Approved%20drawing&filename=drawing-v1.pdf&tags=CLP-1.2,drawing&orderItemId=${itemId()}`,
      pdf('v1'),
    )
    expect(first.status, await first.clone().text()).toBe(201)
    const v1 = await json<DocumentView>(first)
    expect(v1).toMatchObject({
      type: 'DRAWING',
      version: 1,
      status: 'DRAFT',
      attachedTo: { kind: 'orderItem', id: itemId() },
    })

    // sales may upload but not approve
    const refused = await t.call('PATCH', `/documents/${v1.id}`, {
      token: as('SALES_MANAGER'),
      body: { status: 'APPROVED' },
    })
    expect(refused.status).toBe(403)
    const approved = await t.call('PATCH', `/documents/${v1.id}`, {
      token: as('QC_INSPECTOR'),
      body: { status: 'APPROVED' },
    })
    expect(await json(approved)).toMatchObject({ status: 'APPROVED', statusBy: USERS.QC_INSPECTOR })

    const second = await uploadBytes(t, {
      path: `/documents/${v1.id}/versions?filename=drawing-v2.pdf`,
      token: as('PRODUCTION_MANAGER'),
      type: 'application/pdf',
      bytes: pdf('v2'),
    })
    expect(second.status, await second.clone().text()).toBe(201)
    const v2 = await json<DocumentView>(second)
    expect(v2.version).toBe(2)
    expect(v2.status).toBe('DRAFT')
    expect(v2.versions.map((v) => v.version)).toEqual([1, 2])

    // the assembler reads both versions and the latest
    for (const [url, text] of [
      [v2.versions[0]?.url, 'v1'],
      [v2.versions[1]?.url, 'v2'],
      [v2.url, 'v2'],
    ] as const) {
      const file = await t.call('GET', url ?? '', { token: as('ASSEMBLY_TECHNICIAN') })
      expect(file.status).toBe(200)
      expect(file.headers.get('content-type')).toBe('application/pdf')
      expect(file.headers.get('x-content-type-options')).toBe('nosniff')
      expect(await file.text()).toContain(`/Title (${text})`)
    }
    const listed = await json<{ documents: DocumentView[] }>(
      await t.call('GET', `/documents?orderItemId=${itemId()}&type=DRAWING`, {
        token: as('ASSEMBLY_TECHNICIAN'),
      }),
    )
    expect(listed.documents.map((d) => d.id)).toEqual([v1.id])
    const missing = await t.call('GET', `/documents/${v1.id}/versions/3/file`, {
      token: as('ASSEMBLY_TECHNICIAN'),
    })
    expect(missing.status).toBe(404)

    const audits = await t.api.services.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'document'), eq(auditLog.entityId, String(v1.id))))
    expect(audits.map((a) => a.action)).toEqual([
      'document.upload',
      'document.update',
      'document.version',
    ])
    const emitted = await t.api.services.db
      .select({ orderId: events.orderId, payload: events.payload })
      .from(events)
      .where(eq(events.type, 'document.uploaded'))
    const versions = emitted
      .map((e) => e.payload as { documentId: number; version: number })
      .filter((p) => p.documentId === v1.id)
    expect(versions.map((p) => p.version)).toEqual([1, 2])
    expect(emitted[0]?.orderId).toBe(order.id)
  })

  it('downloads a file whose name is not Latin-1, by RFC 6266', async () => {
    const name = '図面 Zeichnung ü.pdf'
    const created = await uploadDocument(
      `type=SPECIFICATION&title=Spec&filename=${encodeURIComponent(name)}&orderId=${order.id}`,
      pdf('spec'),
    )
    expect(created.status).toBe(201)
    const { url } = await json<DocumentView>(created)
    const file = await t.call('GET', `${url}?download=true`, { token: as('CUSTOMER_SERVICE') })
    expect(file.status).toBe(200)
    const header = file.headers.get('content-disposition') ?? ''
    expect(header).toBe(
      `attachment; filename="__ Zeichnung _.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    expect(decodeURIComponent(header.split("UTF-8''")[1] ?? '')).toBe(name)
  })

  it('refuses a file whose bytes are not what its type says', async () => {
    const html = new TextEncoder().encode('<html><script>alert(1)</script></html>')
    const lie = await uploadDocument(
      `type=OTHER&title=x&filename=x.png&orderId=${order.id}`,
      html,
      { type: 'image/png' },
    )
    expect(lie.status).toBe(415)
    expect(await json(lie)).toMatchObject({
      type: 'https://torvan.dev/problems/content-mismatch',
      declared: 'image/png',
      detected: null,
    })
    const pdfAsPng = await uploadDocument(
      `type=OTHER&title=x&filename=x.png&orderId=${order.id}`,
      pdf('x'),
      { type: 'image/png' },
    )
    expect(await json(pdfAsPng)).toMatchObject({ status: 415, detected: 'application/pdf' })
    const htmlDeclared = await uploadDocument(
      `type=OTHER&title=x&filename=x.html&orderId=${order.id}`,
      html,
      { type: 'text/html' },
    )
    expect(htmlDeclared.status).toBe(415)
    expect((await json(htmlDeclared))['detail']).toMatch(/^A document is application\/pdf, /)
    const empty = await uploadDocument(
      `type=OTHER&title=x&filename=x.pdf&orderId=${order.id}`,
      new Uint8Array(),
    )
    expect(empty.status).toBe(400)
  })

  it('refuses bad metadata with a 400 naming the field', async () => {
    for (const query of [
      `type=DRAWING&title=x&filename=x.pdf&orderId=${order.id}&orderItemId=${itemId()}`,
      'type=DRAWING&title=x&filename=x.pdf',
      `type=BLUEPRINT&title=x&filename=x.pdf&orderId=${order.id}`,
      `type=DRAWING&title=x&filename=a%00b.pdf&orderId=${order.id}`,
      `type=DRAWING&title=x&filename=..%2Fetc.pdf&orderId=${order.id}`,
      'type=DRAWING&title=x&filename=x.pdf&orderId=99999999999',
    ]) {
      const response = await uploadDocument(query, pdf('x'))
      expect(response.status, query).toBe(400)
      expect((await json<{ errors?: unknown[] }>(response)).errors?.length, query).toBeGreaterThan(
        0,
      )
    }
    const nowhere = await uploadDocument(
      'type=DRAWING&title=x&filename=x.pdf&orderId=999999',
      pdf('x'),
    )
    expect(nowhere.status).toBe(404)
  })

  it('shows a RESTRICTED document only to roles that may read that level', async () => {
    const created = await uploadDocument(
      `type=CERTIFICATE&title=Calibration&filename=cal.pdf&access=RESTRICTED&orderId=${order.id}`,
      pdf('cal'),
    )
    expect(created.status).toBe(201)
    const { id } = await json<DocumentView>(created)
    expect((await t.call('GET', `/documents/${id}`, { token: as('QC_INSPECTOR') })).status).toBe(
      200,
    )
    for (const role of ['ASSEMBLY_TECHNICIAN', 'SALES_MANAGER', 'CUSTOMER_SERVICE'] as const) {
      expect((await t.call('GET', `/documents/${id}`, { token: as(role) })).status, role).toBe(404)
      expect((await t.call('GET', `/documents/${id}/file`, { token: as(role) })).status).toBe(404)
      const list = await json<{ documents: { id: number }[] }>(
        await t.call('GET', `/documents?orderId=${order.id}`, { token: as(role) }),
      )
      expect(list.documents.map((d) => d.id)).not.toContain(id)
    }
    const confidential = await uploadDocument(
      `type=OTHER&title=x&filename=x.pdf&access=CONFIDENTIAL&orderId=${order.id}`,
      pdf('x'),
    )
    expect(confidential.status).toBe(403)
  })

  it('holds each user to the upload quota, also under parallel uploads', async () => {
    const saved = t.api.services.uploadQuota
    const size = pdf('quota-0').length
    const token = await t.token(USERS.SALES_MANAGER)
    t.api.services.uploadQuota = { bytes: 3 * size, windowHours: 24 }
    try {
      const answers = await Promise.all(
        [0, 1, 2, 3, 4].map((i) =>
          uploadDocument(
            `type=OTHER&title=q${i}&filename=q${i}.pdf&orderId=${order.id}`,
            pdf(`quota-${i}`),
            {
              token,
            },
          ),
        ),
      )
      const statuses = answers.map((a) => a.status).sort()
      expect(statuses).toEqual([201, 201, 201, 429, 429])
      const refused = answers.find((a) => a.status === 429)
      expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(await json(refused as Response)).toMatchObject({ quotaBytes: 3 * size })
      // a day later the window has room again
      t.clock.advance(25 * 3_600_000)
      const login = await t.call('POST', '/auth/login', {
        body: { username: USERS.SALES_MANAGER, password: PASSWORD },
      })
      const later = await uploadDocument(
        `type=OTHER&title=later&filename=later.pdf&orderId=${order.id}`,
        pdf('quota-0'),
        { token: (await json<{ token: string }>(login)).token },
      )
      expect(later.status).toBe(201)
    } finally {
      t.clock.advance(-25 * 3_600_000)
      t.api.services.uploadQuota = saved
    }
  })
})

describe('inspection photos', () => {
  it('takes photos per row while the inspection is open, from roles that can read it, and none after signing', async () => {
    const inspection = await startInspection(t, {
      itemId: itemId(),
      token: as('QC_INSPECTOR'),
      body: { template: 't2-final-qc' },
    })
    const row = inspection.items.find((r) => r.definition.kind !== 'PROC')?.key ?? ''
    const path = `/inspections/${inspection.id}/photos?filename=label.png&row=${encodeURIComponent(row)}`
    const stored = await uploadBytes(t, {
      path,
      token: as('QC_INSPECTOR'),
      type: 'image/png',
      bytes: PNG,
    })
    expect(stored.status, await stored.clone().text()).toBe(201)
    expect(await json(stored)).toMatchObject({ row })
    // an idempotency key answers a retry with the first photo, and refuses other bytes
    const keyed = (bytes: Uint8Array) =>
      uploadBytes(t, {
        path,
        token: as('QC_INSPECTOR'),
        type: 'image/png',
        bytes,
        headers: { 'Idempotency-Key': 'photo-1' },
      })
    const first = await keyed(PNG)
    expect(first.status).toBe(201)
    const again = await keyed(PNG)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(await json(again)).toEqual(await json(first))
    expect((await keyed(new Uint8Array([...PNG, 0]))).status).toBe(422)
    // the assembler may upload documents but not read inspections
    const assembler = await uploadBytes(t, {
      path,
      token: as('ASSEMBLY_TECHNICIAN'),
      type: 'image/png',
      bytes: PNG,
    })
    expect(assembler.status).toBe(403)
    expect(await json(assembler)).toMatchObject({ permission: 'qc:read' })
    const noRow = await uploadBytes(t, {
      path: `/inspections/${inspection.id}/photos?row=nope`,
      token: as('QC_INSPECTOR'),
      type: 'image/png',
      bytes: PNG,
    })
    expect(noRow.status).toBe(404)
    const lie = await uploadBytes(t, {
      path,
      token: as('QC_INSPECTOR'),
      type: 'image/jpeg',
      bytes: PNG,
    })
    expect(await json(lie)).toMatchObject({ status: 415, detected: 'image/png' })
    const view = await json<{ photos: { row: string | null; url: string }[] }>(
      await t.call('GET', `/inspections/${inspection.id}`, { token: as('CUSTOMER_SERVICE') }),
    )
    expect(view.photos.map((p) => p.row)).toEqual([row, row])
    // service reads inspections; the assembler does not, so the photo is hidden from them
    const url = view.photos[0]?.url ?? ''
    expect((await t.call('GET', url, { token: as('CUSTOMER_SERVICE') })).status).toBe(200)
    expect((await t.call('GET', url, { token: as('ASSEMBLY_TECHNICIAN') })).status).toBe(404)

    // a text answer made of digits stays text (it came back as a number, and the row as unanswered)
    const text = inspection.items.find((r) => r.definition.kind === 'TEXT')?.key ?? ''
    await answerAll(t, { inspection, token: as('QC_INSPECTOR'), values: { [text]: '34567' } })
    await addRequiredPhotos(t, { inspection, token: as('QC_INSPECTOR') })
    const submitted = await t.call('POST', `/inspections/${inspection.id}/submit`, {
      token: as('QC_INSPECTOR'),
      body: { signature: 'Q. Inspector' },
    })
    expect(submitted.status, await submitted.clone().text()).toBe(200)
    const signed = await json<{ items: { key: string; value: unknown }[] }>(submitted)
    expect(signed.items.find((r) => r.key === text)?.value).toBe('34567')
    const late = await uploadBytes(t, {
      path,
      token: as('QC_INSPECTOR'),
      type: 'image/png',
      bytes: PNG,
    })
    expect(late.status).toBe(409)
    expect((await json(late))['detail']).toMatch(/submitted and signed: nothing can be added/)
    const lateDocument = await uploadDocument(
      `type=CERTIFICATE&title=x&filename=x.pdf&inspectionId=${inspection.id}`,
      pdf('late'),
      { token: as('QC_INSPECTOR') },
    )
    expect(lateDocument.status).toBe(409)
  })
})
