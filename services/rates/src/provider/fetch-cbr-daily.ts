import { ProviderUnavailable } from '../domain/rates.errors.ts';
import { type CbrDaily, CbrFormatError, decodeXml, parseCbrDaily } from './cbr-daily.ts';

/** Largest body accepted from the provider; the real file is about 10 kB. */
const MAX_BYTES = 2_000_000;

/**
 * Downloads and parses the CBR daily file. Every failure (network, timeout, HTTP status, charset,
 * malformed XML) becomes ProviderUnavailable. Never call it inside a transaction (DESIGN §1).
 */
export async function fetchCbrDaily(url: string, timeoutMs: number): Promise<CbrDaily> {
  const failed = (error: unknown) => {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return ProviderUnavailable(timedOut ? `no answer from ${url} within ${timeoutMs} ms` : `cannot fetch ${url}: ${String(error)}`, error);
  };
  const signal = AbortSignal.timeout(timeoutMs);
  const response = await fetch(url, { signal, headers: { accept: 'application/xml, text/xml' } }).catch((error) => {
    throw failed(error);
  });
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw ProviderUnavailable(`HTTP ${response.status} from ${url}`);
  }
  // The timeout covers the body too: a server that stalls mid-answer is a failure, not a hang.
  const bytes = new Uint8Array(
    await response.arrayBuffer().catch((error) => {
      throw failed(error);
    }),
  );
  if (bytes.byteLength > MAX_BYTES) throw ProviderUnavailable(`the answer from ${url} is larger than ${MAX_BYTES} bytes`);
  try {
    return parseCbrDaily(decodeXml(bytes, response.headers.get('content-type')));
  } catch (error) {
    if (error instanceof CbrFormatError) throw ProviderUnavailable(error.message, error);
    throw error;
  }
}
