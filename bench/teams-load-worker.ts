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
  /** POST the activities at once; for message activities, wait until each conversation got a reply. */
  | { type: 'burst'; url: string; activities: Record<string, unknown>[]; waitForRepliesMs: number }
  /** For each conversation, the first match of `pattern` in each stored message ('' if none). */
  | { type: 'markers'; conversations: string[]; pattern: string }
  | { type: 'stop' };

export interface BurstResult {
  type: 'burst';
  /** POST → HTTP response, for message activities and for invokes. */
  messageResponseMs: number[];
  invokeResponseMs: number[];
  /** POST → the connector answered the bot's reply message in that conversation. */
  replyMs: number[];
  /** Non-200 HTTP responses, or invoke bodies whose statusCode is not 200. */
  failures: number;
  /** One reply the bot sent, and one invoke response body (to give the bare app the same card). */
  sampleReply?: Record<string, unknown>;
  sampleInvokeBody?: unknown;
}

export interface MarkersResult {
  type: 'markers';
  markers: string[][];
  /** Wall-clock ms of the first and the last accepted message in those conversations. */
  firstAt?: number;
  lastAt?: number;
}

const port = parentPort;
if (!port) throw new Error('teams-load-worker must run as a worker thread');

// Teams' documented per-conversation thread limits (the fake's default): 429 + Retry-After beyond.
const connector = await startFakeConnector();

// The connector records each call once its response is sent: stamp the reply's arrival there.
let watching = new Map<string, number>();
let arrivals = new Map<string, number>();
let sample: Record<string, unknown> | undefined;
/** Every accepted message per conversation, in wall-clock ms (comparable across threads). */
const delivered = new Map<string, number[]>();
const record = connector.calls.push.bind(connector.calls);
connector.calls.push = (...calls: RecordedCall[]) => {
  const now = performance.now();
  for (const call of calls) {
    const conversation = call.conversationId?.split(';')[0];
    const body = call.body as Record<string, unknown> | undefined;
    const accepted =
      call.method === 'POST' &&
      call.status < 300 &&
      call.path.includes('/activities') &&
      body?.type === 'message';
    if (conversation && accepted) {
      delivered.set(conversation, [...(delivered.get(conversation) ?? []), performance.timeOrigin + now]);
    }
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

type InvokeBody = { statusCode?: number; task?: { type?: string } };

/** A dialog fetch must open a dialog (an error closes it with a message); card actions say 200. */
function answered(name: string, body: InvokeBody | undefined): boolean {
  if (name === 'task/fetch') return body?.task?.type === 'continue';
  return body?.statusCode === 200;
}

async function burst(request: Extract<TeamsLoadRequest, { type: 'burst' }>): Promise<BurstResult> {
  watching = new Map();
  arrivals = new Map();
  sample = undefined;
  const messageResponseMs: number[] = [];
  const invokeResponseMs: number[] = [];
  let failures = 0;
  let sampleInvokeBody: unknown;
  await Promise.all(
    request.activities.map(async (activity) => {
      const conversation = String((activity.conversation as { id: string }).id);
      const start = performance.now();
      if (request.waitForRepliesMs > 0 && activity.type === 'message') watching.set(conversation, start);
      const response = await fetch(request.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      const text = await response.text();
      (activity.type === 'invoke' ? invokeResponseMs : messageResponseMs).push(performance.now() - start);
      if (response.status !== 200) failures++;
      if (activity.type === 'invoke') {
        const body = text ? (JSON.parse(text) as InvokeBody) : undefined;
        if (!answered(String(activity.name), body)) failures++;
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
    messageResponseMs,
    invokeResponseMs,
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
    case 'markers': {
      const pattern = new RegExp(message.pattern);
      const times = message.conversations.flatMap((id) => delivered.get(id) ?? []);
      const result: MarkersResult = {
        type: 'markers',
        markers: message.conversations.map((id) =>
          connector.messages(id).map((activity) => pattern.exec(JSON.stringify(activity))?.[0] ?? ''),
        ),
        ...(times.length > 0 ? { firstAt: Math.min(...times), lastAt: Math.max(...times) } : {}),
      };
      port.postMessage(result);
      return;
    }
    case 'stop':
      await connector.close();
      port.close();
  }
});
