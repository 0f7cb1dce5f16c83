/** Shapes shared by the fake Bot Connector's modules. */

export type ConversationType = 'personal' | 'groupChat' | 'channel';

export interface RateLimitRule {
  /** Activity operations (create, reply, update, delete) allowed per conversation per window. */
  perConversation: number;
  windowMs: number;
}

export type InjectedFailure = { status: 429; retryAfterSeconds: number } | { status: 500 | 502 | 503 };

export interface FakeConnectorOptions {
  /**
   * Per-conversation budget. Default: the per-bot-per-thread limits Teams documents
   * (7 / 1 s, 8 / 2 s, 60 / 30 s, 1800 / 3600 s). `false` turns rate limiting off.
   */
  rateLimit?: RateLimitRule | readonly RateLimitRule[] | false;
  /** Refuse requests without `Authorization: Bearer <JWT>` (default true), as the real service does. */
  requireAuth?: boolean;
  /** Clock for rate-limit windows and token expiry (default Date.now). */
  now?: () => number;
}

export interface RecordedCall {
  method: string;
  /** Path as received (query string included). */
  path: string;
  /** Conversation id from the path, URL-decoded (threaded ids keep their `;messageid=`). */
  conversationId?: string;
  activityId?: string;
  body: unknown;
  status: number;
  /** The Authorization header, if any. */
  authorization?: string;
}

/** An activity as the fake stores it: the posted body plus the id the service gave it. */
export interface StoredActivity {
  id: string;
  /** The base conversation id (without `;messageid=`). */
  conversationId: string;
  type?: string;
  text?: string;
  replyToId?: string;
  attachments?: unknown[];
  [key: string]: unknown;
}

export interface NewConversation {
  id: string;
  tenantId: string;
  type: ConversationType;
  /** AAD object ids of the members (the bot is always in the roster until removeBot). */
  members?: string[];
}

export interface ConnectorConversation {
  id: string;
  tenantId: string;
  type: ConversationType;
  members: string[];
  botInRoster: boolean;
  activities: StoredActivity[];
}

/** `{ error: { code, message } }`, the Bot Connector's error body. */
export interface ConnectorError {
  error: { code: string; message: string };
}
