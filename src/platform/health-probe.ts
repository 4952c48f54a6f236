import { PROBE_PATH, PROBE_TIMEOUT_MS, type ProbeOutcome } from '../core/health/probe';
import { httpsUrl } from '../core/base/url-host';
import { fetchBare } from './aws-request';

/**
 * One liveness probe of a sign-in endpoint: no credentials, no cache, a hard timeout so a
 * black-holed endpoint costs at most PROBE_TIMEOUT_MS (docs/saml-signin.md#sign-in-endpoints-and-relaystate).
 */
export async function probeSigninHost(host: string, timeoutMs = PROBE_TIMEOUT_MS, path = PROBE_PATH): Promise<ProbeOutcome> {
  const started = performance.now();
  const answer = await fetchBare(httpsUrl(host, path), { method: 'GET' }, timeoutMs, (response) => {
    // The body is not needed; do not keep the connection busy reading it.
    response.body?.cancel().catch(() => undefined);
  });
  const latencyMs = performance.now() - started;
  if (answer.kind === 'answered') return { kind: 'answered', status: answer.status, latencyMs };
  return answer.kind === 'timeout' ? { kind: 'timeout', latencyMs } : { kind: 'network-error', latencyMs };
}
