import { describe, expect, it } from 'vitest';
import { relayStateForRegion } from '../../src/core/aws/relay-state';

describe('relayStateForRegion', () => {
  it('opens the chosen region console home when the IdP gave no RelayState', () => {
    expect(relayStateForRegion('aws', 'eu-west-1')).toBe('https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1');
    expect(relayStateForRegion('aws', 'us-east-1', '')).toBe(
      'https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1',
    );
  });

  it('moves an IdP deep link to the chosen region, keeping its path and query', () => {
    expect(
      relayStateForRegion('aws', 'eu-west-1', 'https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Instances:'),
    ).toBe('https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#Instances:');
    expect(relayStateForRegion('aws', 'us-west-2', 'https://console.aws.amazon.com/s3/buckets?tab=general')).toBe(
      'https://us-west-2.console.aws.amazon.com/s3/buckets?tab=general',
    );
    expect(
      relayStateForRegion('aws', 'eu-central-1', 'https://console.aws.amazon.com/cloudformation/home?region=us-east-1#/stacks?region=us-east-1'),
    ).toBe('https://eu-central-1.console.aws.amazon.com/cloudformation/home?region=eu-central-1#/stacks?region=eu-central-1');
  });

  it('adds the region to a console home deep link', () => {
    expect(relayStateForRegion('aws', 'ap-south-1', 'https://console.aws.amazon.com/console/home')).toBe(
      'https://ap-south-1.console.aws.amazon.com/console/home?region=ap-south-1',
    );
  });

  it('keeps GovCloud and China console hosts, changing only the region parameter', () => {
    expect(
      relayStateForRegion('aws-us-gov', 'us-gov-east-1', 'https://console.amazonaws-us-gov.com/lambda/home?region=us-gov-west-1'),
    ).toBe('https://console.amazonaws-us-gov.com/lambda/home?region=us-gov-east-1');
    expect(relayStateForRegion('aws-cn', 'cn-northwest-1')).toBe(
      'https://console.amazonaws.cn/console/home?region=cn-northwest-1',
    );
  });

  it('replaces anything that is not a console URL of the partition with the console home', () => {
    const home = 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1';
    for (const relay of [
      'https://evil.example/phish',
      'javascript:alert(1)',
      'https://console.aws.amazon.com.evil.example/',
      'https://console.amazonaws.cn/console/home',
      'http://console.aws.amazon.com/ec2',
      'not a url',
      'https://phd.console.aws.amazon.com/',
    ]) {
      expect(relayStateForRegion('aws', 'eu-west-1', relay), relay).toBe(home);
    }
  });

  it('returns an empty RelayState for an unknown partition', () => {
    expect(relayStateForRegion('aws-eusc', 'eusc-de-east-1')).toBe('');
  });
});
