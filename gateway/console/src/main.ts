/**
 * The console's entry point: the login form, then the shell for the signed-in user with one
 * live event stream. A 401 from any call (expired or refused token) ends the session and
 * returns to the login form with a message.
 */
import { ApiError, newApi } from './api.js';
import { newEventFeed, type EventFeed } from './events.js';
import { gatewayOrgLine } from './pages/c3-gateway-org.js';
import { pages } from './pages/index.js';
import {
  clearSession,
  loadSession,
  saveSession,
  sessionFromLogin,
  type Session,
} from './session.js';
import { startShell, type Shell } from './shell.js';
import { field, form, h } from './ui.js';
import { notice } from './widgets.js';

const root = document.getElementById('app') ?? document.body;
let current: { session: Session; shell: Shell; feed: EventFeed } | undefined;

const api = newApi({
  token: () => current?.session.token,
  onUnauthenticated: () => signOut('Your session has ended. Please sign in again.'),
});

function signIn(session: Session): void {
  saveSession(session);
  const shell = startShell({
    root,
    session,
    api,
    pages,
    // Pages subscribe from their first render, which runs after `current` is set below.
    subscribe: (names, handler) => current?.feed.subscribe(names, handler) ?? (() => undefined),
    onSignOut: () => signOut(),
  });
  const feed = newEventFeed({
    // This session's token: the stream starts before `current` is set below.
    token: () => session.token,
    onUnauthenticated: () => signOut('Your session has ended. Please sign in again.'),
    onStatus: (s) => shell.setFeedStatus(s),
  });
  current = { session, shell, feed };
}

function signOut(message?: string): void {
  current?.feed.close();
  current?.shell.stop();
  current = undefined;
  clearSession();
  showLogin(message);
}

function showLogin(message?: string): void {
  const login = form({
    label: 'Sign in',
    submit: 'Sign in',
    fields: [
      field({
        label: 'Enrolment ID',
        name: 'enrollmentId',
        required: true,
        attrs: { autocomplete: 'username' },
      }),
      field({
        label: 'Password',
        name: 'password',
        type: 'password',
        required: true,
        attrs: { autocomplete: 'current-password' },
      }),
    ],
    onSubmit: async (data) => {
      const answer = await api.post('/auth/login', {
        enrollmentId: String(data.get('enrollmentId') ?? '').trim(),
        password: String(data.get('password') ?? ''),
      });
      const session = sessionFromLogin(answer);
      if (session === undefined) {
        throw new ApiError({
          status: 200,
          code: 'ERROR',
          message: 'The gateway answered the login in an unexpected shape.',
        });
      }
      signIn(session);
    },
  });
  root.replaceChildren(
    h(
      'main',
      { id: 'view', class: 'login' },
      h('h1', {}, 'HealthLedger console'),
      gatewayOrgLine(api),
      h(
        'p',
        {},
        "Sign in with the enrolment ID and password your organisation's administrator gave you.",
      ),
      message === undefined ? null : notice(message, 'info'),
      login,
    ),
  );
  document.title = 'Sign in · HealthLedger';
}

const saved = loadSession();
if (saved !== undefined) signIn(saved);
else showLogin();
