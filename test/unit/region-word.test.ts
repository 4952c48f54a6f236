import { describe, expect, it } from 'vitest';
import { ALL_REGIONS, PARTITIONS } from '../../src/core/aws/catalog';
import { readRegionWord, regionNamed, regionShortForm, withoutRegionWords } from '../../src/core/regions/region-word';

const CODES = ALL_REGIONS.map((r) => r.code);
const AWS = PARTITIONS.find((p) => p.id === 'aws')!.regions.map((r) => r.code);

describe('the short form of a region code', () => {
  it('drops the dashes and shortens the direction word', () => {
    expect(regionShortForm('us-east-1')).toBe('use1');
    expect(regionShortForm('eu-west-1')).toBe('euw1');
    expect(regionShortForm('ap-southeast-2')).toBe('apse2');
    expect(regionShortForm('ap-northeast-3')).toBe('apne3');
    expect(regionShortForm('ca-central-1')).toBe('cac1');
    expect(regionShortForm('eu-north-1')).toBe('eun1');
    expect(regionShortForm('eu-south-2')).toBe('eus2');
    expect(regionShortForm('cn-northwest-1')).toBe('cnnw1');
    expect(regionShortForm('us-gov-west-1')).toBe('usgovw1');
  });

  it('is, for every catalog region, letters then a digit, shorter than the code, with no dash and no long direction word', () => {
    for (const code of CODES) {
      const short = regionShortForm(code);
      expect(short, code).toMatch(/^[a-z]+\d+$/);
      expect(short.length, code).toBeLessThan(code.length);
      expect(short, code).not.toMatch(/north|south|east|west|central/);
      expect(short.endsWith(code.split('-').at(-1)!), code).toBe(true);
    }
  });

  it('names one region only: no two catalog regions share a short form, and none is another one\'s code', () => {
    const forms = new Map<string, string>();
    for (const code of CODES) {
      for (const form of new Set([code, code.replace(/-/g, ''), regionShortForm(code)])) {
        expect(forms.get(form) ?? code, `${form} names ${forms.get(form)} and ${code}`).toBe(code);
        forms.set(form, code);
      }
    }
    expect(new Set(CODES.map(regionShortForm)).size).toBe(CODES.length);
  });
});

describe('a region named by a word', () => {
  it('finds every catalog region by its code, its short form, and either with dashes or capitals anywhere', () => {
    for (const code of CODES) {
      const short = regionShortForm(code);
      expect(regionNamed(code, CODES), code).toBe(code);
      expect(regionNamed(short, CODES), short).toBe(code);
      expect(regionNamed(short.toUpperCase(), CODES), short).toBe(code);
      expect(regionNamed(code.replace(/-/g, ''), CODES), code).toBe(code);
      // "eu-w1": the short form with the code's first dash kept.
      const dashed = `${code.split('-')[0]}-${short.slice(code.split('-')[0]!.length)}`;
      expect(regionNamed(dashed, CODES), dashed).toBe(code);
    }
  });

  it('names only regions offered, and nothing for other words', () => {
    expect(regionNamed('cnn1', AWS)).toBeUndefined();
    expect(regionNamed('cnn1', CODES)).toBe('cn-north-1');
    for (const word of ['', '-', 'eu', 'euw', 'euw9', 'eu-west', 'xyz', 'us-east-1x', 'useast', 'constructor', '__proto__']) {
      expect(regionNamed(word, CODES), word).toBeUndefined();
    }
  });
});

describe('region words in the filter', () => {
  it('reads "@" words anywhere, the rest filtering roles', () => {
    expect(readRegionWord('pay dep @euw1', AWS)).toEqual({ region: 'eu-west-1', unknown: undefined });
    expect(withoutRegionWords('pay dep @euw1')).toBe('pay dep');
    expect(readRegionWord('@eu-west-1 dep', AWS)).toEqual({ region: 'eu-west-1', unknown: undefined });
    expect(withoutRegionWords('@eu-west-1 dep')).toBe('dep');
    expect(readRegionWord('dep @EU-W1', AWS).region).toBe('eu-west-1');
    expect(readRegionWord('@use1 x @apse2', AWS).region).toBe('ap-southeast-2');
  });

  it('says which word names no region, and never filters roles by it', () => {
    expect(readRegionWord('dep @xyz', AWS)).toEqual({ region: undefined, unknown: '@xyz' });
    expect(withoutRegionWords('dep @xyz')).toBe('dep');
    expect(readRegionWord('@nope @euw1 @xyz', AWS)).toEqual({ region: 'eu-west-1', unknown: '@nope' });
  });

  it('leaves a query without region words as it is, and reads a lone "@" as nothing yet', () => {
    expect(withoutRegionWords('  Dep  admin ')).toBe('  Dep  admin ');
    expect(readRegionWord('dep admin', AWS)).toEqual({ region: undefined, unknown: undefined });
    expect(readRegionWord('dep @', AWS)).toEqual({ region: undefined, unknown: undefined });
    expect(withoutRegionWords('dep @')).toBe('dep');
    expect(withoutRegionWords('me@example')).toBe('me@example');
  });
});
