/**
 * Checks one part of a request (body, query or path) against its schema; the first problem
 * becomes a 400 that names the field and the reason.
 */
import type { z } from 'zod';
import { checkBodyShape } from './body-shape';
import { badRequest } from './problem';

export type Part = 'body' | 'query' | 'path';

export function parsePart<T>(schema: z.ZodType<T>, value: unknown, part: Part): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue === undefined) throw badRequest(part, 'is invalid');
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    throw badRequest([...path, key].join('.'), 'is not a known field');
  }
  throw badRequest(path.length > 0 ? path.join('.') : part, issue.message);
}

/** The body: its shape (nesting, prototype keys) first, then its schema. */
export function parseBody<T>(schema: z.ZodType<T>, value: unknown): T {
  checkBodyShape(value);
  return parsePart(schema, value, 'body');
}
