import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import { startFakeConnector } from '../test/teams/fake-connector/index.js';
import type { RecordedCall } from '../test/teams/fake-connector/types.js';

/**
 * The Teams side of the Teams bench, on its own thread (as the Slack bench's load worker) so
 * that the fake Bot Connector — which parses every card with the real Adaptive Cards renderer —
 * and the 200 concurrent POSTs do not share an event loop with the app being measured.
 * Protocol: posts {ready, serviceUrl} once listening; answers each request with one message.
 */
export type TeamsLoadRequest =
  | { type: 'register'; tenantId: string; conversations: { id: string; aad: string }[] }
  /** POST the activities at once; for messages, wait until each conversation got a reply. */
  | { type: 'burst'; url: string; activities: Record<string, unknown>[]; waitForRepliesMs: number }
  | { type: 'count'; conversations: string[] }
  | { type: 'stop' };

export interface BurstResult {
  type: 'burst';
  /** POST → HTTP response. */
  responseMs: number[];
  /** POST → the connector answered the bot's reply message in that conversation. */
  replyMs: number[];
  /** Non-200 HTTP responses, or invoke bodies whose statusCode is not 200. */
  failures: number;
  /** One reply the bot sent, and one invoke response body (to give the bare app the same card). */
  sampleReply?: Record<string, unknown>;
  sampleInvokeBody?: unknown;
}

export interface CountResult {
  type: 'count';
  /** Messages currently stored in each conversation, in the order asked. */
  counts: number[];
}

const port = parentPort;
if (!port) throw new Error('teams-load-worker must run as a worker thread');

const connector = await startFakeConnector({ rateLimit: false });

// The connector records each call once its response is sent: stamp the reply's arrival there.
let watching = new Map<string, number>();
let arrivals = new Map<string, number>();
let sample: Record<string, unknown> | undefined;
const record = connector.calls.push.bind(connector.calls);
connector.calls.push = (...calls: RecordedCall[]) => {
  const now = performance.now();
  for (const call of calls) {
    const conversation = call.conversationId?.split(';')[0];
    const body = call.body as Record<string, unknown> | undefined;
    if (
      conversation &&
      watching.has(conversation) &&
      !arrivals.has(conversation) &&
      call.method === 'POST' &&
      call.status < 300 &&
      call.path.includes('/activities') &&
      body?.type === 'message'
    ) {
      arrivals.set(conversation, now);
      sample ??= body;
    }
  }
  return record(...calls);
};

port.postMessage({ type: 'ready', serviceUrl: connector.serviceUrl });

async function burst(request: Extract<TeamsLoadRequest, { type: 'burst' }>): Promise<BurstResult> {
  watching = new Map();
  arrivals = new Map();
  sample = undefined;
  const responseMs: number[] = [];
  let failures = 0;
  let sampleInvokeBody: unknown;
  await Promise.all(
    request.activities.map(async (activity) => {
      const conversation = String((activity.conversation as { id: string }).id);
      const start = performance.now();
      if (request.waitForRepliesMs > 0) watching.set(conversation, start);
      const response = await fetch(request.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      const text = await response.text();
      responseMs.push(performance.now() - start);
      if (response.status !== 200) failures++;
      if (activity.type === 'invoke') {
        const body = text ? (JSON.parse(text) as { statusCode?: number }) : undefined;
        if (body?.statusCode !== 200) failures++;
        sampleInvokeBody ??= body;
      }
    }),
  );
  const until = Date.now() + request.waitForRepliesMs;
  while (arrivals.size < watching.size && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const replyMs = [...arrivals].map(([conversation, at]) => at - (watching.get(conversation) ?? at));
  return {
    type: 'burst',
    responseMs,
    replyMs,
    failures,
    ...(sample ? { sampleReply: sample } : {}),
    ...(sampleInvokeBody ? { sampleInvokeBody } : {}),
  };
}

port.on('message', async (message: TeamsLoadRequest) => {
  switch (message.type) {
    case 'register':
      for (const { id, aad } of message.conversations) {
        connector.addMember(message.tenantId, aad);
        connector.addConversation({ id, tenantId: message.tenantId, type: 'personal', members: [aad] });
      }
      port.postMessage({ type: 'registered' });
      return;
    case 'burst':
      port.postMessage(await burst(message));
      return;
    case 'count': {
      const result: CountResult = {
        type: 'count',
        counts: message.conversations.map((id) => connector.messages(id).length),
      };
      port.postMessage(result);
      return;
    }
    case 'stop':
      await connector.close();
      port.close();
  }
});
