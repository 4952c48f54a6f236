import { describe, expect, it } from 'vitest';
import { badgeRegions, interceptionOn } from '../../src/core/settings/glance';

describe('settings the worker reads without the schema', () => {
  it('turns interception off only for a real false, the policy winning', () => {
    expect(interceptionOn({ user: undefined, managed: undefined })).toBe(true);
    expect(interceptionOn({ user: { interceptionEnabled: false }, managed: undefined })).toBe(false);
    expect(interceptionOn({ user: { interceptionEnabled: 'false' }, managed: undefined })).toBe(true);
    expect(interceptionOn({ user: { interceptionEnabled: false }, managed: { interceptionEnabled: true } })).toBe(true);
    expect(interceptionOn({ user: { interceptionEnabled: true }, managed: { interceptionEnabled: false } })).toBe(false);
    expect(interceptionOn({ user: { interceptionEnabled: true }, managed: { interceptionEnabled: 0 } })).toBe(true);
    // An inherited member is not a stored value.
    expect(interceptionOn({ user: Object.create({ interceptionEnabled: false }), managed: undefined })).toBe(true);
  });

  it('watches the global region, then the preferred regions (the policy’s first, unknown codes dropped)', () => {
    expect(badgeRegions({ user: { preferredRegions: ['eu-west-1', 'mars-1', 'us-west-2'] }, managed: undefined }, 'Europe/Dublin')).toEqual([
      'us-east-1',
      'eu-west-1',
      'us-west-2',
    ]);
    expect(badgeRegions({ user: { preferredRegions: ['eu-west-1'] }, managed: { preferredRegions: ['ap-south-1'] } }, 'Europe/Dublin')).toEqual([
      'us-east-1',
      'ap-south-1',
    ]);
    // None chosen (or none valid): the time zone's defaults.
    expect(badgeRegions({ user: { preferredRegions: ['nope'] }, managed: undefined }, 'Europe/Dublin')).toEqual(['us-east-1', 'eu-west-1', 'us-east-2', 'us-west-2']);
  });
});
