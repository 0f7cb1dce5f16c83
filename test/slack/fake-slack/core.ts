import { FileStore } from './files-store.js';
import { MessageStore } from './messages.js';
import type { OAuthApp, OAuthGrant } from './methods/oauth.js';
import { RateLimiter } from './rate-limit.js';
import { ResponseUrlStore } from './response-urls.js';
import { Workspace } from './state.js';
import type { RecordedCall } from './types.js';
import { ViewStore } from './views-store.js';

export interface CoreOptions {
  now?: () => number;
  /** views.publish answers `not_enabled` when false (the app's Home tab is off). Default true. */
  homeTabEnabled?: boolean;
  /** Overrides the msg_blocks_too_long text threshold (SLACK_LIMITS.messageBlocksTextChars). */
  msgBlocksTextLimit?: number;
  /** Start with an empty workspace instead of FAKE_DEFAULTS. */
  empty?: boolean;
}

/** Everything the fake knows; method handlers and the HTTP layer share this one object. */
export class FakeCore {
  readonly workspace: Workspace;
  readonly messages = new MessageStore();
  readonly views = new ViewStore();
  readonly files = new FileStore();
  readonly responseUrls = new ResponseUrlStore();
  readonly limiter = new RateLimiter();
  readonly calls: RecordedCall[] = [];
  /** Calls to swallow unanswered, by method (`response_url` included), and who to tell. */
  readonly drops = new Map<string, () => void>();
  /** Unused OAuth codes, and the app credentials oauth.v2.access checks. */
  readonly oauthGrants = new Map<string, OAuthGrant>();
  oauthApp: OAuthApp | undefined;
  /** `http://127.0.0.1:PORT`, set once the server listens. */
  origin = '';
  private blockIdCounter = 0;

  constructor(readonly options: CoreOptions = {}) {
    this.workspace = new Workspace(options.now);
    this.reset();
  }

  now(): number {
    return this.workspace.now();
  }

  reset(): void {
    this.workspace.clear();
    if (!this.options.empty) this.workspace.seedDefaults();
    this.messages.clear();
    this.views.clear();
    this.files.clear();
    this.responseUrls.clear();
    this.limiter.clear();
    this.calls.length = 0;
    this.oauthGrants.clear();
    this.blockIdCounter = 0;
  }

  /** Slack-looking generated block_ids ("fk0001"), unique for the fake's lifetime. */
  readonly newBlockId = (): string => {
    this.blockIdCounter += 1;
    return `fk${this.blockIdCounter.toString(36).padStart(4, '0')}`;
  };
}
