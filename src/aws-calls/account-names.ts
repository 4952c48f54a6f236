import { readAccountAliases, MAX_ROLE_PAGE_BYTES } from '../core/accounts/aws-role-page';
import { assertionAddress } from '../core/regions/choice';
import { httpsUrl } from '../core/base/url-host';
import { buildSigninPost, toFormPost } from '../core/signin/repost';
import { message, type UserMessage } from '../core/words/user-message';
import { requestAws } from '../platform/aws-request';
import { recordLearnedNames } from '../platform/learned-names';
import { readTabAssertion } from './tab-assertion';

/**
 * "Get account names from AWS" (docs/account-names.md#awss-role-page), on the user's click only: the tab's
 * assertion, without a role, to the sign-in endpoint it is addressed to, with no cookies; AWS
 * answers a multi-role assertion with its role page, which names the accounts. Never for a
 * single-role assertion (AWS would sign in at once). The assertion stays for the sign-in.
 */
export async function fetchAccountNames(tabId: number): Promise<{ ok: true; learned: number } | { ok: false; error: UserMessage }> {
  const read = await readTabAssertion(tabId);
  if (!read.ok) return { ok: false, error: read.problem === 'gone' ? message('replyCaptureGoneShort') : read.refusal };
  const { capture, info } = read;
  if (info.roles.length < 2) return { ok: false, error: message('replySingleRole') };
  const address = assertionAddress(info.recipient, capture.url);
  if (!address) return { ok: false, error: message('replyNotAddressed') };
  const built = buildSigninPost({
    samlResponse: capture.samlResponse,
    partition: address.partition,
    targetUrl: httpsUrl(address.endpoint.host, address.endpoint.path),
    relayState: '',
  });
  if (!built.ok) return { ok: false, error: built.refusal };
  const post = toFormPost(built.post);
  const answer = await requestAws(post.url, post, 10_000, MAX_ROLE_PAGE_BYTES);
  if (answer.kind !== 'answered') return { ok: false, error: message('replySigninNoAnswer', { detail: answer.problem }) };
  const names = readAccountAliases(answer.text);
  const count = Object.keys(names).length;
  if (!count) return { ok: false, error: message('replyNoNamesOnPage') };
  await recordLearnedNames(names, Date.now());
  return { ok: true, learned: count };
}
