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

  if (!sections.length) {
    return (
      <p id="role-list" class="empty" role="status">
        {t('noRoleMatches', query)}
      </p>
    );
  }

  const onKeyDown = (event: KeyboardEvent) => {
    const move = listKeyMove(event, list.pageRows);
    if (move === undefined || (event.target as HTMLInputElement).type !== 'radio') return;
    event.preventDefault();
    list.focusSelectedNext();
    props.onMoveBy(move);
  };

  return (
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
  );
}
