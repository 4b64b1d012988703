import type { components } from './schema';

/** An RFC 9457 problem document, as every API error is returned. */
export type Problem = components['schemas']['Problem'];

/** One wrong field of a request, from a validation problem's `errors`. */
export type FieldError = components['schemas']['FieldError'];

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && 'status' in body && 'code' in body && 'title' in body;
}

/** Seconds from a `Retry-After` header given in seconds (the API never sends a date). */
function retryAfterSeconds(response: Response): number | undefined {
  const value = Number(response.headers.get('Retry-After') ?? Number.NaN);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** An API call answered with an error status. */
export class ApiError extends Error {
  readonly status: number;
  /** The problem document, when the server sent one (a proxy in between may not). */
  readonly problem: Problem | undefined;
  /** How long to wait before asking again, for 429 and 503 answers. */
  readonly retryAfter: number | undefined;

  constructor(response: Response, body: unknown) {
    const problem = isProblem(body) ? body : undefined;
    super(problem ? `${response.status} ${problem.code}: ${problem.detail}` : `HTTP ${response.status}`);
    this.name = 'ApiError';
    this.status = response.status;
    this.problem = problem;
    this.retryAfter = retryAfterSeconds(response);
  }

  /** The problem's stable code, when there is one. */
  get code(): string | undefined {
    return this.problem?.code;
  }

  /** The wrong fields of a validation problem (empty for other errors). */
  get fieldErrors(): FieldError[] {
    return this.problem?.errors ?? [];
  }

  /** Whether asking again may help: server-side failures, not client mistakes. */
  get isRetryable(): boolean {
    return this.status >= 500 || this.status === 429;
  }
}

/** What an openapi-fetch call returns. */
type FetchResult<T> = { data?: T; error?: unknown; response: Response };

/**
 * The body of a successful call, or an `ApiError` thrown for an error status. Works for
 * answers without a body (204) too, where `data` is undefined.
 */
export function unwrap<T>({ data, error, response }: FetchResult<T>): T {
  if (!response.ok) {
    throw new ApiError(response, error);
  }
  return data as T;
}
