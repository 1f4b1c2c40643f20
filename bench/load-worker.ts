import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';
import {
  type Planned,
  type RescheduleSetup,
  RescheduleWorkload,
  type WorkloadSummary,
} from './reschedule-workload.js';

/**
 * The load generator, in a worker thread so that its own work does not run on the server's event loop.
 * autocannon keeps `connections` keep-alive connections, each with one request in flight (closed loop).
 */
export type LoadScenario =
  | { kind: 'get'; path: string; headers: Record<string, string> }
  | { kind: 'reschedule'; token: string; setup: RescheduleSetup };

export interface LoadRequest {
  baseUrl: string;
  connections: number;
  seconds: number;
  scenario: LoadScenario;
}

export interface LoadResult {
  seconds: number;
  requests: number;
  perSecond: number;
  /** autocannon's latencies, in ms (1 ms resolution). */
  latency: { p50: number; p90: number; p99: number; max: number; mean: number };
  statusCounts: Record<string, number>;
  errors: number;
  timeouts: number;
  workload?: WorkloadSummary;
}

async function run(request: LoadRequest): Promise<LoadResult> {
  const { scenario } = request;
  let workload: RescheduleWorkload | undefined;
  const options: autocannon.Options = {
    url: request.baseUrl,
    connections: request.connections,
    duration: request.seconds,
    timeout: 30,
  };
  if (scenario.kind === 'get') {
    options.url = request.baseUrl + scenario.path;
    options.headers = scenario.headers;
  } else {
    const rescheduling = new RescheduleWorkload(scenario.setup);
    workload = rescheduling;
    const inFlight: Array<Planned | undefined> = [];
    let nextClient = 0;
    const headers = { authorization: `Bearer ${scenario.token}`, 'content-type': 'application/json' };
    options.setupClient = (client) => {
      const index = nextClient++ % rescheduling.clients;
      client.setRequests([
        {
          method: 'POST',
          setupRequest: (req) => {
            const previous = inFlight[index];
            if (previous) rescheduling.abandon(previous);
            const planned = rescheduling.next(index);
            inFlight[index] = planned;
            return {
              ...req,
              method: 'POST',
              path: `/api/v1/bookings/${planned.bookingId}/reschedule`,
              headers,
              body: JSON.stringify({ startsAt: new Date(planned.startsAt).toISOString() }),
            };
          },
          onResponse: (status) => {
            const planned = inFlight[index];
            inFlight[index] = undefined;
            if (planned) rescheduling.settle(planned, status);
          },
        },
      ]);
    };
    const result = await autocannon(options);
    for (const planned of inFlight) if (planned) rescheduling.abandon(planned);
    return summarize(result, workload);
  }
  return summarize(await autocannon(options), workload);
}

function summarize(raw: autocannon.Result, workload: RescheduleWorkload | undefined): LoadResult {
  // Off the main thread autocannon hands back its histograms encoded, for its own workers to merge.
  const aggregate = (autocannon as unknown as { aggregateResult(r: unknown[], o: object): autocannon.Result })
    .aggregateResult;
  const result = typeof raw.latency === 'object' ? raw : aggregate([raw], { url: 'http://127.0.0.1' });
  const statusCounts: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) {
    statusCounts[code] = stats.count ?? 0;
  }
  const requests = Object.values(statusCounts).reduce((a, b) => a + b, 0);
  const latency = result.latency as autocannon.Histogram & { p90: number };
  return {
    seconds: result.duration,
    requests,
    perSecond: requests / result.duration,
    latency: { p50: latency.p50, p90: latency.p90, p99: latency.p99, max: latency.max, mean: latency.mean },
    statusCounts,
    errors: result.errors,
    timeouts: result.timeouts,
    ...(workload && { workload: workload.summary() }),
  };
}

run(workerData as LoadRequest).then(
  (result) => parentPort?.postMessage({ ok: true, result }),
  (error: unknown) => parentPort?.postMessage({ ok: false, error: String((error as Error)?.stack ?? error) }),
);
