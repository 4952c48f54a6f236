import { hostOf } from '../base/url-host';
import { message, type MessageValue, type UserMessage } from './user-message';

/** A gate's "no": why, as a message (`{ code, params }`) the page words from `_locales`. */
export interface Refused {
  readonly ok: false;
  readonly refusal: UserMessage;
}

/** What a gate answers: go ahead with what it allowed (`T`), or a refusal. Never a throw. */
export type Gate<T extends object = object> = ({ readonly ok: true } & T) | Refused;

export function refuse(refusal: UserMessage): Refused {
  return { ok: false, refusal };
}

/** A refused URL as a refusal names it: its host, or "this address" when it has none. */
export function refusedAddress(url: string): MessageValue {
  return hostOf(url) ?? message('thisAddress');
}
