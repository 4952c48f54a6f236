import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { FieldMatch, MatchField } from '../../core/ranking';
import type { RoleSection } from '../../core/role-sections';
import type { SamlRole } from '../../core/saml-decode';
import { listWindow, type ListWindow } from '../../core/list-window';
import { t, tPlural } from '../../platform/i18n';
import { own } from '../../core/own';
import type { AccountColour } from '../../core/account-colours';
import { ColourSwatch } from '../../ui/account-colour';
import { listKeyMove } from './use-role-selection';

interface Props {
  sections: readonly RoleSection<SamlRole>[];
  accountNames: Readonly<Record<string, string>>;
  /** Accounts whose name was derived from role names (not given by the user): styled apart. */
  derivedNames: ReadonlySet<string>;
  /** Accounts with a colour (set by ID or by a name rule), by account ID. */
  colours: Readonly<Record<string, AccountColour>>;
  pinned: ReadonlySet<string>;
  onTogglePin: (role: SamlRole) => void;
  /** Roles also to open, each in a tab of its own (besides the selected one). */
  alsoOpen: ReadonlySet<string>;
  onToggleAlsoOpen: (role: SamlRole) => void;
  selectedArn: string | undefined;
  onSelect: (roleArn: string) => void;
  /** Moves the selection by this many rows over the whole list (±Infinity: to the first or last). */
  onMoveBy: (delta: number) => void;
  query: string;
  radioId: (roleArn: string) => string;
}

/** From this many rows on, only the rows in view (and the selected and focused ones) are in the DOM. */
const WINDOW_FROM = 100;
const OVERSCAN_PX = 160;
/** Until the first rows are measured; the list's max-height (32rem) for the viewport. */
const ESTIMATE = { headingPx: 32, rowPx: 38, viewportPx: 512 };

const sectionTitle = (kind: 'pinned' | 'recent' | 'matches') =>
  kind === 'pinned' ? t('sectionPinned') : kind === 'recent' ? t('sectionRecent') : t('sectionMatches');

/** Every row, no spacers: lists short enough to render whole. */
const wholeList = (sizes: readonly number[]): ListWindow => ({
  sections: sizes.map((size, section) => ({ section, gapBeforePx: 0, rows: Array.from({ length: size }, (_, row) => ({ row, gapBeforePx: 0 })), gapAfterPx: 0 })),
  gapAfterPx: 0,
  totalPx: 0,
});

const Spacer = ({ px }: { px: number }) => <div class="spacer" aria-hidden="true" style={{ height: `${px}px` }} />;

/**
 * Roles in sections; one radio group across all so arrows move through all of them. Long lists are
 * windowed: the rows out of view are spacers of their exact height, each rendered radio says its
 * place in the whole list (aria-posinset/aria-setsize), and the keys move over the whole list.
 */
