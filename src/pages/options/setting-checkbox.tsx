import { t } from '../../platform/i18n';

/**
 * A checkbox for one boolean setting with its hint and, when a policy sets it, the "set by your
 * organisation" note; both describe the checkbox (`<id>-hint`, `<id>-locked`).
 */
export function SettingCheckbox(props: { id: string; label: string; hint?: string; checked: boolean; locked?: boolean; onChange: (checked: boolean) => void }) {
  const describedBy = [props.hint && `${props.id}-hint`, props.locked && `${props.id}-locked`].filter(Boolean).join(' ');
  return (
    <>
      <label class="check">
        <input
          type="checkbox"
          checked={props.checked}
          disabled={props.locked}
          aria-describedby={describedBy || undefined}
          onChange={(e) => props.onChange((e.target as HTMLInputElement).checked)}
        />
        {props.label}
      </label>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.locked && (
        <p class="hint" id={`${props.id}-locked`}>
          {t('sectionLocked')}
        </p>
      )}
    </>
  );
}
