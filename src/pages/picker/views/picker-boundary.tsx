import type { ComponentChildren } from 'preact';
import { useErrorBoundary } from 'preact/hooks';
import type { CapturedSignin } from '../../../core/signin/capture';
import { t } from '../../../platform/i18n';
import { DecodeErrorView } from './state-views';

/**
 * Whatever goes wrong while the picker renders (an unexpected assertion or setting), the user
 * keeps a way out: AWS's own page with the untouched assertion, or back to the IdP.
 */
export function PickerBoundary(props: { capture: CapturedSignin; children: ComponentChildren }) {
  const [error] = useErrorBoundary();
  if (error) return <DecodeErrorView message={t('pickerFailed')} capture={props.capture} />;
  return <>{props.children}</>;
}
