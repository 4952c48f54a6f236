import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { SettingsKey } from '../../core/settings/schema';
import { t } from '../../platform/i18n';
import type { SectionProps } from './main';

/** A settings section with its error line and, when `locked`, the "set by your organisation" note. */
export function Section(props: { title: string; id: string; locked?: boolean; lockedNote?: string; error?: string | undefined; children: ComponentChildren }) {
  return (
    <section class="panel" aria-labelledby={props.id}>
      <h3 id={props.id}>{props.title}</h3>
      {props.locked && <p class="locked">{props.lockedNote ?? t('sectionLocked')}</p>}
      {props.children}
      {props.error && (
        <p class="error" role="alert">
          {props.error}
        </p>
      )}
    </section>
  );
}

/** Saves one setting and keeps why it could not be saved for the section's error line. */
export function useEdit<K extends SettingsKey = SettingsKey>(props: SectionProps) {
  const [error, setError] = useState<string>();
  /** True when the value was saved. */
  const edit = async (key: K, value: unknown): Promise<boolean> => {
    const problem = await props.edit(key, value);
    setError(problem);
    return !problem;
  };
  return { error, setError, edit };
}

/** A row of inputs that saves with its submit button (or Enter) instead of leaving the page. */
export function RowForm(props: { onSubmit: () => void; children: ComponentChildren }) {
  return (
    <form
      class="row"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      {props.children}
    </form>
  );
}

/** A map setting without one entry (what "Remove" saves). */
export function withoutKey<V>(map: Readonly<Record<string, V>>, key: string): Record<string, V> {
  const next = { ...map };
  delete next[key];
  return next;
}
