/**
 * The signed-in layout: a header (who, organisation, role, live-update status, sign out), the
 * navigation of the pages the user's role may see, and hash routing (#/<pageId>?k=v; IDs only
 * in the hash, never PHI). Each page is drawn into its own container so that a slow render of a
 * page already left cannot write into the next one.
 */
import type { Api, ConsolePage, LedgerEvent, PageContext } from './contract.js';
import type { FeedStatus } from './events.js';
import type { Session } from './session.js';
import { failureBox, failureOfError, h } from './ui.js';

export interface ShellOptions {
  readonly root: HTMLElement;
  readonly session: Session;
  readonly api: Api;
  readonly pages: readonly ConsolePage[];
  readonly subscribe: (names: readonly string[], handler: (e: LedgerEvent) => void) => () => void;
  readonly onSignOut: () => void;
}

export interface Shell {
  setFeedStatus(status: FeedStatus): void;
  stop(): void;
}

const STATUS_TEXT: Readonly<Record<FeedStatus, string>> = {
  connecting: 'Live updates: connecting…',
  live: 'Live updates: on',
  offline: 'Live updates: reconnecting…',
};

export function startShell(options: Readonly<ShellOptions>): Shell {
  const { user } = options.session;
  const visible = options.pages.filter((p) => p.roles.includes('*') || p.roles.includes(user.role));
  const status = h('p', { class: 'live', role: 'status' }, STATUS_TEXT.connecting);
  const signOut = h('button', { type: 'button', class: 'secondary' }, 'Sign out');
  signOut.addEventListener('click', () => options.onSignOut());
  const links = visible.map((p) => h('a', { href: `#/${p.id}`, 'data-page': p.id }, p.title));
  const nav = h(
    'nav',
    { id: 'nav', 'aria-label': 'Pages' },
    h('ul', {}, ...links.map((a) => h('li', {}, a))),
  );
  const menu = h(
    'button',
    { type: 'button', class: 'menu-toggle', 'aria-expanded': 'false', 'aria-controls': 'nav' },
    'Menu',
  );
  menu.addEventListener('click', () => setMenu(menu.getAttribute('aria-expanded') !== 'true'));
  const view = h('main', { id: 'view', tabindex: '-1' });
  const org = user.mspId.replace(/MSP$/, '');
  options.root.replaceChildren(
    h(
      'header',
      { class: 'topbar' },
      h('p', { class: 'brand' }, 'HealthLedger'),
      h('p', { class: 'who' }, h('span', {}, user.enrollmentId), ` · ${org} · ${user.role}`),
      status,
      menu,
      signOut,
    ),
    h('div', { class: 'layout' }, nav, view),
  );

  function setMenu(open: boolean): void {
    menu.setAttribute('aria-expanded', String(open));
    nav.classList.toggle('open', open);
  }

  let leave: (() => void)[] = [];
  let first = true;
  const render = (page: ConsolePage, params: Readonly<Record<string, string>>): void => {
    for (const unsubscribe of leave) unsubscribe();
    leave = [];
    for (const a of links) {
      if (a.dataset.page === page.id) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    setMenu(false);
    const heading = h('h1', { tabindex: '-1' }, page.title);
    const container = h('div', { class: 'page', 'data-page': page.id }, heading);
    view.replaceChildren(container);
    document.title = `${page.title} · HealthLedger`;
    if (!first) heading.focus();
    first = false;
    const ctx: PageContext = {
      api: options.api,
      user,
      params,
      navigate,
      onEvents: (names, handler) => {
        const unsubscribe = options.subscribe(names, handler);
        leave.push(unsubscribe);
        return unsubscribe;
      },
    };
    Promise.resolve()
      .then(() => page.render(container, ctx))
      .catch((err: unknown) => container.append(failureBox(failureOfError(err))));
  };

  const route = (): void => {
    // Other fragments (none today) are not pages: leave the current page as it is.
    if (location.hash !== '' && !location.hash.startsWith('#/')) return;
    const [id = '', query = ''] = location.hash.slice(2).split('?');
    const page = visible.find((p) => p.id === id);
    if (page !== undefined) {
      render(page, Object.fromEntries(new URLSearchParams(query)));
    } else if (visible[0] !== undefined) {
      location.replace(`#/${visible[0].id}`);
    } else {
      view.replaceChildren(
        h('p', {}, `No pages of this console are open to the role "${user.role}".`),
      );
    }
  };
  window.addEventListener('hashchange', route);
  route();

  return {
    setFeedStatus: (s) => {
      status.textContent = STATUS_TEXT[s];
      status.dataset.status = s;
    },
    stop: () => {
      for (const unsubscribe of leave) unsubscribe();
      window.removeEventListener('hashchange', route);
    },
  };
}

/** Moves to a page; params carry IDs only (they are visible in the address bar and history). */
export function navigate(pageId: string, params: Readonly<Record<string, string>> = {}): void {
  const query = new URLSearchParams(params).toString();
  location.hash = `#/${pageId}${query === '' ? '' : `?${query}`}`;
}
