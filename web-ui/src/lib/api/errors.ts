import type { components } from './schema';

/** An RFC 9457 problem document, as every API error is returned. */
export type Problem = components['schemas']['Problem'];

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && 'status' in body && 'code' in body && 'title' in body;
}

/** An API call answered with an error status. */
export class ApiError extends Error {
  readonly status: number;
  /** The problem document, when the server sent one (a proxy in between may not). */
  readonly problem: Problem | undefined;

  constructor(response: Response, body: unknown) {
    const problem = isProblem(body) ? body : undefined;
    super(problem ? `${response.status} ${problem.code}: ${problem.detail}` : `HTTP ${response.status}`);
    this.name = 'ApiError';
    this.status = response.status;
    this.problem = problem;
  }

  /** Whether asking again may help: server-side failures, not client mistakes. */
  get isRetryable(): boolean {
    return this.status >= 500 || this.status === 429;
  }
}
