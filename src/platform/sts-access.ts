import { browser } from './browser-api';
import { signinMatchPatterns, stsMatchPatterns } from '../core/aws/endpoints';
import { ASKS_FOR_HOST_ACCESS } from './browser-target';

/**
 * Host access the STS + federation sign-in needs: every STS host and the sign-in hosts (their
 * `/federation`). Chrome grants the manifest's host permissions at install; Firefox lets the user
 * withhold them, so there we ask from the user's click (docs/sts-federation.md).
 */
const ORIGINS = [...stsMatchPatterns(), ...signinMatchPatterns().map((p) => p.replace('/saml*', '/*'))];

export async function hasStsAccess(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: ORIGINS });
  } catch {
    return false;
  }
}

/**
 * Call synchronously from a click or key handler (Firefox needs the user's gesture): resolves
 * true when access is (now) granted. Elsewhere it only checks.
 */
export function requestStsAccess(): Promise<boolean> {
  if (!ASKS_FOR_HOST_ACCESS) return hasStsAccess();
  try {
    return browser.permissions.request({ origins: ORIGINS }).catch(() => hasStsAccess());
  } catch {
    return hasStsAccess();
  }
}
