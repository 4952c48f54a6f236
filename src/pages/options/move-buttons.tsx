import { t } from '../../platform/i18n';

/** The list with one item moved up or down by one. */
function moved<T>(list: readonly T[], index: number, delta: number): T[] {
  const next = [...list];
  const target = index + delta;
  if (target < 0 || target >= next.length) return next;
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** ↑ and ↓ for one item of an ordered list setting: reordering that works with the keyboard and the mouse. */
export function MoveButtons<T>(props: { list: readonly T[]; index: number; label: string; disabled?: boolean; onMove: (next: T[]) => void }) {
  const { list, index } = props;
  return (
    <>
      <button type="button" class="button small" disabled={props.disabled || index === 0} aria-label={t('moveUp', props.label)} onClick={() => props.onMove(moved(list, index, -1))}>
        ↑
      </button>
      <button type="button" class="button small" disabled={props.disabled || index === list.length - 1} aria-label={t('moveDown', props.label)} onClick={() => props.onMove(moved(list, index, 1))}>
        ↓
      </button>
    </>
  );
}
