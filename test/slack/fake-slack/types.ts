/** Shared shapes of the fake Slack's state. Plain data, so tests can inspect them freely. */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = Record<string, unknown>;

export interface FakeTeam {
  id: string;
  name: string;
  domain: string;
  enterpriseId?: string;
  enterpriseName?: string;
}

export interface FakeUser {
  id: string;
  teamId: string;
  name: string;
  realName: string;
  tz: string;
  email?: string;
  /** Deactivated users stay visible through users.info with `deleted: true`. */
  deleted: boolean;
  isBot: boolean;
  /** Set on bot users: the B… id of the bot. */
  botId?: string;
  /** As on Slack, an owner is also an admin and the primary owner is also an owner. */
  isOwner: boolean;
  isAdmin: boolean;
  isPrimaryOwner: boolean;
  /** A multi-channel guest is restricted; a single-channel guest is both. */
  isRestricted: boolean;
  isUltraRestricted: boolean;
}

export interface FakeChannel {
  id: string;
  teamId: string;
  name: string;
  isPrivate: boolean;
  isIm: boolean;
  isMpim: boolean;
  /** For IMs: the human on the other side. */
  imUser?: string;
  /** User ids, bot users included: bot membership is `members.has(botUserId)`. */
  members: Set<string>;
  isArchived: boolean;
  created: number;
  creator: string;
}

export interface FakeToken {
  token: string;
  teamId: string;
  botUserId: string;
  botId: string;
  appId: string;
  scopes: string[];
  revoked: boolean;
  isEnterpriseInstall: boolean;
}

export interface StoredMessage {
  type: 'message';
  channel: string;
  ts: string;
  /** The bot user that posted it (messages from the fake's own users are never created). */
  user: string;
  bot_id: string;
  app_id: string;
  team: string;
  text: string;
  blocks?: JsonObject[];
  attachments?: unknown[];
  thread_ts?: string;
  metadata?: unknown;
  files?: JsonObject[];
  edited?: { user: string; ts: string };
  /** Set when a response_url or the fake posted it on behalf of an interaction. */
  via?: 'api' | 'response_url' | 'file_share';
}

export interface EphemeralMessage {
  channel: string;
  user: string;
  message_ts: string;
  text: string;
  blocks?: JsonObject[];
  thread_ts?: string;
  via: 'api' | 'response_url';
}

export interface StoredView {
  id: string;
  teamId: string;
  /** Modals: the user whose trigger opened the stack. Home views: the owner of the tab. */
  userId?: string;
  type: 'modal' | 'home';
  hash: string;
  rootViewId: string;
  previousViewId: string | null;
  externalId: string;
  /** The view exactly as the app last sent it, block_ids filled in. */
  definition: JsonObject;
  /** false once the modal was closed (stack cleared) or a home view replaced. */
  open: boolean;
  appId: string;
  botId: string;
}

export interface StoredFile {
  id: string;
  teamId: string;
  user: string;
  filename: string;
  title: string;
  length: number;
  altText?: string;
  snippetType?: string;
  content?: Buffer;
  completed: boolean;
  created: number;
  channels: string[];
  initialComment?: string;
  threadTs?: string;
  /** ts of the share message per channel. */
  shareTs?: Record<string, string>;
}

export interface RecordedCall {
  method: string;
  /** Arguments as the fake understood them: JSON-string args (blocks, view, files…) parsed. */
  args: JsonObject;
  token?: string;
  /** The fake clock's time when the call arrived. */
  time: number;
  status: number;
  ok: boolean;
  error?: string;
  response: JsonObject;
}
