/** The host of a URL (`eu-west-1.signin.aws.amazon.com`), or undefined when it is not a URL with one. */
export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}

/** An https:// URL on the default port without credentials: the only form an AWS endpoint is used in. */
export function plainHttpsUrl(url: string): URL | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  return parsed.protocol === 'https:' && parsed.port === '' && !parsed.username && !parsed.password ? parsed : undefined;
}

/** The https:// URL of a path on a host (an endpoint's host and path, both from the catalog). */
export function httpsUrl(host: string, path: string): string {
  return `https://${host}${path}`;
}
