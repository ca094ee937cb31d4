/** Business codes the emulator answers with, and the HTTP status each one travels with (im-api.md). */
export type ImCode = 404 | 1000 | 1001 | 1002 | 1004 | 1005 | 1008 | 1009 | 1050;

export const HTTP_STATUS_BY_CODE: Readonly<Record<ImCode, number>> = {
  // An unknown path: the service answers HTTP 404 with business code 404 (issue 15; see the IM port's README).
  404: 404,
  1000: 500,
  1001: 401,
  1002: 400,
  1004: 401,
  1005: 400,
  1008: 429,
  1009: 430,
  1050: 504,
};

/**
 * A failure answered as `{"code", "errorMessage"}`. The HTTP status defaults to the code's
 * contract status; routing failures (405, 413) override it while keeping code 1002.
 */
export class ImError extends Error {
  readonly httpStatus: number;

  constructor(
    readonly code: ImCode,
    message: string,
    httpStatus?: number,
  ) {
    super(message);
    this.name = 'ImError';
    this.httpStatus = httpStatus ?? HTTP_STATUS_BY_CODE[code];
  }
}

export function badParameter(message: string): ImError {
  return new ImError(1002, message);
}
