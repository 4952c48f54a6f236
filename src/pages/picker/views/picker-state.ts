import type { CapturedSignin } from '../../../core/signin/capture';
import { assertionAddress, type AssertionAddress } from '../../../core/regions/choice';
import { decodeSamlResponse, SamlResponseError, type SamlAssertionInfo } from '../../../core/saml/decode';
import type { ConsolesOutcome } from '../../../aws-calls/sts-signin';
import { t, tMessage } from '../../../platform/i18n';

/** A decoded assertion, with where it is addressed to. */
export interface Assertion {
  readonly capture: CapturedSignin;
  readonly info: SamlAssertionInfo;
  readonly address: AssertionAddress;
}

/** What loading the tab's sign-in gave: App's state, before the clock has a say. */
export type PickerLoad =
  | { kind: 'waiting' }
  /** Inside someone else's frame: never run (clickjacking). */
  | { kind: 'framed' }
  | { kind: 'no-capture' }
  /** The sign-in reached the extension but could not be stored for the picker (session storage full). */
  | { kind: 'capture-not-kept' }
  | { kind: 'decode-error'; capture?: CapturedSignin; message: string }
  | ({ kind: 'encrypted' } & Assertion)
  /** `reused`: a retry after a failed endpoint, which never signs in without a click. */
  | ({ kind: 'roles'; reused: boolean } & Assertion);

/** Where the role list is in signing in. */
export type RolesPhase =
  | { kind: 'choosing' }
  /** The page is handing the assertion on (saving the choice, then the re-post or STS). */
  | { kind: 'signing-in'; viaSts: boolean }
  /** Several roles at once, some of which did not open: the picker stays to say so. */
  | { kind: 'consoles-outcome'; consoles: ConsolesOutcome; region: string; at: number };

/** Every view of the picker page. */
export type PickerView =
  | Exclude<PickerLoad, { kind: 'roles' }>
  | { kind: 'expired'; capture: CapturedSignin; notOnOrAfter: string }
  | ({ kind: 'roles'; reused: boolean; phase: RolesPhase } & Assertion);

export const CHOOSING: RolesPhase = { kind: 'choosing' };

export function isExpired(notOnOrAfter: string | undefined, now: number): boolean {
  return notOnOrAfter !== undefined && Date.parse(notOnOrAfter) <= now;
}

/**
 * The one place that decides the page is past the assertion's NotOnOrAfter: while the user is
 * still choosing, an expired assertion is of no use (AWS and STS refuse it) and the page says how
 * to get a fresh one. Once a sign-in has started, or several consoles' outcome is shown, the page
 * stays as it is: it is leaving, or it says what opened.
 */
export function pickerView(load: PickerLoad, phase: RolesPhase, now: number): PickerView {
  if (load.kind !== 'encrypted' && load.kind !== 'roles') return load;
  const { notOnOrAfter } = load.info;
  if (phase.kind === 'choosing' && notOnOrAfter !== undefined && isExpired(notOnOrAfter, now)) {
    return { kind: 'expired', capture: load.capture, notOnOrAfter };
  }
  return load.kind === 'roles' ? { ...load, phase } : load;
}

/** What the picker makes of a captured sign-in: its roles, or why it cannot show any. */
export function decodeCapture(capture: CapturedSignin, parseXml: (xml: string) => Document, reused = false): PickerLoad {
  let info: SamlAssertionInfo;
  try {
    info = decodeSamlResponse(capture.samlResponse, parseXml);
  } catch (error) {
    const message = error instanceof SamlResponseError ? tMessage(error.userMessage) : t('decodeUnreadable');
    return { kind: 'decode-error', capture, message };
  }
  const address = assertionAddress(info.recipient, capture.url);
  if (!address) {
    return {
      kind: 'decode-error',
      capture,
      message: t('decodeNotAwsRecipient', info.recipient ?? t('decodeUnknownAddress')),
    };
  }
  if (info.encrypted) return { kind: 'encrypted', capture, info, address };
  if (!info.roles.length) {
    return { kind: 'decode-error', capture, message: t('decodeNoRoles') };
  }
  return { kind: 'roles', capture, info, address, reused };
}
