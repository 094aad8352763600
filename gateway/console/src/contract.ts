/**
 * What every page of the web console is given and must provide. The shell (main.ts) logs the
 * user in, builds the navigation from the pages whose roles include the user's, and renders one
 * page at a time into the view; pages talk to the gateway only through `api`.
 */

/** The signed-in user, as the gateway's /auth/login and /me describe them. */
export interface ConsoleUser {
  readonly enrollmentId: string;
  readonly mspId: string;
  readonly role: string;
  readonly patientId?: string;
  readonly practitionerId?: string;
}

/** A refusal from the gateway: its JSON error body, with the HTTP status. */
export interface ApiFailure {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  /** The request field the refusal names (e.g. "demographics.birthDate"), when it names one. */
  readonly field?: string;
  readonly reason?: string;
}

/** JSON over HTTPS to this organisation's gateway with the user's token. Every method throws an
 * ApiError (which carries an ApiFailure) on a non-2xx answer; a 401 also sends the user back to
 * the login form. */
export interface Api {
  get(path: string, query?: Readonly<Record<string, string | undefined>>): Promise<unknown>;
  post(path: string, body?: unknown): Promise<unknown>;
}

/** A ledger event from the gateway's /events stream (IDs and statuses only). */
export interface LedgerEvent {
  readonly eventName: string;
  readonly blockNumber: number;
  readonly transactionId: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

export interface PageContext {
  readonly api: Api;
  readonly user: ConsoleUser;
  /** Calls `handler` for each event of these names until the page is left; returns an unsubscribe. */
  onEvents(names: readonly string[], handler: (event: LedgerEvent) => void): () => void;
  /** Moves to another page (by id), with optional parameters such as a record ID. */
  navigate(pageId: string, params?: Readonly<Record<string, string>>): void;
  /** The parameters the page was opened with. */
  readonly params: Readonly<Record<string, string>>;
}

export interface ConsolePage {
  /** Stable id used in the URL hash (#/<id>) and in tests. */
  readonly id: string;
  /** The navigation label and the page's h1. */
  readonly title: string;
  /** Roles that see the page; '*' for every signed-in user. */
  readonly roles: readonly string[];
  /** Draws the page into `view` (already emptied, h1 already set). */
  render(view: HTMLElement, ctx: PageContext): void | Promise<void>;
}
