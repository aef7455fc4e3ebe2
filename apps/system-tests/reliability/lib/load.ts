import autocannon from 'autocannon';
import type { LoadFigures } from './figures.js';

export interface LoadOptions {
  target: string;
  baseUrl: string;
  /** Paths requested in turn by each connection. */
  paths: string[];
  connections: number;
  seconds: number;
  /** A request unanswered after this long counts as a timeout (autocannon's default is 10). */
  timeoutSeconds: number;
  /** Called with every response when given (autocannon then reads the bodies). */
  onResponse?: (path: string, status: number, body: string) => void;
}

/** Runs autocannon and keeps its figures. */
export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  const result = await autocannon({
    url: options.baseUrl,
    connections: options.connections,
    duration: options.seconds,
    timeout: options.timeoutSeconds,
    requests: options.paths.map((path) => ({
      method: 'GET' as const,
      path,
      ...(options.onResponse === undefined
        ? {}
        : {
            onResponse: (status: number, body: string) => {
              options.onResponse?.(path, status, body);
            },
          }),
    })),
  });
  return {
    target: options.target,
    paths: options.paths,
    connections: options.connections,
    seconds: options.seconds,
    timeoutSeconds: options.timeoutSeconds,
    requests: result.requests.total,
    reqPerSec: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMaxMs: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    megabytes: Math.round((result.throughput.total / 1_048_576) * 10) / 10,
  };
}
