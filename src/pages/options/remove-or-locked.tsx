import { t } from '../../platform/i18n';

/** A list entry's last cell: "Remove" for the user's own entry, "set by your organisation" for a managed one. */
export function RemoveOrLocked(props: { removable: boolean; label: string; onRemove: () => void }) {
  return props.removable ? (
    <button type="button" class="button small" aria-label={props.label} onClick={props.onRemove}>
      {t('remove')}
    </button>
  ) : (
    <span class="locked">{t('namesOrganisation')}</span>
  );
}
