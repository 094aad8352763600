/**
 * The OpenAPI 3.1 document, written from the same route descriptions and zod schemas that
 * mount and validate the routes: every route with its parameters, body, answers and errors.
 */
import { z } from 'zod';
import { NoBody, type RouteDoc } from '../http/route';

export interface OpenApiInfo {
  readonly title: string;
  readonly version: string;
  readonly description: string;
}

type JsonSchema = Record<string, unknown>;

const ERROR_TEXT: Readonly<Record<number, string>> = {
  400: 'Invalid request: error.field and error.reason say which field and why',
  401: 'Missing, malformed, expired or foreign token, or wrong credentials',
  403: 'The chaincode or the gateway refuses this caller (role, organisation, consent, licence)',
  404: 'No such item',
  409: 'Conflict: a duplicate, or concurrent changes even after retries',
  410: "Erased at the patient's request",
  413: 'Body larger than the gateway accepts',
  422: 'A business rule refuses the request in the current state',
  429: 'Too many requests; see Retry-After',
  500: 'A bug in the gateway',
  502: 'The network answered with an error the gateway does not recognise',
  503: 'The network (peer, orderer or CA) is unreachable or did not answer in time; see Retry-After',
};

const ErrorSchema: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', examples: ['FORBIDDEN', 'INVALID_ARGUMENT', 'NOT_FOUND'] },
        message: { type: 'string' },
        field: { type: 'string' },
        reason: { type: 'string' },
        requestId: { type: 'string' },
      },
    },
  },
};

export function openApiDocument(info: OpenApiInfo, docs: readonly RouteDoc[]): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const doc of docs) {
    paths[doc.path] = { ...paths[doc.path], [doc.method]: operation(doc) };
  }
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: {
      schemas: { Error: ErrorSchema },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'The token from POST /auth/login' },
      },
    },
  };
}

function operation(doc: RouteDoc): JsonSchema {
  // Every protected route reaches the ledger (or the CA), so it may also meet these.
  const common = doc.access === 'public' ? [] : [401, 429, 502, 503];
  const withBody = doc.body === NoBody ? [] : [400, 413];
  const statuses = new Set([...doc.errors, ...common, ...withBody, 500]);
  const responses: Record<string, JsonSchema> = {
    [String(doc.success.status)]: { description: doc.success.description },
  };
  for (const status of [...statuses].sort((a, b) => a - b)) {
    responses[String(status)] = {
      description: ERROR_TEXT[status] ?? 'Error',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  return {
    operationId: `${doc.method}${doc.path.replace(/[{}]/g, '').replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase())}`,
    tags: [doc.tag],
    summary: doc.summary,
    ...(doc.description === undefined ? {} : { description: doc.description }),
    ...(doc.access === 'public' ? { security: [] } : { security: [{ bearer: [] }] }),
    parameters: [...parameters(doc.params, 'path'), ...parameters(doc.query, 'query')],
    ...(doc.body === NoBody
      ? {}
      : {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schemaOf(doc.body) } },
          },
        }),
    responses,
  };
}

function parameters(schema: z.ZodType, where: 'path' | 'query'): JsonSchema[] {
  const json = schemaOf(schema);
  const properties = json.properties;
  if (typeof properties !== 'object' || properties === null) return [];
  const required = new Set(Array.isArray(json.required) ? json.required : []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: property,
  }));
}

function schemaOf(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
  });
  // The document states its dialect once; each schema need not.
  return Object.fromEntries(Object.entries(json).filter(([key]) => key !== '$schema'));
}
