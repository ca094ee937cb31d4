/**
 * What the IM Service holds about who may speak in a group: member gags with their end, whole-group
 * bans, and each banned group's speaking whitelist. Kept apart from memberships, as the vendor's
 * endpoints are: a gag or a whitelist entry names a user and a group, member or not.
 */
export class ModerationState {
  /** groupId → userId → when the gag ends (ms since the epoch), null for a permanent one (`minute=0`). */
  private readonly gags = new Map<string, Map<string, number | null>>();
  private readonly banned = new Set<string>();
  private readonly whitelists = new Map<string, Set<string>>();

  gag(groupId: string, userIds: readonly string[], until: number | null): void {
    const gags = this.gags.get(groupId) ?? new Map<string, number | null>();
    this.gags.set(groupId, gags);
    for (const userId of userIds) gags.set(userId, until);
  }

  ungag(groupId: string, userIds: readonly string[]): void {
    const gags = this.gags.get(groupId);
    if (!gags) return;
    for (const userId of userIds) gags.delete(userId);
    if (gags.size === 0) this.gags.delete(groupId);
  }

  /** The group's gags still in force at `at`, in the order they were set; lapsed ones are forgotten. */
  gagged(groupId: string, at: number): Array<{ userId: string; until: number | null }> {
    const gags = this.gags.get(groupId);
    if (!gags) return [];
    for (const [userId, until] of gags) if (until !== null && until <= at) gags.delete(userId);
    return [...gags].map(([userId, until]) => ({ userId, until }));
  }

  setBanned(groupIds: readonly string[], banned: boolean): void {
    for (const groupId of groupIds) {
      if (banned) this.banned.add(groupId);
      else this.banned.delete(groupId);
    }
  }

  isBanned(groupId: string): boolean {
    return this.banned.has(groupId);
  }

  bannedGroups(): string[] {
    return [...this.banned];
  }

  whitelist(groupId: string): string[] {
    return [...(this.whitelists.get(groupId) ?? [])];
  }

  addToWhitelist(groupId: string, userIds: readonly string[]): void {
    const list = this.whitelists.get(groupId) ?? new Set<string>();
    this.whitelists.set(groupId, list);
    for (const userId of userIds) list.add(userId);
  }

  removeFromWhitelist(groupId: string, userIds: readonly string[]): void {
    const list = this.whitelists.get(groupId);
    if (!list) return;
    for (const userId of userIds) list.delete(userId);
    if (list.size === 0) this.whitelists.delete(groupId);
  }

  clear(): void {
    this.gags.clear();
    this.banned.clear();
    this.whitelists.clear();
  }
}
