interface Props {
  /** Every label the control can take. */
  labels: readonly string[];
  /** The one shown now (an index into `labels`). */
  current: number;
}

/**
 * A control's label that changes ("Check again" / "Checking…") without the control changing size:
 * every label sits in the same grid cell, the others hidden (and so out of the accessible name),
 * so the control is as wide as its widest label and nothing beside it moves.
 */
export function StableLabel({ labels, current }: Props) {
  return (
    <span class="stable-label">
      {labels.map((label, index) => (
        <span key={index} class={index === current ? undefined : 'inactive'} aria-hidden={index === current ? undefined : 'true'}>
          {label}
        </span>
      ))}
    </span>
  );
}
