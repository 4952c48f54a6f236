import { useState } from 'preact/hooks';
import { t, tMessage } from '../../../platform/i18n';
import { inThisTab } from '../../../aws-calls/this-tab';

/**
 * "Get account names from AWS": offered when the assertion has several roles and some of
 * its accounts have no name. Only on this click does this page post the assertion, without a
 * role, to the addressed endpoint and read the names from AWS's page. While that endpoint is down
 * the line stays (one line, so the roles below never move) and says why there is no offer.
 */
export function AccountNamesOffer(props: { host: string; endpointDown: boolean; onLearned: () => void }) {
  const [state, setState] = useState<{ kind: 'idle' | 'asking' } | { kind: 'done'; text: string; error: boolean }>({ kind: 'idle' });
  const ask = async () => {
    setState({ kind: 'asking' });
    const { fetchAccountNames } = await import('../../../aws-calls/account-names');
    const reply = await inThisTab('replyPickerTabNames', fetchAccountNames);
    if (reply.ok) props.onLearned();
    setState(reply.ok ? { kind: 'done', text: t('namesLearned', String(reply.learned)), error: false } : { kind: 'done', text: tMessage(reply.error), error: true });
  };
  if (props.endpointDown && state.kind === 'idle') {
    return <p class="hint names-offer">{t('namesEndpointDown', props.host)}</p>;
  }
  return (
    <p class="hint names-offer">
      {state.kind !== 'done' || state.error ? (
        <button type="button" class="link" onClick={() => void ask()} disabled={state.kind === 'asking'} title={t('namesFromAwsTitle', props.host)}>
          {state.kind === 'asking' ? t('namesAsking') : t('namesFromAws')}
        </button>
      ) : null}
      {state.kind === 'done' && (
        <span class={state.error ? 'error' : undefined} role="status">
          {' '}
          {state.text}
        </span>
      )}
    </p>
  );
}
