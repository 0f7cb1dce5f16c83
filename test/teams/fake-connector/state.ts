/** In-memory state of the fake Bot Connector: conversations, roster, activities, limits. */
import { createHash } from 'node:crypto';
import type {
  ConnectorConversation,
  FakeConnectorOptions,
  InjectedFailure,
  NewConversation,
  RateLimitRule,
  RecordedCall,
  StoredActivity,
} from './types.js';

/** Per bot per thread limits from the Teams docs ("Optimize your bot with rate limiting"). */
export const TEAMS_THREAD_LIMITS: readonly RateLimitRule[] = [
  { perConversation: 7, windowMs: 1_000 },
  { perConversation: 8, windowMs: 2_000 },
  { perConversation: 60, windowMs: 30_000 },
  { perConversation: 1800, windowMs: 3_600_000 },
];

/** Activity ids look like Teams message ids (epoch milliseconds), counting up from 2026-01-01. */
const FIRST_ACTIVITY_ID = Date.UTC(2026, 0, 1);

/** `19:abc@thread.tacv2;messageid=123` → `19:abc@thread.tacv2` and `123`. */
export function splitThreadedId(conversationId: string): { base: string; messageId?: string } {
  const match = /^(.*);messageid=(.+)$/.exec(conversationId);
  return match ? { base: match[1]!, messageId: match[2]! } : { base: conversationId };
}

export class ConnectorState {
  readonly calls: RecordedCall[] = [];
  readonly sent: StoredActivity[] = [];
  readonly conversations = new Map<string, ConnectorConversation>();
  /** tenantId → AAD object ids of users the bot may open a 1:1 chat with. */
  private readonly members = new Map<string, Set<string>>();
  /** AAD object id → the roster's userRole when not "user" (guests: "guest"). */
  readonly userRoles = new Map<string, string>();
  /** `${tenantId}\n${aadObjectId}` → 1:1 conversation id created via POST /v3/conversations. */
  readonly personalChats = new Map<string, string>();
  private readonly failures = new Map<string, InjectedFailure[]>();
  private readonly hits = new Map<string, number[]>();
  private readonly rules: readonly RateLimitRule[];
  private nextActivity = 0;
  readonly requireAuth: boolean;
  readonly now: () => number;

  constructor(options: FakeConnectorOptions) {
    this.requireAuth = options.requireAuth ?? true;
    this.now = options.now ?? Date.now;
    const { rateLimit } = options;
    this.rules =
      rateLimit === false ? [] : rateLimit === undefined ? TEAMS_THREAD_LIMITS : [rateLimit].flat();
  }

  addConversation(c: NewConversation): ConnectorConversation {
    const conversation: ConnectorConversation = {
      id: c.id,
      tenantId: c.tenantId,
      type: c.type,
      members: [...(c.members ?? [])],
      botInRoster: true,
      activities: [],
    };
    this.conversations.set(c.id, conversation);
    return conversation;
  }

  conversation(conversationId: string): ConnectorConversation | undefined {
    return this.conversations.get(splitThreadedId(conversationId).base);
  }

  addMember(tenantId: string, aadObjectId: string): void {
    const set = this.members.get(tenantId) ?? new Set<string>();
    set.add(aadObjectId);
    this.members.set(tenantId, set);
  }

  isMember(tenantId: string, aadObjectId: string): boolean {
    return this.members.get(tenantId)?.has(aadObjectId) ?? false;
  }

  /** The same 1:1 id for the same (tenant, user), as Teams returns. */
  personalChatId(tenantId: string, aadObjectId: string): string {
    const digest = createHash('sha256').update(`${tenantId}\n${aadObjectId}`).digest('base64url');
    return `a:1${digest}`;
  }

  failNext(conversationId: string, failure: InjectedFailure): void {
    const queue = this.failures.get(conversationId) ?? [];
    queue.push(failure);
    this.failures.set(conversationId, queue);
  }

  clearFailures(): void {
    this.failures.clear();
  }

  takeFailure(conversationId: string): InjectedFailure | undefined {
    return this.failures.get(conversationId)?.shift();
  }

  /** Seconds to wait when the conversation is over budget; otherwise counts the call and returns undefined. */
  throttle(conversationId: string): number | undefined {
    if (this.rules.length === 0) return undefined;
    const now = this.now();
    const longest = Math.max(...this.rules.map((r) => r.windowMs));
    const hits = (this.hits.get(conversationId) ?? []).filter((t) => t > now - longest);
    this.hits.set(conversationId, hits);
    let waitMs = 0;
    for (const rule of this.rules) {
      const inWindow = hits.filter((t) => t > now - rule.windowMs);
      if (inWindow.length >= rule.perConversation) {
        const oldest = inWindow[inWindow.length - rule.perConversation]!;
        waitMs = Math.max(waitMs, oldest + rule.windowMs - now);
      }
    }
    if (waitMs > 0) return Math.max(1, Math.ceil(waitMs / 1000));
    hits.push(now);
    return undefined;
  }

  newActivityId(): string {
    return String(FIRST_ACTIVITY_ID + this.nextActivity++);
  }

  /** Stores a created activity in its conversation and in the global `sent` log. */
  storeCreated(conversation: ConnectorConversation, body: Record<string, unknown>, replyToId?: string) {
    const id = this.newActivityId();
    const stored: StoredActivity = {
      ...body,
      id,
      conversationId: conversation.id,
      ...(replyToId ? { replyToId } : {}),
    };
    conversation.activities.push(stored);
    this.sent.push(structuredClone(stored));
    return stored;
  }
}
