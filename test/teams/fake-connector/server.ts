/** The fake Bot Framework Connector: an Express server on 127.0.0.1 and its test-facing facade. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { activityRoutes } from './activities.js';
import { conversationRoutes } from './conversations.js';
import { errorHandler, fail, recorder, requireBearer } from './http.js';
import { ConnectorState } from './state.js';
import { TOKEN_PATH, tokenRoutes } from './token.js';
import type {
  FakeConnectorOptions,
  InjectedFailure,
  NewConversation,
  RecordedCall,
  StoredActivity,
} from './types.js';

export interface FakeConnector {
  /** `http://127.0.0.1:PORT/`, with the trailing slash Teams puts in `activity.serviceUrl`. */
  readonly serviceUrl: string;
  /** The fake OAuth token endpoint (`…/botframework.com/oauth2/v2.0/token`). */
  readonly tokenUrl: string;
  /** Every request, in arrival order, with the status it got. */
  readonly calls: RecordedCall[];
  addConversation(c: NewConversation): void;
  /** A user in `tenantId` the bot may open a 1:1 chat with (the app is installed for them). */
  addMember(tenantId: string, aadObjectId: string): void;
  /** The roster's userRole for this person ("user" unless set; guests are "guest"). */
  setUserRole(aadObjectId: string, userRole: 'user' | 'guest'): void;
  /** The bot was uninstalled: later calls get 403 BotNotInConversationRoster. */
  removeBot(conversationId: string): void;
  /** The next activity operation on the conversation fails this way (queued, one call each). */
  failNext(conversationId: string, failure: InjectedFailure): void;
  /** Forgets injected failures no call has used up yet. */
  clearFailures(): void;
  /** Current activities in the conversation (after updates and deletes); `last`: only the newest ones. */
  messages(conversationId: string, last?: number): StoredActivity[];
  /**
   * Every activity created successfully, in order, as it was when created; `from`: only those
   * after the first `from` (copies are deep, so a long run asks for its tail, not the whole log).
   */
  sent(from?: number): StoredActivity[];
  /** How many activities `sent()` holds. */
  sentCount(): number;
  /** The 1:1 conversation id created via POST /v3/conversations for this user. */
  conversationFor(tenantId: string, aadObjectId: string): string | undefined;
  close(): Promise<void>;
}

export async function startFakeConnector(options: FakeConnectorOptions = {}): Promise<FakeConnector> {
  const state = new ConnectorState(options);
  const app = express();
  app.disable('x-powered-by');
  app.use(recorder(state));
  // Generous parser limit: activities above 28 KB get the connector's own 413 after the other checks.
  app.use(express.json({ limit: '4mb' }));
  app.use(express.urlencoded({ extended: false, limit: '64kb' }));

  const tokens = express.Router();
  tokenRoutes(tokens, state);
  app.use(tokens);

  const connector = express.Router();
  connector.use(requireBearer(state));
  conversationRoutes(connector, state);
  activityRoutes(connector, state);
  app.use('/v3', (req, res, next) => {
    req.url = `/v3${req.url}`;
    connector(req, res, next);
  });
  app.use((_req, res) =>
    fail(res, 404, 'NotFound', 'The requested resource does not exist on the connector.'),
  );
  app.use(errorHandler);

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  const conversationOrThrow = (id: string) => {
    const conversation = state.conversation(id);
    if (!conversation) throw new Error(`fake connector: unknown conversation ${id}`);
    return conversation;
  };

  return {
    serviceUrl: `${origin}/`,
    tokenUrl: `${origin}${TOKEN_PATH}`,
    calls: state.calls,
    addConversation: (c) => {
      state.addConversation(c);
    },
    addMember: (tenantId, aadObjectId) => state.addMember(tenantId, aadObjectId),
    setUserRole: (aadObjectId, userRole) => {
      state.userRoles.set(aadObjectId, userRole);
    },
    removeBot: (conversationId) => {
      conversationOrThrow(conversationId).botInRoster = false;
    },
    failNext: (conversationId, failure) => state.failNext(conversationId, failure),
    clearFailures: () => state.clearFailures(),
    messages: (conversationId, last) => {
      const activities = state.conversation(conversationId)?.activities ?? [];
      return structuredClone(last === undefined ? activities : activities.slice(-last));
    },
    sent: (from = 0) => structuredClone(state.sent.slice(from)),
    sentCount: () => state.sent.length,
    conversationFor: (tenantId, aadObjectId) => state.personalChats.get(`${tenantId}\n${aadObjectId}`),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
