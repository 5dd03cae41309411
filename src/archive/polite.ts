/**
 * HTTP the way an archive service and a publisher's server should be asked: one request at a
 * time, a pause between requests, a time limit on each, and retries with growing pauses when the
 * server says it is busy (429) or failing (5xx), honouring its Retry-After.
 */

export interface PoliteOptions {
  /** Pause between the end of one request and the start of the next, and the first back-off. */
  delayMs: number;
  /** Time limit of one request, body included. */
  timeoutMs: number;
  /** How many times a busy or failing answer is asked again. */
  retries: number;
  userAgent: string;
  /** Called before each retry, to say why the command is waiting. */
  onRetry?: (why: string, waitMs: number) => void;
}

/** A request that did not get an answer worth reading: its reason is said in words. */
export class RequestError extends Error {}

/** Retry-After may not hold a command up for more than this. */
const LONGEST_WAIT_MS = 10 * 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const retryable = (status: number) => status === 429 || status >= 500;

/** Retry-After as milliseconds: seconds, or an HTTP date. */
function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function reasonOf(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'no answer within the time limit';
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(error);
}

export class PoliteClient {
  #lastEnd = 0;
  readonly options: PoliteOptions;

  constructor(options: PoliteOptions) {
    this.options = options;
  }

  /**
   * GETs `url`, following redirects, and hands the response to `read` while the time limit still
   * runs (so reading the body is timed too). Busy and failing answers, and requests that failed
   * on the network or timed out, are retried; any other answer is given to `read` as it is.
   */
  async get<T>(url: string, read: (response: Response) => Promise<T>): Promise<T> {
    const { delayMs, timeoutMs, retries, userAgent, onRetry } = this.options;
    for (let attempt = 0; ; attempt++) {
      const wait = this.#lastEnd + delayMs - Date.now();
      if (this.#lastEnd > 0 && wait > 0) await sleep(wait);
      let why: string;
      let retryAfter: number | undefined;
      try {
        const response = await fetch(url, { redirect: 'follow', headers: { 'user-agent': userAgent }, signal: AbortSignal.timeout(timeoutMs) });
        if (!retryable(response.status)) return await read(response);
        why = `answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
        retryAfter = retryAfterMs(response.headers.get('retry-after'));
        await response.body?.cancel();
      } catch (error) {
        if (error instanceof RequestError) throw error;
        why = reasonOf(error);
      } finally {
        this.#lastEnd = Date.now();
      }
      if (attempt >= retries) throw new RequestError(`${why} (asked ${attempt === 0 ? 'once' : `${attempt + 1} times`})`);
      const backoff = Math.min(LONGEST_WAIT_MS, Math.max(retryAfter ?? 0, delayMs * 2 ** attempt));
      onRetry?.(why, backoff);
      await sleep(backoff);
    }
  }
}
