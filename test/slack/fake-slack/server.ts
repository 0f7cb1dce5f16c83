import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { UploadedFile } from '@slack/bolt';
import { type CoreOptions, FakeCore } from './core.js';
import { requestListener } from './http.js';
import { addUserFile, type UserFileUpload } from './methods/file-downloads.js';
import type { InjectedFailure, RateLimitRule } from './rate-limit.js';
import { FAKE_DEFAULTS, type NewChannel, type NewToken, type NewUser } from './state.js';
import type {
  EphemeralMessage,
  FakeChannel,
  FakeTeam,
  FakeToken,
  FakeUser,
  RecordedCall,
  StoredFile,
  StoredMessage,
  StoredView,
} from './types.js';
import { type TriggerOptions, viewToApi } from './views-store.js';

export interface FakeSlackOptions extends CoreOptions {
  /** Port to listen on (default: any free port) on 127.0.0.1. */
  port?: number;
}

export interface ResponseUrlTarget {
  /** The message the interaction came from (for replace_original / delete_original). */
  messageTs?: string;
  teamId?: string;
}

/**
 * A local Slack Web API. Point WebClient / Bolt at `url` (`slackApiUrl`); every call is
 * recorded in `calls`, and the fake answers (and refuses) as Slack does.
 */
export class FakeSlack {
  private constructor(
    private readonly core: FakeCore,
    private readonly server: Server,
    /** `http://127.0.0.1:PORT/api/`: the `slackApiUrl` to give WebClient or Bolt. */
    readonly url: string,
  ) {}

  static async start(options: FakeSlackOptions = {}): Promise<FakeSlack> {
    const core = new FakeCore(options);
    const server = createServer(requestListener(core));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    core.origin = `http://127.0.0.1:${port}`;
    return new FakeSlack(core, server, `${core.origin}/api/`);
  }

  // ── OAuth ──────────────────────────────────────────────────────────────────
  /** The app's client id and secret, which oauth.v2.access checks. */
  registerOAuthApp(app: { clientId: string; clientSecret: string }): void {
    this.core.oauthApp = app;
  }

  /**
   * What Slack does when `installerId` clicks "Allow" for `teamId`: a one-time code for the
   * redirect, which oauth.v2.access exchanges for `botToken` (a token added with addToken).
   */
  grantInstall(grant: { teamId: string; installerId: string; botToken: string }): string {
    const code = `code-${this.core.oauthGrants.size + 1}-${grant.teamId}`;
    this.core.oauthGrants.set(code, grant);
    return code;
  }

  // ── recording ──────────────────────────────────────────────────────────────
  get calls(): readonly RecordedCall[] {
    return this.core.calls;
  }

  callsTo(method: string): RecordedCall[] {
    return this.core.calls.filter((c) => c.method === method);
  }

