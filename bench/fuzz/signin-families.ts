// Input families for buildSigninPost: random and look-alike targets, and decode → post pipelines
// (see ../fuzz-arbitraries.ts).
import fc from 'fast-check';
import { signinEndpoints } from '../../src/core/aws/endpoints';
import { PARTITIONS } from '../../src/core/aws/catalog';
import { CATALOG_HOSTS, FuzzContractError, base64OfText, decodeAndCheck, family, pinnedXml, postChecked } from './contract';
import { partitionId, rolePair } from './decode-families';

const catalogHost = fc.constantFrom(...CATALOG_HOSTS);
// Look-alikes of the real hosts: suffixes, prefixes, user info, homoglyphs, case, trailing dots, IPs.
const hostish = fc.oneof(
  catalogHost,
  catalogHost.map((h) => h.toUpperCase()),
  catalogHost.map((h) => `${h}.`),
  catalogHost.map((h) => `${h}.evil.example`),
  catalogHost.map((h) => `x${h}`),
  catalogHost.map((h) => `${h}@evil.example`),
  catalogHost.map((h) => `evil.example#@${h}`),
  catalogHost.map((h) => `evil.example\\@${h}`),
  catalogHost.map((h) => h.replace('i', '\u0456')),
  catalogHost.map((h) => h.replace('.', '\u3002')),
  catalogHost.map((h) => h.replace('signin', 'signin.evil')),
  catalogHost.map((h) => h.replace('amazon', 'amaz\tn').replace('aws', 'a\nws')),
  fc.constantFrom('evil-signin.aws.amazon.com', 'signin.aws.amazon.com.cn', 'us-east-1.signin.amazonaws.cn', '127.0.0.1', '[::1]', 'localhost', '%73ignin.aws.amazon.com'),
  fc.domain(),
);
const scheme = fc.constantFrom('https://', 'https://', 'https://', 'http://', 'HTTPS://', '//', 'https:', 'https:/', 'https:\\\\', 'ftp://', 'javascript://', ' https://', 'https://u:p@');
const port = fc.constantFrom('', '', ':443', ':8443', ':0');
const path = fc.constantFrom('/saml', '/saml', '/saml/', '/saml/acs/SAMLSP4SHN3UIS2D', '/saml/acs/../../evil', '/SAML', '/saml?x=1', '/saml#f', '/saml%2f..', '/x/../saml', '/saml/acs/a b', '', '/');
const odd = <T>(likely: fc.Arbitrary<T>, unlikely: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: likely }, { weight: 1, arbitrary: unlikely });

/** Mostly well-formed requests for one partition (so the allowlist is exercised on both sides), some not. */
const signinRequest = partitionId.chain((partition) => {
  const hosts = signinEndpoints(partition).map((e) => e.host);
  const ownHost = hosts.length ? fc.constantFrom(...hosts) : catalogHost;
  return fc.record(
    {
      samlResponse: odd(fc.constant(base64OfText(pinnedXml())), fc.oneof(fc.constant(''), fc.string({ unit: 'binary', maxLength: 60 }))),
      partition: odd(fc.constant(partition), fc.oneof(partitionId, fc.constantFrom('', 'AWS', 'aws ', 'aws-iso', 'constructor', '__proto__'))),
      roleArn: odd(
        rolePair.map((r) => r.roleArn.replace(/^arn:[^:]+:/, `arn:${partition}:`)),
        fc.oneof(
          rolePair.map((r) => r.roleArn),
          fc.constantFrom('Admin', 'arn:aws:iam::111122223333:user/Admin', 'arn:aws:iam::111122223333:role/', 'arn:aws:sts::111122223333:assumed-role/A/b', ''),
          fc.string({ maxLength: 40 }),
        ),
      ),
      targetUrl: fc.oneof(
        { weight: 3, arbitrary: fc.tuple(ownHost, fc.constantFrom('/saml', '/saml/acs/SAMLSP4SHN3UIS2D')).map(([h, p]) => `https://${h}${p}`) },
        { weight: 6, arbitrary: fc.tuple(scheme, fc.oneof(ownHost, hostish), port, path).map((parts) => parts.join('')) },
        { weight: 1, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
        { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
      ),
      relayState: fc.oneof(fc.constant(''), fc.webUrl(), fc.string({ maxLength: 40 })),
    },
    { requiredKeys: ['samlResponse', 'partition', 'targetUrl', 'relayState'] },
  );
});

/** Random targets, partitions, roles and payloads: a POST is built only for an allowlisted endpoint. */
export const signinTargetFamily = family({
  name: 'sign-in target',
  target: 'buildSigninPost',
  weight: 0.15,
  sliceRuns: 300,
  arbitrary: signinRequest,
  run(request) {
    return postChecked(request);
  },
});

const pipelineInput = fc.record({
  roles: fc.uniqueArray(rolePair, { minLength: 1, maxLength: 5, selector: (r) => r.roleArn }),
  pick: fc.nat(),
  region: fc.nat(),
  targetKind: fc.constantFrom('catalog', 'catalog', 'catalog', 'look-alike', 'other-partition'),
  lookAlike: hostish,
});

/** Decode a generated assertion, then post one of its roles to a region of its partition (or a trap). */
export const pipelineFamily = family({
  name: 'decode → post',
  target: 'buildSigninPost',
  weight: 0.034,
  sliceRuns: 60,
  arbitrary: pipelineInput,
  run({ roles, pick, region, targetKind, lookAlike }) {
    const samlResponse = base64OfText(pinnedXml({ roles }));
    const { result: decoded, info } = decodeAndCheck(samlResponse, { roles });
    const role = info?.roles[pick % info.roles.length];
    if (!role) throw new FuzzContractError(`a valid assertion gave ${decoded.outcome} and no role`);
    const endpoints = signinEndpoints(role.partition);
    const others = PARTITIONS.filter((p) => p.id !== role.partition).flatMap((p) => signinEndpoints(p.id));
    let targetUrl: string;
    let mustPost = false;
    if (targetKind === 'catalog' && endpoints.length > 0) {
      targetUrl = endpoints[region % endpoints.length]!.url;
      mustPost = true;
    } else if (targetKind === 'other-partition') {
      targetUrl = others[region % others.length]!.url;
    } else {
      targetUrl = `https://${lookAlike}/saml`;
    }
    const result = postChecked(
      { samlResponse, partition: role.partition, roleArn: role.roleArn, targetUrl, relayState: '' },
      mustPost,
    );
    return { outcome: result.outcome, ms: decoded.ms + result.ms };
  },
});
