import type { ComponentChildren } from 'preact';
import { t } from '../../platform/i18n';
import { RemoveOrLocked } from './remove-or-locked';

export interface AccountRow {
  readonly accountId: string;
  readonly name: string;
  /** The cells after the name, one per `columns`. */
  readonly cells?: readonly ComponentChildren[];
  /** The user's own entry ("Remove"), not only the organisation's ("set by your organisation"). */
  readonly removable: boolean;
  readonly removeLabel: string;
}

/** A setting per account as a table: account ID, name, `columns`, and Remove. */
export function AccountTable(props: { columns?: readonly string[]; rows: readonly AccountRow[]; onRemove: (accountId: string) => void }) {
  return (
    <table class="names">
      <thead>
        <tr>
          {[t('accountIdLabel'), t('accountNameLabel'), ...(props.columns ?? [])].map((column) => (
            <th scope="col" key={column}>
              {column}
            </th>
          ))}
          <th scope="col">
            <span class="visually-hidden">{t('actionsHeader')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.accountId}>
            <td class="code">{row.accountId}</td>
            <td>{row.name}</td>
            {(row.cells ?? []).map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
            <td>
              <RemoveOrLocked removable={row.removable} label={row.removeLabel} onRemove={() => props.onRemove(row.accountId)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
