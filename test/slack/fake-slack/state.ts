import { DEFAULT_BOT_SCOPES } from './limits.js';
import type { FakeChannel, FakeTeam, FakeToken, FakeUser } from './types.js';

/** Ids of the default workspace, so tests can name them without magic strings. */
export const FAKE_DEFAULTS = {
  teamId: 'T0001',
  teamName: 'Fake Team',
  teamDomain: 'fake-team',
  token: 'xoxb-test',
  botUserId: 'UBOT',
  botId: 'BBOT',
  appId: 'A0001',
  users: { alice: 'U0001', bob: 'U0002' },
  /** general: bot is a member; random: public, bot is NOT a member; secret: private, bot member. */
  channels: { general: 'C0001', random: 'C0002', secret: 'C0003' },
} as const;

export interface NewUser {
  id?: string;
  teamId?: string;
  name: string;
  realName?: string;
  tz?: string;
  email?: string;
  deleted?: boolean;
  isBot?: boolean;
  botId?: string;
  /** Workspace roles as users.info reports them (is_owner, is_admin, is_primary_owner). */
  isOwner?: boolean;
  isAdmin?: boolean;
  isPrimaryOwner?: boolean;
  /** Guests: multi-channel (is_restricted) and single-channel (is_ultra_restricted). */
  isRestricted?: boolean;
  isUltraRestricted?: boolean;
}

export interface NewChannel {
  id?: string;
  teamId?: string;
  name: string;
  isPrivate?: boolean;
  members?: string[];
  /** Shortcut for adding the default bot user to `members`. Default true. */
  botIsMember?: boolean;
  isArchived?: boolean;
}

export interface NewToken {
  token: string;
  teamId?: string;
  botUserId?: string;
  botId?: string;
  appId?: string;
  scopes?: readonly string[];
  isEnterpriseInstall?: boolean;
}

/**
 * The workspace model (teams, users, channels, tokens) plus the clock every expiry uses.
 * The clock is `now()` from the options (or Date.now) plus an offset tests can advance, so
 * trigger and response_url expiry are tested without sleeping.
 */
export class Workspace {
  readonly teams = new Map<string, FakeTeam>();
  readonly users = new Map<string, FakeUser>();
  readonly channels = new Map<string, FakeChannel>();
  readonly tokens = new Map<string, FakeToken>();
  private offsetMs = 0;
  private counter = 0;

  constructor(private readonly baseNow: () => number = Date.now) {}

  now(): number {
    return this.baseNow() + this.offsetMs;
  }

  advanceTime(ms: number): void {
    this.offsetMs += ms;
  }

