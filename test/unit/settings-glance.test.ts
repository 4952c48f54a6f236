import { describe, expect, it } from 'vitest';
import { watchedRegions } from '../../src/core/health/probe';
import { effectiveSettings } from '../../src/core/settings/managed';

const interceptionOn = (user: unknown, managed: unknown) => effectiveSettings(user, managed).settings.interceptionEnabled;
const badgeRegions = (user: unknown, managed: unknown) => watchedRegions(effectiveSettings(user, managed).settings, 'Europe/Dublin');

describe('settings the worker reads from raw storage (as the pages read them)', () => {
  it('turns interception off only for a real false, the policy winning', () => {
    expect(interceptionOn(undefined, undefined)).toBe(true);
    expect(interceptionOn({ interceptionEnabled: false }, undefined)).toBe(false);
    expect(interceptionOn({ interceptionEnabled: 'false' }, undefined)).toBe(true);
    expect(interceptionOn({ interceptionEnabled: false }, { interceptionEnabled: true })).toBe(true);
    expect(interceptionOn({ interceptionEnabled: true }, { interceptionEnabled: false })).toBe(false);
    expect(interceptionOn({ interceptionEnabled: true }, { interceptionEnabled: 0 })).toBe(true);
    // An inherited member is not a stored value.
    expect(interceptionOn(Object.create({ interceptionEnabled: false }), undefined)).toBe(true);
    // The prototype's key, as the pages read it.
    expect(interceptionOn({ enabled: false }, undefined)).toBe(false);
  });

  it('watches the global region, then the preferred regions (the policy’s first, unknown codes dropped)', () => {
    expect(badgeRegions({ preferredRegions: ['eu-west-1', 'mars-1', 'us-west-2'] }, undefined)).toEqual(['us-east-1', 'eu-west-1', 'us-west-2']);
    expect(badgeRegions({ preferredRegions: ['eu-west-1'] }, { preferredRegions: ['ap-south-1'] })).toEqual(['us-east-1', 'ap-south-1']);
    // None chosen (or none valid): the time zone's defaults.
    const byTimeZone = ['us-east-1', 'eu-west-1', 'us-east-2', 'us-west-2'];
    expect(badgeRegions({ preferredRegions: ['nope'] }, undefined)).toEqual(byTimeZone);
    // A policy's empty list means "choose by time zone" for the user too, as on the settings page.
    expect(badgeRegions({ preferredRegions: ['ap-south-1'] }, { preferredRegions: [] })).toEqual(byTimeZone);
    // A policy list of only unknown codes is a mistake: it sets nothing.
    expect(badgeRegions({ preferredRegions: ['ap-south-1'] }, { preferredRegions: ['mars-1'] })).toEqual(['us-east-1', 'ap-south-1']);
  });
});
