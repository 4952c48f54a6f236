import { useLayoutEffect, useRef } from 'preact/hooks';
import type { RoleSection } from '../../../core/roles/sections';
import type { SamlRole } from '../../../core/saml/decode';
import { t } from '../../../platform/i18n';
import { own } from '../../../core/base/own';
import { RoleRow, type RowProps } from './role-row';
import { SectionHeading } from './section-heading';
import { useListWindow } from './use-list-window';
import { listKeyMove } from './use-role-selection';

interface Props extends RowProps {
  sections: readonly RoleSection<SamlRole>[];
  /** Moves the selection by this many rows over the whole list (±Infinity: to the first or last). */
  onMoveBy: (delta: number) => void;
  query: string;
  /** Space on a row: ticks or unticks it among the roles opened together. */
  onTick: ((role: SamlRole) => void) | undefined;
}

/** Space ticks the row, * pins it (no modifier besides Shift, which * may need). */
function rowKey(event: KeyboardEvent): 'tick' | 'pin' | undefined {
  if (event.altKey || event.ctrlKey || event.metaKey) return undefined;
  return event.key === ' ' ? 'tick' : event.key === '*' ? 'pin' : undefined;
}

const Spacer = ({ px }: { px: number }) => <div class="spacer" aria-hidden="true" style={{ height: `${px}px` }} />;

/**
 * Roles in sections; one radio group across all so arrows move through all of them. Long lists are
 * windowed: the rows out of view are spacers of their exact height, each rendered radio says its
 * place in the whole list (aria-posinset/aria-setsize), and the keys move over the whole list.
 */
export function RoleList(props: Props) {
  const { sections, accountNames, query } = props;
  const list = useListWindow(props);
  const { view, starts, total } = list;
  // A pin moves the row into (or out of) Pinned: the radio is rendered anew there, and the focus
  // it had goes with it once the pin is saved.
  const pinning = useRef<{ arn: string; was: boolean } | undefined>(undefined);
  useLayoutEffect(() => {
    const pin = pinning.current;
    if (!pin || props.pinned.has(pin.arn) === pin.was) return;
    pinning.current = undefined;
    if (document.activeElement === document.body || !document.activeElement) document.getElementById(props.radioId(pin.arn))?.focus({ preventScroll: true });
  });

  if (!sections.length) {
    return (
      <p id="role-list" class="empty" role="status">
        {t('noRoleMatches', query)}
      </p>
    );
  }

  // The list is one Tab stop (its radios): arrows move, Space ticks "open too", * pins.
  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.target as HTMLInputElement).type !== 'radio') return;
    const key = rowKey(event);
    if (key) {
      const arn = (event.target as HTMLInputElement).value;
      const role = sections.flatMap((s) => s.rows).find((row) => row.role.roleArn === arn)?.role;
      if (!role || (key === 'tick' && !props.onTick)) return;
      event.preventDefault();
      if (key === 'tick') props.onTick?.(role);
      else {
        pinning.current = { arn, was: props.pinned.has(arn) };
        props.onTogglePin(role);
      }
      return;
    }
    const move = listKeyMove(event, list.pageRows);
    if (move === undefined) return;
    event.preventDefault();
    list.focusSelectedNext();
    props.onMoveBy(move);
  };

  return (
    <>
      {/* The columns of boxes and stars, named where they are (each box and star has its own name too). */}
      <div class="list-columns" aria-hidden="true">
        <span>{t('listKeys')}</span>
        {props.onToggleAlsoOpen && <span class="column-also">{t('alsoOpenColumn')}</span>}
        <span class="column-pin">{t('pinColumn')}</span>
      </div>
    <fieldset
      id="role-list"
      class={list.windowed ? 'roles windowed' : 'roles'}
      ref={list.listRef}
      onKeyDown={onKeyDown}
      onFocusIn={list.onFocusIn}
      onFocusOut={list.onFocusOut}
      onScroll={list.onScroll}
    >
      <legend class="visually-hidden">{t('roleLegend')}</legend>
      {/* Chromium resets a scrolled fieldset to the top when its own children change: they change in here. */}
      <div class="role-rows">
        {view.sections.flatMap(({ section: s, gapBeforePx, rows, gapAfterPx }) => {
          const section = sections[s]!;
          const headingId = `section-${section.key}`;
          // One flat keyed list (no nested arrays): Preact then moves nothing that holds the focus.
          const children = [];
          for (const { row: r, gapBeforePx: gap } of rows) {
            const row = section.rows[r]!;
            if (gap > 0) children.push(<Spacer key={`gap-${row.role.roleArn}`} px={gap} />);
            children.push(
              <RoleRow
                key={row.role.roleArn}
                role={row.role}
                matches={query ? row.matches : []}
                showAccount={section.kind !== 'account'}
                position={starts[s]! + r + 1}
                setSize={total}
                {...props}
              />,
            );
          }
          const group = (
            <div class={s > 0 ? 'account later' : 'account'} role="group" aria-labelledby={headingId} key={section.key}>
              <SectionHeading
                id={headingId}
                section={section}
                accountName={section.accountId ? own(accountNames, section.accountId) : undefined}
                colour={section.accountId ? own(props.colours, section.accountId) : undefined}
                derived={props.derivedNames.has(section.accountId ?? '')}
              />
              {children}
              {gapAfterPx > 0 && <Spacer key="after" px={gapAfterPx} />}
            </div>
          );
          return gapBeforePx > 0 ? [<Spacer key={`before-${section.key}`} px={gapBeforePx} />, group] : [group];
        })}
        {view.gapAfterPx > 0 && <Spacer key="end" px={view.gapAfterPx} />}
      </div>
    </fieldset>
    </>
  );
}
