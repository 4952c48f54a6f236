import { describe, it, expect } from 'vitest';
import { isPartition, parseRoleArn, parseSamlProviderArn } from '../../src/core/aws/arn';

describe('isPartition', () => {
  it.each(['aws', 'aws-us-gov', 'aws-cn', 'aws-eusc', 'aws-iso-b'])('accepts %s', (p) => {
    expect(isPartition(p)).toBe(true);
  });

  it.each(['', 'AWS', 'aws-', 'aws_cn', 'azure', 'aws-US-gov', ' aws', 'aws '])('refuses %j', (p) => {
    expect(isPartition(p)).toBe(false);
  });
});

describe('parseRoleArn', () => {
  it('reads a role without a path', () => {
    expect(parseRoleArn('arn:aws:iam::111122223333:role/Admin')).toEqual({
      arn: 'arn:aws:iam::111122223333:role/Admin',
      partition: 'aws',
      accountId: '111122223333',
      roleName: 'Admin',
      path: '/',
    });
  });

  it('takes the last path segment as the name and keeps the path', () => {
    expect(parseRoleArn('arn:aws:iam::444455556666:role/team/admin/Deploy')).toMatchObject({
      roleName: 'Deploy',
      path: '/team/admin/',
      accountId: '444455556666',
    });
  });

  it.each([
    ['arn:aws-us-gov:iam::111122223333:role/GovAdmin', 'aws-us-gov'],
    ['arn:aws-cn:iam::111122223333:role/CnAdmin', 'aws-cn'],
    ['arn:aws-eusc:iam::111122223333:role/EuscAdmin', 'aws-eusc'],
  ])('reads the partition of %s', (arn, partition) => {
    expect(parseRoleArn(arn)?.partition).toBe(partition);
  });

  it('accepts every character IAM allows in a name, up to 64 of them', () => {
    expect(parseRoleArn('arn:aws:iam::111122223333:role/a_b+c=d,e.f@g-h')?.roleName).toBe('a_b+c=d,e.f@g-h');
    expect(parseRoleArn(`arn:aws:iam::111122223333:role/${'r'.repeat(64)}`)).toBeDefined();
    expect(parseRoleArn(`arn:aws:iam::111122223333:role/${'r'.repeat(65)}`)).toBeUndefined();
  });

  it.each([
    ['no name', 'arn:aws:iam::111122223333:role/'],
    ['a path without a name', 'arn:aws:iam::111122223333:role/team/'],
    ['an empty path segment', 'arn:aws:iam::111122223333:role//Admin'],
    ['11 digits', 'arn:aws:iam::11112222333:role/Admin'],
    ['13 digits', 'arn:aws:iam::1111222233334:role/Admin'],
    ['a region', 'arn:aws:iam:us-east-1:111122223333:role/Admin'],
    ['another service', 'arn:aws:sts::111122223333:role/Admin'],
    ['an assumed role', 'arn:aws:sts::111122223333:assumed-role/Admin/jane'],
    ['a user', 'arn:aws:iam::111122223333:user/Admin'],
    ['a SAML provider', 'arn:aws:iam::111122223333:saml-provider/Okta'],
    ['an unknown partition', 'arn:azure:iam::111122223333:role/Admin'],
    ['an upper-case partition', 'arn:AWS:iam::111122223333:role/Admin'],
    ['a space in the name', 'arn:aws:iam::111122223333:role/Ad min'],
    ['a colon in the name', 'arn:aws:iam::111122223333:role/Ad:min'],
    ['leading whitespace', ' arn:aws:iam::111122223333:role/Admin'],
    ['trailing whitespace', 'arn:aws:iam::111122223333:role/Admin '],
    ['a trailing newline', 'arn:aws:iam::111122223333:role/Admin\n'],
    ['nothing', ''],
  ])('refuses %s', (_, arn) => {
    expect(parseRoleArn(arn)).toBeUndefined();
  });

  it('refuses a path longer than IAM allows', () => {
    expect(parseRoleArn(`arn:aws:iam::111122223333:role/${'p/'.repeat(300)}Admin`)).toBeUndefined();
  });
});

describe('parseSamlProviderArn', () => {
  it('reads a provider', () => {
    expect(parseSamlProviderArn('arn:aws-us-gov:iam::111122223333:saml-provider/Okta_Gov-1.0')).toEqual({
      arn: 'arn:aws-us-gov:iam::111122223333:saml-provider/Okta_Gov-1.0',
      partition: 'aws-us-gov',
      accountId: '111122223333',
      providerName: 'Okta_Gov-1.0',
    });
  });

  it('allows names up to 128 characters', () => {
    expect(parseSamlProviderArn(`arn:aws:iam::111122223333:saml-provider/${'o'.repeat(128)}`)).toBeDefined();
    expect(parseSamlProviderArn(`arn:aws:iam::111122223333:saml-provider/${'o'.repeat(129)}`)).toBeUndefined();
  });

  it.each([
    'arn:aws:iam::111122223333:role/Admin',
    'arn:aws:iam::111122223333:saml-provider/',
    'arn:aws:iam::111122223333:saml-provider/a/b',
    'arn:aws:iam::111122223333:saml-provider/Ok ta',
    'arn:aws:iam::111122223333:saml-provider/Okta+',
    'arn:aws:iam::1111:saml-provider/Okta',
    ' arn:aws:iam::111122223333:saml-provider/Okta',
  ])('refuses %j', (arn) => {
    expect(parseSamlProviderArn(arn)).toBeUndefined();
  });
});
