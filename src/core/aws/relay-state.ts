import { consoleHomeUrl } from './endpoints';
import { plainHttpsUrl } from '../base/url-host';
import { partitionInfo, type PartitionInfo } from './catalog';

const REGION_CODE = /^[a-z]{2}(-[a-z]+)+-\d$/;

/**
 * RelayState to post with the assertion so the console opens in `region` (docs/saml-signin.md#sign-in-endpoints-and-relaystate).
 *
 * An IdP-supplied console deep link keeps its path and query but moves to the chosen region
 * (host prefix and `region=` parameter): a console URL of the dead region would defeat the
 * failover. Anything else (empty, not a console URL of the partition) becomes that region's
 * console home, because AWS only follows RelayState to its own console.
 */
export function relayStateForRegion(partition: string, region: string, idpRelayState = ''): string {
  const home = consoleHomeUrl(partition, region);
  const p = partitionInfo(partition);
  if (!home || !p) return '';
  const deepLink = parseConsoleUrl(p, idpRelayState.trim());
  if (!deepLink) return home;
  const url = deepLink;
  url.hostname = p.consoleHost.replace('{region}', region);
  if (url.searchParams.has('region') || url.pathname === '/' || url.pathname.startsWith('/console/home')) {
    url.searchParams.set('region', region);
  }
  // The console keeps some state in the fragment (`#/stacks?region=…`): move it too.
  if (url.hash.includes('region=')) {
    url.hash = url.hash.replace(/([?&]region=)[a-z0-9-]+/g, `$1${region}`);
  }
  return url.toString();
}

/** A console URL of the partition (any region, or none), else undefined. */
function parseConsoleUrl(p: PartitionInfo, value: string): URL | undefined {
  const url = value ? plainHttpsUrl(value) : undefined;
  if (!url) return undefined;
  const host = url.hostname.toLowerCase();
  if (host === p.consoleDomain) return url;
  if (host.endsWith(`.${p.consoleDomain}`)) {
    const prefix = host.slice(0, -p.consoleDomain.length - 1);
    // `<region>.console…` or the console's service-specific prefixes are kept only when they are a region.
    return REGION_CODE.test(prefix) ? url : undefined;
  }
  return undefined;
}
