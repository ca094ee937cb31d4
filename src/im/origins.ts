/** A change of origin, for the one log line each switch deserves. */
export interface OriginSwitch {
  from: string;
  to: string;
  reason: 'failover' | 'failback';
}

/**
 * Which data-center domain to call. The IM Service asks clients to switch to the backup on a
 * timeout or a 5xx and to come back later. With hysteresis: an origin that was left is not
 * used again for `failbackAfterMs`, whatever happens meanwhile (the backup failing too, or the
 * late failures of calls that started before the switch), so a dead primary is tried once per
 * period, not on every call, and each switch happens (and is logged) once.
 */
export class OriginSelector {
  private active = 0;
  /** When each origin was last left; it is not used again before `failbackAfterMs` has passed. */
  private readonly leftAt: number[];

  constructor(
    readonly baseUrls: readonly string[],
    private readonly failbackAfterMs: number,
    private readonly now: () => number = Date.now,
    private readonly onSwitch: (change: OriginSwitch) => void = () => {},
  ) {
    if (baseUrls.length === 0) throw new Error('at least one IM base URL is required');
    this.leftAt = baseUrls.map(() => -Infinity);
  }

  /** The origin to call now: the active one, or a preferred one whose failback period is over. */
  current(): string {
    const preferred = this.leftAt.findIndex((left, index) => index < this.active && this.rested(left));
    if (preferred >= 0) this.switchTo(preferred, 'failback');
    return this.baseUrls[this.active]!;
  }

  /**
   * `baseUrl` failed a call. Only a failure of the active origin moves calls, to the next origin
   * not left within the failback period; when there is none, calls stay where they are.
   */
  reportFailure(baseUrl: string): void {
    const failed = this.baseUrls.indexOf(baseUrl);
    if (failed !== this.active) return;
    for (let step = 1; step < this.baseUrls.length; step++) {
      const candidate = (failed + step) % this.baseUrls.length;
      if (this.rested(this.leftAt[candidate]!)) return this.switchTo(candidate, 'failover');
    }
  }

  private rested(leftAt: number): boolean {
    return this.now() - leftAt >= this.failbackAfterMs;
  }

  private switchTo(index: number, reason: OriginSwitch['reason']): void {
    const from = this.baseUrls[this.active]!;
    // Only a failed origin rests; the backup left on failback may be needed again at once.
    if (reason === 'failover') this.leftAt[this.active] = this.now();
    this.active = index;
    this.onSwitch({ from, to: this.baseUrls[index]!, reason });
  }
}
