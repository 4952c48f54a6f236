import type { AccountColour } from '../../../core/accounts/colours';
import { otherRegionWarning } from '../../../core/regions/choice';
import type { SamlAssertionInfo } from '../../../core/saml/decode';
import type { SigninMethodChoice } from '../../../core/signin/method';
import { CONSOLES_APART_NOTE } from '../../../platform/browser-target';
import { t, tMessage, tPlural } from '../../../platform/i18n';
import { HealthNotices } from '../regions/health-notices';
import type { Assertion } from '../views/picker-state';
import type { useRegionChoice } from '../regions/use-region-choice';
import { consolesOutcomeView, type useSubmit } from '../signin/use-submit';

/** What the decoder noticed about the assertion; open when it held several. */
export function AssertionWarnings({ info }: { info: SamlAssertionInfo }) {
  if (!info.warnings.length) return null;
  return (
    <details class="warnings" open={info.multipleAssertions}>
      <summary>{tPlural(info.warnings.length, 'assertionWarningsOne', 'assertionWarningsOther')}</summary>
      <ul>
        {info.warnings.map((w) => tMessage(w)).map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
    </details>
  );
}

interface Props {
  assertion: Assertion;
  regions: ReturnType<typeof useRegionChoice>;
  method: SigninMethodChoice;
  signing: ReturnType<typeof useSubmit>;
  /** How many roles open together (0 or 1: just the selected one). */
  manyRoles: number;
}

/** Everything that comes and goes, late or after a click, goes last: it pushes nothing. */
export function PickerNotices({ assertion, regions, method, signing, manyRoles }: Props) {
  const { address } = assertion;
  const { region } = regions;
  // The re-post alone into another region: say what it needs from the admin.
  const warning = method.reason === 'forced-repost' ? otherRegionWarning(address, region) : undefined;
  return (
    <div class="notices" aria-live="polite">
      <HealthNotices regions={regions.regions} region={region} health={regions.health} stsHealth={regions.stsHealth} method={method} />
      {warning && (
        <p class="warning" role="note">
          {tMessage(warning)}
        </p>
      )}
      {signing.needsAccess && (
        <p class="error" role="alert">
          {t('stsAccessNeeded')}{' '}
          <button type="button" class="button" onClick={signing.allowAccess}>
            {t('allowStsAccess')}
          </button>
        </p>
      )}
      {manyRoles > 1 && (
        <p class="hint" id="many-note">
          {t(CONSOLES_APART_NOTE)}
        </p>
      )}
      {signing.viaSts && (
        <p class="hint" role="status">
          {t('signingInThroughSts')}
        </p>
      )}
      {signing.error && (
        <p class="error" role="alert">
          {signing.error}
        </p>
      )}
    </div>
  );
}

/**
 * Several consoles, some of which did not open: the result takes the actions' place, in view,
 * so nothing stays armed to open them again; "Back to the roles" brings the actions back.
 */
export function ConsolesOutcomeInPlace(props: {
  signing: ReturnType<typeof useSubmit>;
  info: SamlAssertionInfo;
  names: { accountNames: Readonly<Record<string, string>>; colours: Readonly<Record<string, AccountColour>> };
  durationCap: number;
  now: number;
  onBack: () => void;
}) {
  const { outcome } = props.signing;
  if (!outcome) return null;
  return (
    <div class="outcome-in-place">
      <consolesOutcomeView.Lazy
        key={outcome.at}
        outcome={outcome.consoles}
        roles={props.info.roles}
        accountNames={props.names.accountNames}
        accountColours={props.names.colours}
        region={outcome.region}
        durationCap={props.durationCap}
        notOnOrAfter={props.info.notOnOrAfter}
        now={props.now}
      />
      <button type="button" class="button" onClick={props.onBack}>
        {t('backToRoles')}
      </button>
    </div>
  );
}
