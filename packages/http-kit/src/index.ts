export { ERROR_CODES, ErrorBodySchema, ErrorIssueSchema } from './error-body.js';
export type { ErrorBody, ErrorIssue } from './error-body.js';
export { ApiError, invalidInput, issuesAt, notFound, toApiError } from './api-error.js';
export type { ApiErrorDetails, InputPart } from './api-error.js';
export { PreparedJson } from './prepared-json.js';
export { RouteBuilder, routesFor, STATE_CHANGING } from './route.js';
export type {
  Answer,
  Content,
  HandlerInput,
  HeaderMap,
  MediaResponse,
  Method,
  RawInput,
  Reply,
  ResponseSpec,
  Responses,
  Route,
  RouteInfo,
  RouteMeta,
} from './route.js';
export { buildOpenApi } from './openapi.js';
export type { OpenApiOptions } from './openapi.js';
