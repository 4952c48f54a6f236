// A region named in the role filter: "pay dep @euw1" filters roles by "pay dep" and signs in to
// eu-west-1. A region word is "@" and the region's code (`@eu-west-1`) or its short form: the code
// without dashes and with the direction word shortened (us-east-1 → use1, eu-west-1 → euw1,
// ap-southeast-2 → apse2, ca-central-1 → cac1), dashes allowed anywhere in it (`@eu-w1`).
// Letters' case never matters.

/** The direction words of region codes, shortened as in the short form. */
const DIRECTIONS: Readonly<Record<string, string>> = {
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
  central: 'c',
  northeast: 'ne',
  northwest: 'nw',
  southeast: 'se',
  southwest: 'sw',
};

/** The short form of a region code: us-east-1 → use1, ap-southeast-2 → apse2, us-gov-west-1 → usgovw1. */
export function regionShortForm(code: string): string {
  return code
    .split('-')
    .map((part) => (Object.hasOwn(DIRECTIONS, part) ? DIRECTIONS[part]! : part))
    .join('');
}

/** The region of `regions` a word (without its "@") names, if any. */
export function regionNamed(word: string, regions: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const compact = lower.replace(/-/g, '');
  if (!compact) return undefined;
  return regions.find((code) => code === lower || regionShortForm(code) === compact || code.replace(/-/g, '') === compact);
}

const isRegionWord = (word: string): boolean => word.startsWith('@');

/** The filter's text without its region words: what the roles are filtered by. */
export function withoutRegionWords(query: string): string {
  if (!query.includes('@')) return query;
  return query
    .split(/\s+/)
    .filter((word) => word && !isRegionWord(word))
    .join(' ');
}

export interface RegionWord {
  /** The region named (the last region word that names one of `regions`). */
  readonly region: string | undefined;
  /** The first region word that names none, as typed with its "@" ("@xyz"). */
  readonly unknown: string | undefined;
}

/**
 * The region words of the filter's text, read against the regions offered. A lone "@" (a word
 * being typed) names nothing and is not unknown either.
 */
export function readRegionWord(query: string, regions: readonly string[]): RegionWord {
  let region: string | undefined;
  let unknown: string | undefined;
  for (const word of query.split(/\s+/)) {
    if (!isRegionWord(word) || word === '@') continue;
    const named = regionNamed(word.slice(1), regions);
    if (named) region = named;
    else unknown ??= word;
  }
  return { region, unknown };
}
