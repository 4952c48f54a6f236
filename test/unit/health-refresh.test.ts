import { afterEach, describe, expect, it, vi } from 'vitest';
import { signinEndpoints, stsEndpoints } from '../../src/core/aws/endpoints';
import { PROBE_CONCURRENCY, probeOrder } from '../../src/core/health/probe';
import { stubSessionStorage } from '../support/fake-session-storage';

// The worker's probe run (src/background/health.ts) against a session storage kept in memory and
// a fetch that answers when the test says: how many run at once, in which order, how results land.

interface Fetching {
  readonly url: string;
  answered: boolean;
  answer(status: number): void;
}

function fakeWorld() {
  const { stored, writes } = stubSessionStorage();
  const fetching: Fetching[] = [];
  let running = 0;
  let mostAtOnce = 0;
  vi.stubGlobal('fetch', (url: string) => {
    running++;
    mostAtOnce = Math.max(mostAtOnce, running);
    return new Promise((resolve) => {
      const request: Fetching = {
        url,
        answered: false,
        answer: (status) => {
          request.answered = true;
          running--;
          resolve({ status, type: 'basic', body: null });
        },
      };
      fetching.push(request);
    });
  });
  return { stored, writes, fetching, mostAtOnce: () => mostAtOnce };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('probeOrder', () => {
  it('puts the named regions first, in their order, and keeps the rest as given', () => {
    expect(probeOrder(['us-east-1', 'us-east-2', 'eu-west-1', 'ap-south-1'], ['eu-west-1', 'us-east-1', 'eu-west-1', 'sa-east-1'])).toEqual([
      'eu-west-1',
      'us-east-1',
      'us-east-2',
      'ap-south-1',
    ]);
    expect(probeOrder(['us-east-1', 'us-east-2'])).toEqual(['us-east-1', 'us-east-2']);
  });
});

describe('refreshHealth (the worker)', () => {
  it(`probes every endpoint, ${PROBE_CONCURRENCY} at a time, the named regions first, and writes each result`, async () => {
    const world = fakeWorld();
    const { refreshHealth } = await import('../../src/background/health');
    const done = refreshHealth('aws', false, ['eu-west-1', 'ap-south-1']);
    await vi.waitFor(() => expect(world.fetching).toHaveLength(PROBE_CONCURRENCY));
    // A region's two endpoints go together: the named regions' sign-in and STS endpoints first.
    expect(world.fetching.slice(0, 4).map((f) => new URL(f.url).host)).toEqual([
      'eu-west-1.signin.aws.amazon.com',
      'sts.eu-west-1.amazonaws.com',
      'ap-south-1.signin.aws.amazon.com',
      'sts.ap-south-1.amazonaws.com',
    ]);
    // Answer one at a time, in the order asked: another starts only when one ends.
    for (let answered = 0; answered < world.fetching.length; answered++) {
      world.fetching[answered]!.answer(200);
      await settle();
      expect(world.fetching.length - (answered + 1)).toBeLessThanOrEqual(PROBE_CONCURRENCY);
    }
    await done;
    const total = signinEndpoints('aws').length + stsEndpoints('aws').length;
    expect(world.fetching).toHaveLength(total);
    expect(world.mostAtOnce()).toBe(PROBE_CONCURRENCY);
    await vi.waitFor(() => {
      const signin = world.stored['health:aws'] as Record<string, { state: string }>;
      const sts = world.stored['health:sts:aws'] as Record<string, { state: string }>;
      expect(Object.values(signin).map((h) => h.state)).toEqual(signinEndpoints('aws').map(() => 'up'));
      expect(Object.values(sts).map((h) => h.state)).toEqual(stsEndpoints('aws').map(() => 'up'));
    });
  });

  it('writes results that arrive together in one write, and loses none', async () => {
    const world = fakeWorld();
    const { refreshHealth } = await import('../../src/background/health');
    const done = refreshHealth('aws', false);
    await vi.waitFor(() => expect(world.fetching).toHaveLength(PROBE_CONCURRENCY));
    const marks = world.writes.length;
    // Everything answers at once (and each new probe as soon as it starts).
    while (world.fetching.some((f) => !f.answered)) {
      for (const f of world.fetching.filter((waiting) => !waiting.answered)) f.answer(f.url.includes('sts.') ? 403 : 200);
      await settle();
    }
    await done;
    const total = signinEndpoints('aws').length + stsEndpoints('aws').length;
    await vi.waitFor(() => {
      const signin = Object.values(world.stored['health:aws'] as Record<string, { state: string }>);
      const sts = Object.values(world.stored['health:sts:aws'] as Record<string, { state: string }>);
      expect([...signin, ...sts].filter((h) => h.state === 'up')).toHaveLength(total);
    });
    // Far fewer writes than results: a picker re-renders per write.
    expect(world.writes.length - marks).toBeLessThan(total / 2);
  });
});
