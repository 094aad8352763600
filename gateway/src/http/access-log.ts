/**
 * One log line and one metric sample per answered request: method, route pattern (never the
 * URL with its IDs, never a body), status, duration, request ID and the user's enrolment ID.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger';
import type { Metrics } from '../ops/metrics';

export function accessLog(logger: Logger, metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.on('close', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const labels = {
        method: req.method,
        route: res.locals.route ?? 'unmatched',
        status: String(res.statusCode),
      };
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, seconds);
      logger.info('request', {
        requestId: res.locals.requestId,
        ...labels,
        ms: Math.round(seconds * 1000),
        user: res.locals.user?.id,
        completed: res.writableFinished,
      });
    });
    next();
  };
}