export function RoleList(props: Props) {
  const { sections, accountNames, query, selectedArn } = props;
  const listRef = useRef<HTMLFieldSetElement>(null);
  const [metrics, setMetrics] = useState({ ...ESTIMATE, scrollTop: 0 });
  const [focusedArn, setFocusedArn] = useState<string>();
  const focusSelected = useRef(false);
  const revealed = useRef<{ arn?: string; query?: string }>({});
  const sizes = useMemo(() => sections.map((s) => s.rows.length), [sections]);
  const starts = useMemo(() => sizes.reduce<number[]>((acc, _, i) => (acc.push(i ? acc[i - 1]! + sizes[i - 1]! : 0), acc), []), [sizes]);
  const total = sizes.reduce((a, b) => a + b, 0);
  const windowed = total >= WINDOW_FROM;
  const indexOf = (arn: string | undefined): number => {
    if (arn === undefined) return -1;
    for (let s = 0; s < sections.length; s++) {
      const r = sections[s]!.rows.findIndex((row) => row.role.roleArn === arn);
      if (r >= 0) return starts[s]! + r;
    }
    return -1;
  };
  const keep = windowed ? [indexOf(selectedArn), indexOf(focusedArn)].filter((i) => i >= 0) : [];
  const view = windowed ? listWindow(sizes, { ...metrics, overscanPx: OVERSCAN_PX }, keep) : wholeList(sizes);

  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const heading = list.querySelector<HTMLElement>('.account-heading');
    const headingPx = heading?.getBoundingClientRect().height || metrics.headingPx;
    if (windowed) {
      // Heights as the page's fonts and zoom make them; the estimate only serves the first frame.
      const rowPx = list.querySelector<HTMLElement>('.role')?.getBoundingClientRect().height || metrics.rowPx;
      const viewportPx = list.clientHeight || metrics.viewportPx;
      const moved = (a: number, b: number) => Math.abs(a - b) > 0.25;
      if (moved(rowPx, metrics.rowPx) || moved(headingPx, metrics.headingPx) || moved(viewportPx, metrics.viewportPx)) {
        setMetrics((m) => ({ ...m, rowPx, headingPx, viewportPx }));
      }
    }
    const input = selectedArn ? (document.getElementById(props.radioId(selectedArn)) as HTMLInputElement | null) : null;
    if (focusSelected.current && input) {
      focusSelected.current = false;
      input.focus({ preventScroll: true });
    }
    // Bring the selected row into view when the selection or the query changes (not when a pin or a
    // name rearranges the list under a user who scrolled away), scrolling the list only, never the page.
    if (revealed.current.arn === selectedArn && revealed.current.query === query) return;
    revealed.current = { arn: selectedArn, query };
    const row = input?.closest<HTMLElement>('.role');
    if (!row) return;
    const top = row.getBoundingClientRect().top - list.getBoundingClientRect().top - list.clientTop + list.scrollTop;
    const bottom = top + row.getBoundingClientRect().height;
    // The sticky heading covers the top of the list.
    if (top - headingPx < list.scrollTop) list.scrollTop = Math.max(0, top - headingPx);
    else if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight;
  });

  if (!sections.length) {
    return (
      <p id="role-list" class="empty" role="status">
        {t('noRoleMatches', query)}
      </p>
    );
  }

  const onKeyDown = (event: KeyboardEvent) => {
    const page = Math.max(1, Math.floor(metrics.viewportPx / metrics.rowPx) - 1);
    const move = listKeyMove(event, page);
    if (move === undefined || (event.target as HTMLInputElement).type !== 'radio') return;
    event.preventDefault();
    focusSelected.current = true;
    props.onMoveBy(move);
  };
  const onFocusIn = (event: FocusEvent) => {
    const arn = (event.target as HTMLElement).closest<HTMLElement>('.role')?.dataset.arn;
    if (windowed && arn !== focusedArn) setFocusedArn(arn);
  };
  const onFocusOut = (event: FocusEvent) => {
    if (windowed && !listRef.current?.contains(event.relatedTarget as Node | null)) setFocusedArn(undefined);
  };
  const onScroll = () => {
    const list = listRef.current;
    if (windowed && list) setMetrics((m) => ({ ...m, scrollTop: list.scrollTop, viewportPx: list.clientHeight || m.viewportPx }));
  };

  return (
    <fieldset
      id="role-list"
      class={windowed ? 'roles windowed' : 'roles'}
      ref={listRef}
      onKeyDown={onKeyDown}
      onFocusIn={onFocusIn}
      onFocusOut={onFocusOut}
      onScroll={onScroll}
    >
      <legend class="visually-hidden">{t('roleLegend')}</legend>
      {/* Chromium resets a scrolled fieldset to the top when its own children change: they change in here. */}
      <div class="role-rows">
        {view.sections.flatMap(({ section: s, gapBeforePx, rows, gapAfterPx }) => {
          const section = sections[s]!;
          const headingId = `section-${section.key}`;
          const accountName = section.accountId ? own(accountNames, section.accountId) : undefined;
          const colour = section.accountId ? own(props.colours, section.accountId) : undefined;
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
              <h2 id={headingId} class="account-heading">
                {section.kind === 'account' ? (
                  <>
                    {colour && <ColourSwatch colour={colour} named />}
                    {accountName ? (
                      <AccountName name={accountName} derived={props.derivedNames.has(section.accountId ?? '')} />
                    ) : (
                      <span class="account-label">{t('accountLabel')}</span>
                    )}
                    <span class="account-id">{section.accountId}</span>
                  </>
                ) : (
                  <span class="account-label">{sectionTitle(section.kind)}</span>
                )}
                <span class="account-count">
                  {tPlural(section.rows.length, 'roleCountOne', 'roleCountOther')}
                </span>
              </h2>
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

/** A user's own name as given; a name read from role names in italics, said so to screen readers. */
function AccountName(props: { name: ComponentChildren; derived: boolean }) {
  if (!props.derived) return <span class="account-name">{props.name}</span>;
  return (
    <span class="account-name derived" title={t('nameFromRoleNames')}>
      {props.name}
      <span class="visually-hidden"> ({t('nameFromRoleNames')})</span>
    </span>
  );
}

function RoleRow(props: Props & { role: SamlRole; matches: readonly FieldMatch[]; showAccount: boolean; position: number; setSize: number }) {
  const { role, matches, accountNames, pinned, selectedArn, radioId } = props;
  const id = radioId(role.roleArn);
  const accountName = own(accountNames, role.accountId);
  const isPinned = pinned.has(role.roleArn);
  const ranges = (field: MatchField) => matches.find((m) => m.field === field)?.ranges ?? [];
  const accountText = `${accountName ? `${accountName} ` : ''}${role.accountId}`;
  const colour = own(props.colours, role.accountId);
  return (
    <div class={role.roleArn === selectedArn ? 'role selected' : 'role'} data-arn={role.roleArn}>
      <label for={id}>
        <input
          type="radio"
          id={id}
          name="role"
          value={role.roleArn}
          checked={role.roleArn === selectedArn}
          aria-posinset={props.position}
          aria-setsize={props.setSize}
          onChange={() => props.onSelect(role.roleArn)}
        />
        {colour && <ColourSwatch colour={colour} />}
        <span class="role-name">{highlight(role.roleName, ranges('roleName'))}</span>
        {role.path !== '/' && <span class="role-path">{highlight(role.path, ranges('path'))}</span>}
        {props.showAccount ? (
          <span class="role-account">
            {accountName && <AccountName name={highlight(accountName, ranges('accountName'))} derived={props.derivedNames.has(role.accountId)} />}
            <span class="account-id">{highlight(role.accountId, ranges('accountId'))}</span>
          </span>
        ) : (
          <span class="visually-hidden">{` ${t('roleInAccount', accountText)}`}</span>
        )}
      </label>
      <input
        type="checkbox"
        class="also-open"
        checked={props.alsoOpen.has(role.roleArn) || (props.alsoOpen.size > 0 && role.roleArn === selectedArn)}
        aria-label={t('alsoOpenRole', role.roleName, accountText)}
        title={t('alsoOpenTitle')}
        onChange={() => props.onToggleAlsoOpen(role)}
      />
      <button
        type="button"
        class={isPinned ? 'pin pinned' : 'pin'}
        aria-pressed={isPinned}
        aria-label={isPinned ? t('unpinRole', role.roleName, accountText) : t('pinRole', role.roleName, accountText)}
        title={isPinned ? t('unpin') : t('pinTitle')}
        onClick={() => props.onTogglePin(role)}
      >
        {isPinned ? '★' : '☆'}
      </button>
    </div>
  );
}

/** Marks the given [start, end) ranges of `text`. */
function highlight(text: string, ranges: ReadonlyArray<readonly [number, number]>): ComponentChildren {
  if (!ranges.length) return text;
  const parts: ComponentChildren[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}
