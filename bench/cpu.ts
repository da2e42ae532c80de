// CPU time from /proc: a process's user + system time, and PostgreSQL's backends by application name
import { readFileSync } from 'node:fs'
import type postgres from 'postgres'

/** clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on Linux) */
const TICKS_PER_SECOND = 100

/** A process's CPU time (user + system) in milliseconds, or 0 once it has gone. */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // the fields after the command name, which is in parentheses and may hold spaces
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ticks = Number(fields[11]) + Number(fields[12])
    return (ticks * 1000) / TICKS_PER_SECOND
  } catch {
    return 0
  }
}

/** The CPU time (ms) of each PostgreSQL backend connected under `applicationName`, by pid. */
export async function backendsCpuMs(
  monitor: postgres.Sql,
  applicationName: string,
): Promise<Map<number, number>> {
  const rows = await monitor<{ pid: number }[]>`
    select pid from pg_stat_activity
    where application_name = ${applicationName} and datname = current_database()`
  return new Map(rows.map((row) => [row.pid, processCpuMs(row.pid)]))
}

/** What a run cost: CPU ms of the server process, its PostgreSQL backends and the load generator. */
export interface CpuSpent {
  server: number
  postgres: number
  load: number
}

/** Starts counting the CPU of a server (its pid and its backends' application name) and of this process. */
export async function startCpu(
  monitor: postgres.Sql,
  target: { pid: number; applicationName: string },
): Promise<() => Promise<CpuSpent>> {
  const server = processCpuMs(target.pid)
  const backends = await backendsCpuMs(monitor, target.applicationName)
  const load = process.cpuUsage()
  return async () => {
    const used = process.cpuUsage(load)
    const after = await backendsCpuMs(monitor, target.applicationName)
    let postgresMs = 0
    // a backend that started during the run counts from 0; one that ended is lost (rare: pools keep them)
    for (const [pid, ms] of after) postgresMs += ms - (backends.get(pid) ?? 0)
    return {
      server: processCpuMs(target.pid) - server,
      postgres: postgresMs,
      load: (used.user + used.system) / 1000,
    }
  }
}
