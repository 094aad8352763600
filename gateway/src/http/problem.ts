/**
 * An answer the gateway decides itself (bad token, wrong role, unknown route): a status, a
 * stable code and a message that is safe to show to the caller.
 */

export class HttpProblem extends Error {
  readonly status: number;
  readonly code: string;
  /** For 400: which field of the request, and why. */
  readonly field?: string;
  readonly reason?: string;
  /** Seconds until the caller may retry (429, 503). */
  readonly retryAfter?: number;

  constructor(
    status: number,
    code: string,
    message: string,
    extra: Readonly<{ field?: string; reason?: string; retryAfter?: number }> = {},
  ) {
    super(message);
    this.name = 'HttpProblem';
    this.status = status;
    this.code = code;
    this.field = extra.field;
    this.reason = extra.reason;
    this.retryAfter = extra.retryAfter;
  }
}

export function badRequest(field: string, reason: string): HttpProblem {
  return new HttpProblem(400, 'INVALID_ARGUMENT', `${field}: ${reason}`, { field, reason });
}

export function unauthenticated(message = 'a valid bearer token is required'): HttpProblem {
  return new HttpProblem(401, 'UNAUTHENTICATED', message);
}

export function forbidden(message: string): HttpProblem {
  return new HttpProblem(403, 'FORBIDDEN', message);
}

export function notFound(message: string): HttpProblem {
  return new HttpProblem(404, 'NOT_FOUND', message);
}

export function tooManyRequests(retryAfter: number): HttpProblem {
  return new HttpProblem(429, 'RATE_LIMITED', 'too many requests; retry later', { retryAfter });
}

/** The gateway's own queue is full, or a request waited too long for a place. */
export function gatewayBusy(): HttpProblem {
  return new HttpProblem(503, 'UNAVAILABLE', 'the gateway is busy; try again shortly', {
    retryAfter: 1,
  });
}