  /** Deterministic Slack-looking ids (`DX000001`) that cannot collide with the defaults. */
  nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}X${this.counter.toString(36).toUpperCase().padStart(6, '0')}`;
  }

  clear(): void {
    this.teams.clear();
    this.users.clear();
    this.channels.clear();
    this.tokens.clear();
    this.offsetMs = 0;
    this.counter = 0;
  }

  seedDefaults(): void {
    const d = FAKE_DEFAULTS;
    this.addTeam({ id: d.teamId, name: d.teamName, domain: d.teamDomain });
    this.addToken({ token: d.token, teamId: d.teamId, botUserId: d.botUserId, botId: d.botId });
    this.addUser({
      id: d.users.alice,
      name: 'alice',
      realName: 'Alice Martin',
      tz: 'Europe/Paris',
      email: 'alice@example.com',
      // Every Slack workspace has a primary owner; in the fake it is alice.
      isOwner: true,
      isPrimaryOwner: true,
    });
    this.addUser({
      id: d.users.bob,
      name: 'bob',
      realName: 'Bob Smith',
      tz: 'America/New_York',
      email: 'bob@example.com',
    });
    const people = [d.users.alice, d.users.bob];
    this.addChannel({ id: d.channels.general, name: 'general', members: people });
    this.addChannel({ id: d.channels.random, name: 'random', members: people, botIsMember: false });
    this.addChannel({ id: d.channels.secret, name: 'secret', isPrivate: true, members: [d.users.alice] });
  }

  addTeam(team: Partial<FakeTeam> & { id: string }): FakeTeam {
    const full: FakeTeam = { name: team.id, domain: team.id.toLowerCase(), ...team };
    this.teams.set(full.id, full);
    return full;
  }

  addUser(user: NewUser): FakeUser {
    const full: FakeUser = {
      id: user.id ?? this.nextId('U'),
      teamId: user.teamId ?? FAKE_DEFAULTS.teamId,
      name: user.name,
      realName: user.realName ?? user.name,
      tz: user.tz ?? 'UTC',
      email: user.email,
      deleted: user.deleted ?? false,
      isBot: user.isBot ?? false,
      botId: user.botId,
      isOwner: user.isOwner ?? user.isPrimaryOwner ?? false,
      isAdmin: user.isAdmin ?? user.isOwner ?? user.isPrimaryOwner ?? false,
      isPrimaryOwner: user.isPrimaryOwner ?? false,
      isRestricted: user.isRestricted ?? user.isUltraRestricted ?? false,
      isUltraRestricted: user.isUltraRestricted ?? false,
    };
    this.users.set(full.id, full);
    return full;
  }

  addChannel(channel: NewChannel): FakeChannel {
    const members = new Set(channel.members ?? []);
    if (channel.botIsMember ?? true) members.add(FAKE_DEFAULTS.botUserId);
    const full: FakeChannel = {
      id: channel.id ?? this.nextId('C'),
      teamId: channel.teamId ?? FAKE_DEFAULTS.teamId,
      name: channel.name,
      isPrivate: channel.isPrivate ?? false,
      isIm: false,
      isMpim: false,
      members,
      isArchived: channel.isArchived ?? false,
      created: Math.floor(this.now() / 1000),
      creator: channel.members?.[0] ?? FAKE_DEFAULTS.users.alice,
    };
    this.channels.set(full.id, full);
    return full;
  }

  addToken(token: NewToken): FakeToken {
    const full: FakeToken = {
      token: token.token,
      teamId: token.teamId ?? FAKE_DEFAULTS.teamId,
      botUserId: token.botUserId ?? FAKE_DEFAULTS.botUserId,
      botId: token.botId ?? FAKE_DEFAULTS.botId,
      appId: token.appId ?? FAKE_DEFAULTS.appId,
      scopes: [...(token.scopes ?? DEFAULT_BOT_SCOPES)],
      revoked: false,
      isEnterpriseInstall: token.isEnterpriseInstall ?? false,
    };
    this.tokens.set(full.token, full);
    if (!this.users.has(full.botUserId)) {
      this.addUser({
        id: full.botUserId,
        teamId: full.teamId,
        name: 'fakebot',
        realName: 'Fake Bot',
        isBot: true,
        botId: full.botId,
      });
    }
    return full;
  }

  /** The token's record, or throws: a typo in a test should fail loudly, not silently pass. */
  token(token: string): FakeToken {
    const found = this.tokens.get(token);
    if (!found) throw new Error(`fake-slack: unknown token ${token}`);
    return found;
  }

  user(id: string): FakeUser {
    const found = this.users.get(id);
    if (!found) throw new Error(`fake-slack: unknown user ${id}`);
    return found;
  }

  channel(id: string): FakeChannel {
    const found = this.channels.get(id);
    if (!found) throw new Error(`fake-slack: unknown channel ${id}`);
    return found;
  }

  /**
   * A conversation as the calling bot can see it: private channels and DMs it is not part of
   * do not exist for it (Slack answers `channel_not_found`, never "forbidden").
   * Accepts ids and, like chat.postMessage, `#name` / `name`.
   */
  visibleChannel(idOrName: string, auth: FakeToken): FakeChannel | undefined {
    const name = idOrName.replace(/^#/, '');
    const found =
      this.channels.get(idOrName) ??
      [...this.channels.values()].find((c) => c.name === name && !c.isIm && c.teamId === auth.teamId);
    if (!found || found.teamId !== auth.teamId) return undefined;
    if ((found.isPrivate || found.isIm || found.isMpim) && !found.members.has(auth.botUserId))
      return undefined;
    return found;
  }

  /** The bot's DM with a user, created on first use (as conversations.open does). */
  ensureIm(auth: FakeToken, userId: string): { channel: FakeChannel; created: boolean } {
    const existing = [...this.channels.values()].find(
      (c) => c.isIm && c.imUser === userId && c.members.has(auth.botUserId),
    );
    if (existing) return { channel: existing, created: false };
    const channel: FakeChannel = {
      id: this.nextId('D'),
      teamId: auth.teamId,
      name: userId,
      isPrivate: true,
      isIm: true,
      isMpim: false,
      imUser: userId,
      members: new Set([userId, auth.botUserId]),
      isArchived: false,
      created: Math.floor(this.now() / 1000),
      creator: auth.botUserId,
    };
    this.channels.set(channel.id, channel);
    return { channel, created: true };
  }

  ensureMpim(auth: FakeToken, userIds: string[]): { channel: FakeChannel; created: boolean } {
    const wanted = new Set([...userIds, auth.botUserId]);
    const existing = [...this.channels.values()].find(
      (c) => c.isMpim && c.members.size === wanted.size && [...wanted].every((u) => c.members.has(u)),
    );
    if (existing) return { channel: existing, created: false };
    const names = userIds.map((id) => this.users.get(id)?.name ?? id);
    const channel: FakeChannel = {
      id: this.nextId('G'),
      teamId: auth.teamId,
      name: `mpdm-${names.join('--')}-1`,
      isPrivate: true,
      isIm: false,
      isMpim: true,
      members: wanted,
      isArchived: false,
      created: Math.floor(this.now() / 1000),
      creator: auth.botUserId,
    };
    this.channels.set(channel.id, channel);
    return { channel, created: true };
  }
}
