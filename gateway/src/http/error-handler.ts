/** The last middleware: every failure answered as JSON through the one error mapping. */
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger';
import { toHttpAnswer } from './errors';
import { notFound } from './problem';

export function errorHandler(logger: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const requestId = res.locals.requestId;
    const answer = toHttpAnswer(err);
    logger[answer.log.level]('request failed', {
      requestId,
      method: req.method,
      route: res.locals.route ?? 'unmatched',
      status: answer.status,
      code: answer.body.error.code,
      ...answer.log.fields,
    });
    if (res.headersSent) {
      res.end();
      return;
    }
    res
      .status(answer.status)
      .set(answer.headers)
      .json({ error: { ...answer.body.error, requestId } });
  };
}

export function notFoundHandler(req: Request, _res: Response, next: NextFunction): void {
  next(notFound(`no route ${req.method} ${req.path}`));
}
