import type { Permission } from '../permissions.js'

/** The order lifecycle of the customer's data-architecture document (§3.1), plus CANCELLED. */
export const PHASES = [
  'DRAFT',
  'CONFIGURATION',
  'APPROVAL',
  'PRODUCTION',
  'QUALITY_CONTROL',
  'PACKAGING',
  'SHIPPING',
  'DELIVERED',
  'CANCELLED',
] as const

export type Phase = (typeof PHASES)[number]

/** Conditions a move checks before it happens; each names what it requires in its refusal. */
export type GuardName =
  | 'itemsConfigured'
  | 'tasksCompleted'
  | 'finalInspectionsPassed'
  | 'finalInspectionsApproved'
  | 'finalInspectionFailed'
  | 'ncrsDispositioned'
  | 'noOpenNcrs'

/** What a move does besides changing the phase. */
export type EffectName = 'freezeBoms' | 'storePrices' | 'createTasks'

/** The shipping data the moves to SHIPPING and DELIVERED capture. */
export type ShippingField = 'carrier' | 'trackingNumber' | 'shipDate' | 'deliveredDate'

/** One allowed move: who may make it, what it checks and what it does. */
export interface Move {
  from: Phase
  to: Phase
  /** besides `orders:transition`, the permission this move needs */
  permission: Permission
  guards: readonly GuardName[]
  effects: readonly EffectName[]
  /** the shipping fields the move requires (and the only ones it takes) */
  fields: readonly ShippingField[]
}

const move = (
  [from, to]: [Phase, Phase],
  permission: Permission,
  more: { guards?: GuardName[]; effects?: EffectName[]; fields?: ShippingField[] } = {},
): Move => ({
  from,
  to,
  permission,
  guards: more.guards ?? [],
  effects: more.effects ?? [],
  fields: more.fields ?? [],
})

/** Every allowed move. Anything else is refused with the moves allowed from the current phase. */
export const MOVES: readonly Move[] = [
  move(['DRAFT', 'CONFIGURATION'], 'orders:update'),
  move(['CONFIGURATION', 'DRAFT'], 'orders:update'),
  move(['CONFIGURATION', 'APPROVAL'], 'orders:update', { guards: ['itemsConfigured'] }),
  move(['APPROVAL', 'CONFIGURATION'], 'orders:approve'),
  move(['APPROVAL', 'PRODUCTION'], 'orders:approve', {
    guards: ['itemsConfigured'],
    effects: ['freezeBoms', 'storePrices', 'createTasks'],
  }),
  move(['PRODUCTION', 'QUALITY_CONTROL'], 'tasks:manage', { guards: ['tasksCompleted'] }),
  move(['QUALITY_CONTROL', 'PRODUCTION'], 'qc:inspect', {
    guards: ['finalInspectionFailed', 'ncrsDispositioned'],
  }),
  move(['QUALITY_CONTROL', 'PACKAGING'], 'qc:inspect', {
    guards: ['finalInspectionsPassed', 'finalInspectionsApproved', 'noOpenNcrs'],
  }),
  move(['PACKAGING', 'SHIPPING'], 'tasks:manage', {
    fields: ['carrier', 'trackingNumber', 'shipDate'],
  }),
  move(['SHIPPING', 'DELIVERED'], 'tasks:manage', { fields: ['deliveredDate'] }),
  move(['DRAFT', 'CANCELLED'], 'orders:update'),
  move(['CONFIGURATION', 'CANCELLED'], 'orders:update'),
  move(['APPROVAL', 'CANCELLED'], 'orders:update'),
]

/** The phases in which an order's items and configurations may still change. */
export const EDITABLE_PHASES: ReadonlySet<Phase> = new Set(['DRAFT', 'CONFIGURATION'])

/** The moves allowed from a phase, as `TO` names. */
export function movesFrom(phase: Phase): Phase[] {
  return MOVES.filter((m) => m.from === phase).map((m) => m.to)
}
