/**
 * The Wayback-compatible "save" protocol, and the hash of an original.
 *
 * A capture is asked for with a GET of `<service><url>` (the Internet Archive's
 * https://web.archive.org/save/https://example.org/page). The service says where the capture is
 * in `Content-Location`, or by redirecting to it; either is read relative to the service. The
 * time of the capture is the service's own (`Memento-Datetime`, else the 14-digit timestamp in a
 * Wayback address), and only failing both, the time the answer came.
 */
import { createHash } from 'node:crypto';
import { RequestError, type PoliteClient } from './polite.ts';

export const DEFAULT_SERVICE = 'https://web.archive.org/save/';

function failIfNotOk(response: Response, who: string): void {
  if (!response.ok) throw new RequestError(`${who} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
}

/** `2026-12-02T05:00:00Z` from a Memento-Datetime (an HTTP date) or a Wayback timestamp in an address. */
export function captureTime(mementoDatetime: string | null, address: string): string | undefined {
  const memento = mementoDatetime ? Date.parse(mementoDatetime) : NaN;
  if (!Number.isNaN(memento)) return new Date(memento).toISOString().replace('.000Z', 'Z');
  const stamp = /\/(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:[a-z]{2}_)?\//.exec(new URL(address).pathname);
  if (!stamp) return undefined;
  const [, y, mo, d, h, mi, s] = stamp;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}Z`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

/** Asks `service` to capture `url`; resolves to the capture's address and time. */
export async function requestCapture(client: PoliteClient, service: string, url: string): Promise<{ url: string; at: string }> {
  const request = `${service}${url}`;
  return client.get(request, async (response) => {
    failIfNotOk(response, 'the archive service');
    await response.body?.cancel();
    const location = response.headers.get('content-location');
    const redirected = response.url && response.url !== request ? response.url : undefined;
    if (!location && !redirected) throw new RequestError('the archive service did not say where the capture is (no Content-Location, no redirect)');
    const address = new URL(location ?? redirected!, service).href;
    const at = captureTime(response.headers.get('memento-datetime'), address) ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    return { url: address, at };
  });
}

/** SHA-256 (hex, as sha256sum prints it) of the bytes `url` serves now, read as they stream. */
export async function hashOriginal(client: PoliteClient, url: string): Promise<string> {
  return client.get(url, async (response) => {
    failIfNotOk(response, 'the original');
    const hash = createHash('sha256');
    if (response.body) for await (const chunk of response.body) hash.update(chunk);
    return hash.digest('hex');
  });
}

/** Whether `url` still answers: resolves to undefined if it does, else to what went wrong. */
export async function linkRot(client: PoliteClient, url: string): Promise<string | undefined> {
  try {
    return await client.get(url, async (response) => {
      await response.body?.cancel();
      return response.ok ? undefined : `answers ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    });
  } catch (error) {
    if (error instanceof RequestError) return error.message;
    throw error;
  }
}
