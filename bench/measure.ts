// measuring with tinybench: medians and p99 per task, ratios against a baseline measured in the same run
import { Bench } from 'tinybench'

/** One measured figure, as written to bench/results/latest.json. */
export interface BenchResult {
  name: string
  median_ms: number
  p99_ms: number
  samples: number
  /** the goal, where there is one */
  target_ms?: number
  /** the task this one is compared with, measured in the same run */
  baseline?: string
  /** baseline median / this median: how many times faster */
  ratio?: number
  /** load tests: requests per second, failed requests, and their goals */
  throughput_rps?: number
  errors?: number
  target_rps?: number
  target_p99_ms?: number
  /** load tests: CPU milliseconds per request of the server, its PostgreSQL backends, the load generator */
  cpu_ms_per_request?: { server: number; postgres: number; load: number }
  /** load tests: this req/s ÷ the baseline's in the same run (median of paired rounds, and range) */
  throughput_ratio?: number
  throughput_ratio_range?: [number, number]
}

/** A task to measure; `fn` may be async. */
export interface BenchTask {
  name: string
  fn: () => unknown
  target_ms?: number
  /** the name of another task in the same group to compare with */
  baseline?: string
}

/** Runs a group of tasks in one tinybench Bench and returns their figures. */
export async function measure(
  tasks: readonly BenchTask[],
  options: { quick: boolean },
): Promise<BenchResult[]> {
  const bench = new Bench({
    time: options.quick ? 100 : 1500,
    warmupTime: options.quick ? 20 : 250,
    iterations: options.quick ? 5 : 50,
  })
  for (const task of tasks) bench.add(task.name, task.fn)
  await bench.run()
  const results: BenchResult[] = bench.tasks.map((task, i) => {
    const result = task.result as {
      latency?: { p50?: number; p99?: number; samplesCount?: number }
      error?: unknown
    }
    if (result.latency === undefined) {
      throw new Error(`benchmark ${task.name} failed: ${String(result.error)}`)
    }
    const spec = tasks[i] as BenchTask
    const figure: BenchResult = {
      name: task.name,
      median_ms: round(result.latency.p50 ?? Number.NaN),
      p99_ms: round(result.latency.p99 ?? Number.NaN),
      samples: result.latency.samplesCount ?? 0,
    }
    if (spec.target_ms !== undefined) figure.target_ms = spec.target_ms
    return figure
  })
  for (const [i, spec] of tasks.entries()) {
    if (spec.baseline === undefined) continue
    const baseline = results.find((r) => r.name === spec.baseline)
    const figure = results[i] as BenchResult
    if (baseline === undefined)
      throw new Error(`benchmark ${spec.name}: no baseline task ${spec.baseline}`)
    figure.baseline = baseline.name
    figure.ratio = Math.round((baseline.median_ms / figure.median_ms) * 10) / 10
  }
  return results
}

function round(ms: number): number {
  return Number(ms.toPrecision(4))
}

/** The figure of timings measured by hand (runs too long for tinybench): median, p99 and count. */
export function summarise(name: string, times: readonly number[]): BenchResult {
  const sorted = [...times].sort((a, b) => a - b)
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN
  return { name, median_ms: round(at(0.5)), p99_ms: round(at(0.99)), samples: sorted.length }
}
