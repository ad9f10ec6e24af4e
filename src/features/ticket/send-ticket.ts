/** The outcome of posting a request to the configured webhook, in words for a person. */
export type SendResult = { ok: true } | { ok: false; reason: string };

const TIMEOUT_MS = 15_000;

/**
 * POSTs the request's JSON to the support webhook. Never throws: every failure comes back as a
 * sentence, and the draft stays as it is so nothing is lost.
 */
export async function sendTicket(url: string, json: string): Promise<SendResult> {
  const host = new URL(url).host;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: json,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (response.ok) return { ok: true };
    const status = `${response.status} ${response.statusText}`.trim();
    return {
      ok: false,
      reason: `The support server (${host}) refused the request: ${status}.`,
    };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      return {
        ok: false,
        reason: `The support server (${host}) didn’t answer within ${TIMEOUT_MS / 1000} seconds.`,
      };
    }
    return {
      ok: false,
      reason: `We couldn’t reach the support server (${host}). Check your connection, or copy or email the request instead.`,
    };
  }
}
