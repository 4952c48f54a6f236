import { PROBE_PATH, PROBE_TIMEOUT_MS, type ProbeOutcome } from '../core/health/probe';

/**
 * One liveness probe of a sign-in endpoint: no credentials, no cache, a hard timeout so a
 * black-holed endpoint costs at most PROBE_TIMEOUT_MS (docs/saml-signin.md#sign-in-endpoints-and-relaystate).
 */
export async function probeSigninHost(host: string, timeoutMs = PROBE_TIMEOUT_MS, path = PROBE_PATH): Promise<ProbeOutcome> {
  const controller = new AbortController();
  const started = performance.now();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(`https://${host}${path}`, {
      method: 'GET',
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'manual',
      referrerPolicy: 'no-referrer',
      signal: controller.signal,
    });
    // The body is not needed; do not keep the connection busy reading it.
    response.body?.cancel().catch(() => undefined);
    return { kind: 'answered', status: response.type === 'opaqueredirect' ? 302 : response.status, latencyMs: performance.now() - started };
  } catch {
    const latencyMs = performance.now() - started;
    return controller.signal.aborted ? { kind: 'timeout', latencyMs } : { kind: 'network-error', latencyMs };
  } finally {
    clearTimeout(timer);
  }
}