  /** Back to the initial state: default workspace, no calls, messages, views, rules or time offset. */
  reset(): void {
    this.core.reset();
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((err) => (err ? reject(err) : resolve())));
  }

  // ── clock ──────────────────────────────────────────────────────────────────
  now(): number {
    return this.core.now();
  }

  /** Moves the fake clock forward: trigger_id and response_url expiry without sleeping. */
  advanceTime(ms: number): void {
    this.core.workspace.advanceTime(ms);
  }

  // ── workspace ──────────────────────────────────────────────────────────────
  addTeam(team: Partial<FakeTeam> & { id: string }): FakeTeam {
    return this.core.workspace.addTeam(team);
  }

  addUser(user: NewUser): FakeUser {
    return this.core.workspace.addUser(user);
  }

  addChannel(channel: NewChannel): FakeChannel {
    return this.core.workspace.addChannel(channel);
  }

  addToken(token: NewToken): FakeToken {
    return this.core.workspace.addToken(token);
  }

  setScopes(token: string, scopes: readonly string[]): void {
    this.core.workspace.token(token).scopes = [...scopes];
  }

  revokeToken(token: string): void {
    this.core.workspace.token(token).revoked = true;
  }

  deactivateUser(userId: string): void {
    this.core.workspace.user(userId).deleted = true;
  }

  archiveChannel(channelId: string): void {
    this.core.workspace.channel(channelId).isArchived = true;
  }

  addMember(channelId: string, userId: string): void {
    this.core.workspace.channel(channelId).members.add(userId);
  }

  removeMember(channelId: string, userId: string): void {
    this.core.workspace.channel(channelId).members.delete(userId);
  }

  removeBotFromChannel(channelId: string, token: string = FAKE_DEFAULTS.token): void {
    this.removeMember(channelId, this.core.workspace.token(token).botUserId);
  }

  user(userId: string): FakeUser {
    return this.core.workspace.user(userId);
  }

  channel(channelId: string): FakeChannel {
    return this.core.workspace.channel(channelId);
  }

  /** The bot's DM channel with a user (created if needed, as Slack has one once the app is installed). */
  imChannel(userId: string, token: string = FAKE_DEFAULTS.token): string {
    return this.core.workspace.ensureIm(this.core.workspace.token(token), userId).channel.id;
  }

  // ── interactivity ──────────────────────────────────────────────────────────
  /** A trigger_id views.open / views.push accept once, within 3 s (fake clock) of issue. */
  issueTriggerId(options: TriggerOptions = {}): string {
    return this.core.views.issueTrigger(this.core.now(), options);
  }

  /** A response_url on the fake: 5 POSTs within 30 minutes (fake clock). */
  responseUrl(channel: string, user: string, target: ResponseUrlTarget = {}): string {
    const teamId = target.teamId ?? this.core.workspace.channels.get(channel)?.teamId ?? FAKE_DEFAULTS.teamId;
    const id = this.core.responseUrls.create(channel, user, teamId, this.core.now(), target.messageTs);
    return `${this.core.origin}/response/${id}`;
  }

  // ── failure injection ──────────────────────────────────────────────────────
  /** Budget for a method; over it the fake answers 429 `ratelimited` with Retry-After. */
  rateLimit(method: string, rule: RateLimitRule): void {
    this.core.limiter.setRule(method, rule);
  }

  /**
   * The next call(s) to `method` fail as told (`*` = any method; also `response_url` and
   * `file_upload`). Checked before auth, so it fires whatever the token.
   */
  failNext(method: string, failure: InjectedFailure = {}): void {
    this.core.limiter.failNext(method, failure);
  }

  /**
   * The next call to `method` (`response_url` included) is never handled: `onArrival` runs as it
   * arrives (a crash test kills the app there), then the connection is cut without an answer.
   */
  dropNext(method: string, onArrival: () => void = () => {}): void {
    this.core.drops.set(method, onArrival);
  }

  /** Forgets every dropNext not used up yet. */
  cancelDrops(): void {
    this.core.drops.clear();
  }

  /** Forgets injected failures no call has used up yet. */
  clearFailures(): void {
    this.core.limiter.clearFailures();
  }

  // ── state accessors ────────────────────────────────────────────────────────
  /** Current messages (updates applied, deletions removed); a user id means the bot's DM. */
  messages(channelOrUser: string): StoredMessage[] {
    return this.core.messages.list(this.resolveChannel(channelOrUser));
  }

  ephemeralMessages(channelOrUser: string): EphemeralMessage[] {
    return this.core.messages.ephemerals(this.resolveChannel(channelOrUser));
  }

  /** Open modal views (every view of every open stack), optionally for one user. */
  openViews(userId?: string): StoredView[] {
    return this.core.views.openModals(userId);
  }

  /** A view as views.* returned it (id, hash, state…), or undefined. */
  view(viewId: string): Record<string, unknown> | undefined {
    const view = this.core.views.get(viewId);
    return view ? viewToApi(view) : undefined;
  }

  /** The user closed the modal (or the app acked `response_action: 'clear'`). */
  closeView(viewId: string): void {
    this.core.views.closeStackOf(viewId);
  }

  homeView(userId: string, teamId: string = FAKE_DEFAULTS.teamId): StoredView | undefined {
    return this.core.views.home(teamId, userId);
  }

  files(): StoredFile[] {
    return this.core.files.all();
  }

  fileContent(fileId: string): Buffer | undefined {
    return this.core.files.get(fileId)?.content;
  }

  /** A user's upload through a file_input, downloadable with a bot token (methods/file-downloads.ts). */
  addUserFile(upload: UserFileUpload): UploadedFile {
    return addUserFile(this.core, upload);
  }

  private resolveChannel(channelOrUser: string): string {
    const ws = this.core.workspace;
    if (ws.channels.has(channelOrUser)) return channelOrUser;
    const im = [...ws.channels.values()].find((c) => c.isIm && c.imUser === channelOrUser);
    return im?.id ?? channelOrUser;
  }
}

export function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  return FakeSlack.start(options);
}
