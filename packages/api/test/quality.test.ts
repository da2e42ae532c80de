import { and, eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, events, qcTemplates } from '../src/db/schema/index.js'
import type { FlowTask, Order } from './flow.js'
import {
  addRequiredPhotos,
  answerAll,
  completeTask,
  decide,
  inspect,
  moveOrder,
  orderInProduction,
  pdf,
  PNG,
  startInspection,
  uploadBytes,
} from './flow.js'
import type { TestApi } from './harness.js'
import { createTestApi, json, PASSWORD, USERS } from './harness.js'

let t: TestApi
const tokens: Record<string, string> = {}
const as = (role: keyof typeof USERS | 'QC2') => tokens[role] ?? ''

beforeAll(async () => {
  t = await createTestApi()
  for (const [role, username] of Object.entries(USERS)) tokens[role] = await t.token(username)
  // a second inspector: the one who approves
  const created = await t.call('POST', '/users', {
    token: as('ADMIN'),
    body: {
      username: 'qc2',
      displayName: 'Robin Reviewer',
      password: PASSWORD,
      roles: ['QC_INSPECTOR'],
    },
  })
  expect(created.status, await created.clone().text()).toBe(201)
  tokens['QC2'] = await t.token('qc2')
}, 120_000)
afterAll(async () => {
  await t.close()
})

interface Ncr {
  id: number
  version: number
  status: string
  severity: string
  rows: string[]
  disposition: string | null
  verifiedByInspectionId: number | null
  history: { from: string | null; to: string }[]
}

async function ncr(id: number): Promise<Ncr> {
  return json<Ncr>(await t.call('GET', `/ncrs/${id}`, { token: as('CUSTOMER_SERVICE') }))
}

async function moveNcr(id: number, to: string, note?: string): Promise<Response> {
  const { version } = await ncr(id)
  return t.call('POST', `/ncrs/${id}/transitions`, {
    token: as('QC_INSPECTOR'),
    body: { version, to, ...(note === undefined ? {} : { note }) },
  })
}

