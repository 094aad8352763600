/**
 * A route as data: method, path, access, the schemas of its body, query and path parameters,
 * its answers, and a handler that receives the parsed, typed request. The same description
 * mounts the route on Express and writes its entry in the OpenAPI document, so the document
 * cannot drift from what the gateway checks.
 */
import { z } from 'zod';
import type { AuthUser } from '../auth/user';
import type { UserContracts } from '../fabric/user-contracts';
import { parseBody, parsePart } from './validation';

/** public: anyone; user: a valid token; admin: a valid token of an organisation admin. */
export type Access = 'public' | 'user' | 'admin';

export type Method = 'get' | 'post' | 'put' | 'delete';

export interface Answer {
  readonly status: number;
  readonly body: unknown;
}

export interface RouteDoc {
  readonly method: Method;
  /** OpenAPI form: /records/{recordId}. */
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  readonly description?: string;
  readonly access: Access;
  readonly body: z.ZodType;
  readonly query: z.ZodType;
  readonly params: z.ZodType;
  readonly success: { readonly status: number; readonly description: string };
  /** Error statuses the route may answer besides 401/429/500, which every protected route has. */
  readonly errors: readonly number[];
}

/** What reaches a handler: validated parts of the request and, on protected routes, the user. */
export interface RouteInput<B, Q, P> {
  readonly body: B;
  readonly query: Q;
  readonly params: P;
  readonly requestId: string;
  /** Set on user and admin routes. */
  readonly user: AuthUser | undefined;
  /** The contracts signed as the user; only on user and admin routes. */
  readonly contracts: () => Promise<UserContracts>;
}

export interface RawRequest {
  readonly body: unknown;
  readonly query: unknown;
  readonly params: unknown;
  readonly requestId: string;
  readonly user: AuthUser | undefined;
  readonly contracts: () => Promise<UserContracts>;
}

export interface Route {
  readonly doc: RouteDoc;
  run(request: RawRequest): Promise<Answer>;
}

export interface RouteSpec<B, Q, P> extends Omit<RouteDoc, 'body' | 'query' | 'params'> {
  readonly body: z.ZodType<B>;
  readonly query: z.ZodType<Q>;
  readonly params: z.ZodType<P>;
  handle(input: RouteInput<B, Q, P>): Promise<Answer>;
}

/** For routes without a body: nothing, or an empty JSON object (any field is refused by name). */
export const NoBody = z.preprocess((value) => value ?? {}, z.strictObject({}));
/** For routes without query parameters: none allowed. */
export const NoQuery = z.strictObject({});
/** For routes without path parameters. */
export const NoParams = z.object({});

export function defineRoute<B, Q, P>(spec: RouteSpec<B, Q, P>): Route {
  const { handle, ...doc } = spec;
  return {
    doc,
    run: async (raw) =>
      handle({
        ...raw,
        params: parsePart(spec.params, raw.params, 'path'),
        query: parsePart(spec.query, raw.query, 'query'),
        body: parseBody(spec.body, raw.body),
      }),
  };
}

export const ok = (body: unknown): Answer => ({ status: 200, body });
export const created = (body: unknown): Answer => ({ status: 201, body });
