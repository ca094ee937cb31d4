/**
 * Which data-center domain to call: the primary unless it failed recently. The IM Service
 * asks clients to switch to the backup on a timeout or a 5xx and to come back later.
 */
export class OriginSelector {
  private readonly unhealthyUntil: number[];

  constructor(
    readonly baseUrls: readonly string[],
    private readonly failbackAfterMs: number,
    private readonly now: () => number = Date.now,
  ) {
    if (baseUrls.length === 0) throw new Error('at least one IM base URL is required');
    this.unhealthyUntil = baseUrls.map(() => 0);
  }

  /** The first healthy origin in order of preference; when all failed recently, the one that failed first. */
  current(): string {
    const now = this.now();
    const healthy = this.unhealthyUntil.findIndex((until) => until <= now);
    const index = healthy >= 0 ? healthy : this.unhealthyUntil.indexOf(Math.min(...this.unhealthyUntil));
    return this.baseUrls[index]!;
  }

  /** Marks `baseUrl` as failing; the next call goes to another origin until `failbackAfterMs` has passed. */
  reportFailure(baseUrl: string): void {
    const index = this.baseUrls.indexOf(baseUrl);
    if (index >= 0) this.unhealthyUntil[index] = this.now() + this.failbackAfterMs;
  }
}
