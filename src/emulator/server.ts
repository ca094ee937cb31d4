import { randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { signatureError, type AppCredentials } from './auth.js';
import { ENDPOINTS, type Endpoint, type RateClass } from './endpoints.js';
import { FaultState, type Faults } from './faults.js';
import { MAX_BODY_BYTES, readBody, sendJson, singleHeader } from './http-io.js';
import { ImError } from './im-error.js';
import { handleIntrospection, INTROSPECTION_PREFIX } from './introspection.js';
import { RequestLog, type LoggedRequest } from './request-log.js';
import { RollingWindow } from './rate-window.js';
import { EmulatorState } from './state.js';

export interface EmulatorOptions {
  port?: number;
  host?: string;
  appKey?: string;
  appSecret?: string;
  /** Calls per rolling 1000 ms. */
  rateLimits?: { group?: number; publish?: number };
  /** The app's member cap per group (the service's default, 3000, is raised per app by a ticket). */
  maxGroupMembers?: number;
  faults?: Partial<Faults>;
  /** Seeds the fault RNG so that a run can be replayed. */
  seed?: number;
}

export interface RunningEmulator {
  url: string;
  appKey: string;
  appSecret: string;
  setFaults(faults: Partial<Faults>): void;
  /** Stops listening and destroys every open socket, hung ones included. */
  close(): Promise<void>;
}

export const DEFAULT_APP_KEY = 'emulator-app-key';
export const DEFAULT_APP_SECRET = 'emulator-app-secret';
export const DEFAULT_GROUP_RATE = 100;
export const DEFAULT_PUBLISH_RATE = 20;
const RATE_WINDOW_MS = 1000;

/** What to do with a call once every check has run. */
type Outcome =
  | { kind: 'reply'; status: number; body: { code: number } & Record<string, unknown>; headers?: Record<string, string> }
  | { kind: 'hang' }
  | { kind: 'drop' };

function failure(error: ImError, headers?: Record<string, string>): Outcome {
  return {
    kind: 'reply',
    status: error.httpStatus,
    body: { code: error.code, errorMessage: error.message },
    ...(headers ? { headers } : {}),
  };
}

function success(fields: Record<string, unknown>): Outcome {
  return { kind: 'reply', status: 200, body: { code: 200, ...fields } };
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const emulator = new ImEmulator(options);
  return emulator.listen(options.port ?? 0, options.host ?? '127.0.0.1');
}

class ImEmulator {
  private readonly credentials: AppCredentials;
  private readonly state: EmulatorState;
  private readonly log = new RequestLog();
  private readonly faults: FaultState;
  private readonly windows: Record<RateClass, RollingWindow>;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly latencyTimers = new Set<NodeJS.Timeout>();
  private closing: Promise<void> | undefined;

  constructor(options: EmulatorOptions) {
    this.credentials = {
      appKey: options.appKey ?? DEFAULT_APP_KEY,
      appSecret: options.appSecret ?? DEFAULT_APP_SECRET,
    };
    this.state = new EmulatorState(options.maxGroupMembers);
    this.windows = {
      group: new RollingWindow(options.rateLimits?.group ?? DEFAULT_GROUP_RATE, RATE_WINDOW_MS),
      publish: new RollingWindow(options.rateLimits?.publish ?? DEFAULT_PUBLISH_RATE, RATE_WINDOW_MS),
    };
    this.faults = new FaultState(options.seed ?? randomInt(0, 2 ** 32));
    if (options.faults) this.faults.update(options.faults);
    this.server = createServer((req, res) => {
      this.route(req, res).catch(() => {
        sendJson(res, 500, { code: 1000, errorMessage: 'emulator internal error' });
      });
    });
    // Tracked so that close() can destroy hung and keep-alive sockets instead of waiting.
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
  }

  async listen(port: number, host: string): Promise<RunningEmulator> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const { port: boundPort } = this.server.address() as AddressInfo;
    const urlHost = host.includes(':') ? `[${host}]` : host;
    return {
      url: `http://${urlHost}:${boundPort}`,
      appKey: this.credentials.appKey,
      appSecret: this.credentials.appSecret,
      setFaults: (faults) => {
        this.faults.update(faults);
      },
      close: () => this.close(),
    };
  }

  private close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      // Also resolves on ERR_SERVER_NOT_RUNNING: closing twice or after a failure is fine.
      this.server.close(() => resolve());
      for (const timer of this.latencyTimers) clearTimeout(timer);
      this.latencyTimers.clear();
      for (const socket of this.sockets) socket.destroy();
    });
    return this.closing;
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
    if (path === INTROSPECTION_PREFIX || path.startsWith(`${INTROSPECTION_PREFIX}/`)) {
      // Every member list and message is readable here, unsigned: for this machine only, even
      // when the emulator listens on another interface.
      if (!isLoopback(req.socket.remoteAddress)) return sendJson(res, 403, { error: 'the /_emulator routes answer 127.0.0.1 only' });
      return handleIntrospection(req, res, path, {
        state: this.state,
        log: this.log,
        faults: this.faults,
        resetAll: () => this.resetAll(),
      });
    }
    const entry = this.log.start(path, at, singleHeader(req, 'x-request-id'));
    const latencyMs = this.faults.latencyMs; // fixed at arrival: a later setFaults does not reorder replies
    const outcome = await this.decide(req, path, entry);
    await this.deliver(outcome, entry, req, res, latencyMs);
  }

  /** Runs the checks in the protocol's order: route, auth, rate window, fault, parameters, effect. */
  private async decide(req: IncomingMessage, path: string, entry: LoggedRequest): Promise<Outcome> {
    const endpoint = ENDPOINTS.get(path);
    if (!endpoint) return failure(new ImError(404, `unknown path ${path}`));
    if (req.method !== 'POST') return failure(new ImError(1002, 'IM calls must use POST', 405), { Allow: 'POST' });

    const body = await readBody(req);
    if (!body.ok) {
      if (body.reason === 'aborted') return { kind: 'drop' };
      const tooLarge = new ImError(1002, `body larger than ${MAX_BODY_BYTES} bytes`, 413);
      return failure(tooLarge, { Connection: 'close' }); // the unread rest of the body cannot be reused
    }

    const authError = signatureError(req.headers, this.credentials);
    if (authError) return failure(authError);

    // No await from here on: the window check and its record must see the same instant.
    const params = new URLSearchParams(body.text);
    const window = this.windows[endpoint.rateClass];
    const cost = endpoint.cost(params);
    const now = Date.now();
    // The request has fully arrived now: the log and the window must judge the same instant,
    // so that the log never shows more calls in a window than the window admitted.
    entry.at = now;
    if (!window.fits(cost, now)) {
      return failure(new ImError(1008, `more than ${window.limit} ${endpoint.rateClass} calls in ${RATE_WINDOW_MS} ms`));
    }
    const fault = this.faults.next();
    if (fault === 'rateLimited') return failure(new ImError(1008, 'rate limit exceeded'));
    window.record(cost, now);
    if (this.faults.targetsStormedGroup(params)) {
      return failure(new ImError(1000, 'internal error (code 1000 storm on this group)', this.faults.code1000Status));
    }

    switch (fault) {
      case 'error500':
        return failure(new ImError(1000, 'internal error'));
      case 'code1000':
        return failure(new ImError(1000, 'internal error', this.faults.code1000Status));
      case 'drop':
        return { kind: 'drop' };
      case 'timeout504':
        this.apply(endpoint, params, now);
        return failure(new ImError(1050, 'internal timeout'));
      case 'hang':
        this.apply(endpoint, params, now);
        return { kind: 'hang' };
      case null:
        return this.apply(endpoint, params, now);
    }
  }

  private apply(endpoint: Endpoint, params: URLSearchParams, at: number): Outcome {
    try {
      return success(endpoint.run(params, { state: this.state, at }));
    } catch (error) {
      if (error instanceof ImError) return failure(error);
      throw error;
    }
  }

  private async deliver(
    outcome: Outcome,
    entry: LoggedRequest,
    req: IncomingMessage,
    res: ServerResponse,
    latencyMs: number,
  ): Promise<void> {
    if (outcome.kind === 'hang') return; // never answered; close() or the client ends the socket
    if (outcome.kind === 'reply') {
      entry.status = outcome.status;
      entry.code = outcome.body.code;
    }
    if (latencyMs > 0) await this.delay(latencyMs);
    if (outcome.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    sendJson(res, outcome.status, outcome.body, outcome.headers);
  }

  /** A timer close() can cancel, so a pending latency never keeps the process alive. */
  private delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.latencyTimers.delete(timer);
        resolve();
      }, ms);
      this.latencyTimers.add(timer);
    });
  }

  private resetAll(): void {
    this.state.clear();
    this.log.clear();
    this.windows.group.clear();
    this.windows.publish.clear();
    this.faults.reset();
  }
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}
