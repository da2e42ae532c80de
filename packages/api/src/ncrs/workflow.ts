import { ncrStatus } from '../db/schema/index.js'
import type { Permission } from '../permissions.js'

/** The statuses of a nonconformance report. */
export const NCR_STATUSES = ncrStatus.enumValues
export type NcrStatus = (typeof NCR_STATUSES)[number]

/** The statuses in which an NCR still counts as open: not verified and not rejected. */
export const OPEN_NCR_STATUSES: readonly NcrStatus[] = ['OPEN', 'IN_PROGRESS', 'RESOLVED']

/** Conditions a move checks; each names what it requires in its refusal. */
export type NcrGuardName =
  'hasOwner' | 'hasDisposition' | 'hasCorrectiveAction' | 'hasNote' | 'verifiedByInspection'

/** One allowed move of an NCR: who may make it and what it checks. */
export interface NcrMove {
  from: NcrStatus
  to: NcrStatus
  permission: Permission
  guards: readonly NcrGuardName[]
}

const move = (
  [from, to]: [NcrStatus, NcrStatus],
  permission: Permission,
  guards: NcrGuardName[] = [],
): NcrMove => ({ from, to, permission, guards })

/**
 * Every allowed move, as the order phases are: OPEN → IN_PROGRESS → RESOLVED → VERIFIED, a resolved
 * NCR back to work, and a rejection (not a nonconformance after all) with its reason.
 */
export const NCR_MOVES: readonly NcrMove[] = [
  move(['OPEN', 'IN_PROGRESS'], 'ncrs:manage', ['hasOwner']),
  move(['IN_PROGRESS', 'RESOLVED'], 'ncrs:manage', ['hasDisposition', 'hasCorrectiveAction']),
  move(['RESOLVED', 'IN_PROGRESS'], 'ncrs:manage', ['hasNote']),
  move(['RESOLVED', 'VERIFIED'], 'qc:inspect', ['verifiedByInspection']),
  move(['OPEN', 'REJECTED'], 'ncrs:manage', ['hasNote']),
  move(['IN_PROGRESS', 'REJECTED'], 'ncrs:manage', ['hasNote']),
]

/** The statuses an NCR can move to from a status. */
export function ncrMovesFrom(status: NcrStatus): NcrStatus[] {
  return NCR_MOVES.filter((m) => m.from === status).map((m) => m.to)
}