describe('the quality record from a critical failure to packaging', () => {
  it('opens an NCR, reworks, re-inspects, approves by a second person and packs; refuses each move while something is missing', async () => {
    let order: Order = await orderInProduction(t, {
      sales: as('SALES_MANAGER'),
      approver: as('PRODUCTION_MANAGER'),
      sinks: [['Q-3001', 't2-b1-minimal']],
    })
    const itemId = order.items[0]?.id ?? 0

    // the approved drawing (CLP 1.2) on the sink, as version 1 and 2
    const drawing = await uploadBytes(t, {
      path: `/documents?type=DRAWING&title=Approved%20drawing&filename=drawing.pdf&orderItemId=${itemId}`,
      token: as('PRODUCTION_MANAGER'),
      type: 'application/pdf',
      bytes: pdf('rev A'),
    })
    expect(drawing.status, await drawing.clone().text()).toBe(201)
    const { id: drawingId } = await json<{ id: number }>(drawing)
    const revised = await uploadBytes(t, {
      path: `/documents/${drawingId}/versions?filename=drawing-rev-b.pdf`,
      token: as('PRODUCTION_MANAGER'),
      type: 'application/pdf',
      bytes: pdf('rev B'),
    })
    expect(revised.status).toBe(201)
    // bytes that are not what their type says
    const html = await uploadBytes(t, {
      path: `/documents/${drawingId}/versions?filename=drawing.pdf`,
      token: as('PRODUCTION_MANAGER'),
      type: 'application/pdf',
      bytes: new TextEncoder().encode('<!doctype html><p>not a PDF</p>'),
    })
    expect(html.status).toBe(415)

    // the tasks keep their template's fields; the assembler sees the drawing on the Pre-QC task
    const assembler = await json<{ id: number }>(
      await t.call('GET', '/me', { token: as('ASSEMBLY_TECHNICIAN') }),
    )
    const { tasks } = await json<{ tasks: (FlowTask & { type: string; sequence: number })[] }>(
      await t.call('GET', `/tasks?orderId=${order.id}`, { token: as('PRODUCTION_MANAGER') }),
    )
    for (const task of tasks) {
      const assigned = await t.call('PATCH', `/tasks/${task.id}`, {
        token: as('PRODUCTION_MANAGER'),
        body: { version: task.version, assigneeId: assembler.id },
      })
      expect(assigned.status).toBe(200)
      expect(await json(assigned)).toMatchObject({ assignedBy: expect.any(Number) as number })
      task.version += 1
    }
    const preQc = tasks.find((task) => task.key === 'pre-qc')
    expect(preQc).toMatchObject({ type: 'INSPECTION', sequence: 1, qcKind: 'PRE_QC' })
    const detail = await json<{
      workInstructions: string
      requiredTools: string[]
      documents: { id: number; versions: { url: string }[] }[]
    }>(await t.call('GET', `/tasks/${preQc?.id}`, { token: as('ASSEMBLY_TECHNICIAN') }))
    expect(detail.requiredTools).toContain('tape measure')
    expect(detail.documents.map((d) => d.id)).toEqual([drawingId])
    for (const [i, version] of (detail.documents[0]?.versions ?? []).entries()) {
      const file = await t.call('GET', version.url, { token: as('ASSEMBLY_TECHNICIAN') })
      expect(await file.text()).toContain(i === 0 ? 'rev A' : 'rev B')
    }

    // a work note and a problem that raises an NCR
    const note = await t.call('POST', `/tasks/${preQc?.id}/notes`, {
      token: as('ASSEMBLY_TECHNICIAN'),
      body: { kind: 'PROBLEM', text: 'a scratch on the backsplash', ncr: { severity: 'MINOR' } },
    })
    expect(note.status, await note.clone().text()).toBe(201)
    const { ncrId: scratchNcr } = await json<{ ncrId: number }>(note)

    // the Pre-QC task completes only with its inspection
    const start = await t.call('PATCH', `/tasks/${preQc?.id}`, {
      token: as('ASSEMBLY_TECHNICIAN'),
      body: { version: preQc?.version, status: 'IN_PROGRESS' },
    })
    expect(start.status).toBe(200)
    const early = await t.call('PATCH', `/tasks/${preQc?.id}`, {
      token: as('ASSEMBLY_TECHNICIAN'),
      body: { version: (preQc?.version ?? 0) + 1, status: 'COMPLETED' },
    })
    expect(early.status).toBe(409)
    expect(await json(early)).toMatchObject({ guard: 'inspectionSubmitted' })
    const preInspection = await inspect(t, {
      itemId,
      token: as('QC_INSPECTOR'),
      body: { taskId: preQc?.id },
    })
    expect(preInspection.result).toBe('PASS')
    if (preQc !== undefined) preQc.version += 1
    const done = await t.call('PATCH', `/tasks/${preQc?.id}`, {
      token: as('ASSEMBLY_TECHNICIAN'),
      body: { version: preQc?.version, status: 'COMPLETED', actualHours: 0.75 },
    })
    expect(done.status, await done.clone().text()).toBe(200)
    for (const task of tasks.filter((task) => task.key !== 'pre-qc'))
      await completeTask(t, { task, token: as('ASSEMBLY_TECHNICIAN'), qc: as('QC_INSPECTOR') })

    const progress = await json<{
      tasks: { done: number; total: number }
      hours: { estimated: string; actual: string }
      sinks: { blocking: string[] }[]
      moves: { to: string; blockedBy: unknown[] }[]
    }>(await t.call('GET', `/orders/${order.id}/progress`, { token: as('CUSTOMER_SERVICE') }))
    expect(progress.tasks).toEqual({ done: tasks.length, cancelled: 0, total: tasks.length })
    expect(Number(progress.hours.actual)).toBeCloseTo(0.75 + 0.5 * (tasks.length - 1))
    expect(progress.moves).toEqual([
      { to: 'QUALITY_CONTROL', permission: 'tasks:manage', blockedBy: [] },
    ])
    expect(progress.sinks[0]?.blocking).toEqual([
      `NCR ${scratchNcr} (MINOR) is OPEN, without a disposition`,
    ])

    order = await json<Order>(
      await moveOrder(t, { order, to: 'QUALITY_CONTROL', token: as('PRODUCTION_MANAGER') }),
    )

    // the final inspection fails a critical row: an NCR opens by itself
    const final = await startInspection(t, {
      itemId,
      token: as('QC_INSPECTOR'),
      body: { template: 't2-final-qc' },
    })
    const critical = final.items.find((r) => r.definition.critical && r.definition.kind === 'CHECK')
    await answerAll(t, {
      inspection: final,
      token: as('QC_INSPECTOR'),
      values: { [critical?.key ?? '']: false },
    })
    const noPhoto = await t.call('POST', `/inspections/${final.id}/submit`, {
      token: as('QC_INSPECTOR'),
      body: { signature: 'Q. Inspector' },
    })
    expect(noPhoto.status).toBe(409)
    expect(await json(noPhoto)).toMatchObject({ photosMissing: [{ key: 'A.6', need: 1, have: 0 }] })
    await addRequiredPhotos(t, { inspection: final, token: as('QC_INSPECTOR') })
    const failed = await t.call('POST', `/inspections/${final.id}/submit`, {
      token: as('QC_INSPECTOR'),
      body: { signature: 'Q. Inspector' },
    })
    expect(await json(failed)).toMatchObject({
      result: 'FAIL',
      approval: { status: 'PENDING' },
      passPercentage: expect.stringMatching(/^\d+\.\d{2}$/) as string,
    })
    const signedPhoto = await uploadBytes(t, {
      path: `/inspections/${final.id}/photos?row=A.6`,
      token: as('QC_INSPECTOR'),
      type: 'image/png',
      bytes: PNG,
    })
    expect(signedPhoto.status).toBe(409)
    const open = await json<{ ncrs: Ncr[] }>(
      await t.call('GET', `/ncrs?orderId=${order.id}&severity=CRITICAL&status=OPEN`, {
        token: as('QC_INSPECTOR'),
      }),
    )
    expect(open.ncrs).toHaveLength(1)
    const critNcr = open.ncrs[0]?.id ?? 0
    expect(open.ncrs[0]?.rows).toEqual([critical?.key])

    // rework waits for a disposition
    const refusedRework = await moveOrder(t, { order, to: 'PRODUCTION', token: as('QC_INSPECTOR') })
    expect(refusedRework.status).toBe(409)
    expect(await json(refusedRework)).toMatchObject({ guard: 'ncrsDispositioned' })
    const inspector = await json<{ id: number }>(
      await t.call('GET', '/me', { token: as('QC_INSPECTOR') }),
    )
    for (const id of [critNcr, scratchNcr]) {
      const patched = await t.call('PATCH', `/ncrs/${id}`, {
        token: as('QC_INSPECTOR'),
        body: {
          version: (await ncr(id)).version,
          ownerId: inspector.id,
          disposition: id === critNcr ? 'REWORK' : 'USE_AS_IS',
          correctiveAction: id === critNcr ? 'replace the failed part' : 'cosmetic, accepted',
          dueDate: '2027-01-10',
        },
      })
      expect(patched.status, await patched.clone().text()).toBe(200)
    }
    const notYet = await moveNcr(critNcr, 'VERIFIED')
    expect(await json(notYet)).toMatchObject({ status: 409, allowed: ['IN_PROGRESS', 'REJECTED'] })
    expect((await moveNcr(critNcr, 'IN_PROGRESS')).status).toBe(200)
    order = await json<Order>(
      await moveOrder(t, { order, to: 'PRODUCTION', token: as('QC_INSPECTOR') }),
    )
    expect((await moveNcr(critNcr, 'RESOLVED')).status).toBe(200)
    order = await json<Order>(
      await moveOrder(t, { order, to: 'QUALITY_CONTROL', token: as('PRODUCTION_MANAGER') }),
    )
    // a resolved rework is verified by a passed re-inspection only
    const unverified = await moveNcr(critNcr, 'VERIFIED')
    expect(await json(unverified)).toMatchObject({ status: 409, guard: 'verifiedByInspection' })

    const again = await inspect(t, {
      itemId,
      token: as('QC_INSPECTOR'),
      body: { template: 't2-final-qc', verifiesNcrId: critNcr },
    })
    expect(again.result).toBe('PASS')
    const unapproved = await moveOrder(t, { order, to: 'PACKAGING', token: as('QC_INSPECTOR') })
    expect(unapproved.status).toBe(409)
    expect(await json(unapproved)).toMatchObject({ guard: 'finalInspectionsApproved' })
    const own = await decide(t, { id: again.id, token: as('QC_INSPECTOR') })
    expect(own.status).toBe(403)
    expect((await json(own))['detail']).toMatch(/a second person approves it/)
    const assemblerApproves = await decide(t, { id: again.id, token: as('ASSEMBLY_TECHNICIAN') })
    expect(assemblerApproves.status).toBe(403)
    const approved = await decide(t, { id: again.id, token: as('QC2'), note: 'checked' })
    expect(approved.status, await approved.clone().text()).toBe(200)
    expect(await json(approved)).toMatchObject({
      approval: { status: 'APPROVED', approver: 'qc2', note: 'checked' },
      verifiesNcrId: critNcr,
    })
    expect(await ncr(critNcr)).toMatchObject({
      status: 'VERIFIED',
      verifiedByInspectionId: again.id,
    })

    // the scratch NCR is still open
    const stillOpen = await moveOrder(t, { order, to: 'PACKAGING', token: as('QC_INSPECTOR') })
    expect(await json(stillOpen)).toMatchObject({ status: 409, guard: 'noOpenNcrs' })
    expect((await moveNcr(scratchNcr, 'IN_PROGRESS')).status).toBe(200)
    expect((await moveNcr(scratchNcr, 'RESOLVED')).status).toBe(200)
    expect((await moveNcr(scratchNcr, 'VERIFIED')).status).toBe(200)
    const packed = await moveOrder(t, { order, to: 'PACKAGING', token: as('QC_INSPECTOR') })
    expect(packed.status, await packed.clone().text()).toBe(200)

    // every change has its audit row and its event
    const audits = await t.api.services.db
      .select({ action: auditLog.action, requestId: auditLog.requestId })
      .from(auditLog)
      .where(
        inArray(auditLog.action, [
          'ncr.open',
          'ncr.update',
          'ncr.transition',
          'inspection.approve',
          'task.note',
        ]),
      )
    const counted = (action: string) => audits.filter((a) => a.action === action).length
    expect(counted('ncr.open')).toBe(2)
    expect(counted('ncr.update')).toBe(2)
    expect(counted('ncr.transition')).toBe(6)
    expect(counted('inspection.approve')).toBe(1)
    expect(counted('task.note')).toBe(1)
    expect(audits.every((a) => a.requestId !== null)).toBe(true)
    const emitted = await t.api.services.db
      .select({ type: events.type })
      .from(events)
      .where(
        and(
          eq(events.orderId, order.id),
          inArray(events.type, ['ncr.opened', 'ncr.changed', 'inspection.approved']),
        ),
      )
    expect(emitted.filter((e) => e.type === 'ncr.opened')).toHaveLength(2)
    expect(emitted.filter((e) => e.type === 'ncr.changed')).toHaveLength(8)
    expect(emitted.filter((e) => e.type === 'inspection.approved')).toHaveLength(1)
    expect((await ncr(critNcr)).history.map((h) => h.to)).toEqual([
      'OPEN',
      'IN_PROGRESS',
      'RESOLVED',
      'VERIFIED',
    ])
  })

  it('picks the latest template version as a version: V10 after V9', async () => {
    const [base] = await t.api.services.db
      .select()
      .from(qcTemplates)
      .where(eq(qcTemplates.code, 't2-final-qc'))
    if (base === undefined) throw new Error('no final QC template')
    const copy = { code: base.code, formCode: base.formCode, name: base.name, kind: base.kind }
    for (const version of ['V9', 'V10'])
      await t.api.services.db.insert(qcTemplates).values({
        ...copy,
        version,
        definition: { ...base.definition, version },
      })
    const order = await orderInProduction(t, {
      sales: as('SALES_MANAGER'),
      approver: as('PRODUCTION_MANAGER'),
      sinks: [['Q-3002', 't2-b1-minimal']],
    })
    const started = await startInspection(t, {
      itemId: order.items[0]?.id ?? 0,
      token: as('QC_INSPECTOR'),
      body: { template: 't2-final-qc' },
    })
    expect((started as unknown as { template: { version: string } }).template.version).toBe('V10')
    const templates = await json<{ templates: { code: string; version: string }[] }>(
      await t.call('GET', '/qc/templates', { token: as('QC_INSPECTOR') }),
    )
    expect(
      templates.templates.filter((tpl) => tpl.code === 't2-final-qc').map((tpl) => tpl.version),
    ).toEqual(['V01', 'V9', 'V10'])
  })

  it('lets one of two simultaneous NCR moves and one of two simultaneous approvals win', async () => {
    const order = await orderInProduction(t, {
      sales: as('SALES_MANAGER'),
      approver: as('PRODUCTION_MANAGER'),
      sinks: [['Q-3003', 't2-b1-minimal']],
    })
    const itemId = order.items[0]?.id ?? 0
    const raised = await t.call('POST', '/ncrs', {
      token: as('ASSEMBLY_TECHNICIAN'),
      body: { orderItemId: itemId, severity: 'MAJOR', description: 'a dent in the frame' },
    })
    expect(raised.status, await raised.clone().text()).toBe(201)
    const { id, version } = await json<Ncr>(raised)
    const [a, b] = await Promise.all(
      ['not a nonconformance', 'duplicate'].map((note) =>
        t.call('POST', `/ncrs/${id}/transitions`, {
          token: as('QC_INSPECTOR'),
          body: { version, to: 'REJECTED', note },
        }),
      ),
    )
    expect([a?.status, b?.status].sort()).toEqual([200, 412])
    expect((await ncr(id)).history.map((h) => h.to)).toEqual(['OPEN', 'REJECTED'])

    const { id: inspectionId } = await inspect(t, {
      itemId,
      token: as('QC_INSPECTOR'),
      body: { template: 't2-final-qc' },
    })
    const decisions = await Promise.all([
      decide(t, { id: inspectionId, token: as('QC2') }),
      decide(t, {
        id: inspectionId,
        token: as('ADMIN'),
        decision: 'REJECT',
        note: 'blurred photo',
      }),
    ])
    expect(decisions.map((d) => d.status).sort()).toEqual([200, 409])
    const decided = await t.api.services.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entity, 'inspection'),
          eq(auditLog.entityId, String(inspectionId)),
          inArray(auditLog.action, ['inspection.approve', 'inspection.reject']),
        ),
      )
    expect(decided).toHaveLength(1)
  })

  it('refuses bad NCR input with a 4xx naming the field', async () => {
    const bad = [
      { severity: 'CRITICAL', description: 'x' },
      { orderItemId: 1, inspectionId: 1, severity: 'MINOR', description: 'x' },
      { orderItemId: 1, severity: 'HUGE', description: 'x' },
      { orderItemId: 1, severity: 'MINOR', description: '' },
      { orderItemId: 1, rows: ['A.1'], severity: 'MINOR', description: 'x' },
      { orderItemId: 99999999999, severity: 'MINOR', description: 'x' },
    ]
    for (const body of bad) {
      const response = await t.call('POST', '/ncrs', { token: as('QC_INSPECTOR'), body })
      expect(response.status, JSON.stringify(body)).toBe(400)
    }
    const missing = await t.call('POST', '/ncrs', {
      token: as('QC_INSPECTOR'),
      body: { orderItemId: 999_999, severity: 'MINOR', description: 'x' },
    })
    expect(missing.status).toBe(404)
    const list = await t.call('GET', '/ncrs?olderThanDays=-1', { token: as('QC_INSPECTOR') })
    expect(list.status).toBe(400)
  })
})
