/** The host of a URL (`eu-west-1.signin.aws.amazon.com`), or undefined when it is not a URL with one. */
export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}
