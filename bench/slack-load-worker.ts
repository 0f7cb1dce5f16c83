import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import { FAKE_DEFAULTS, sendSlashCommand, startFakeSlack } from '../test/slack/fake-slack/index.js';

/**
 * The Slack side of the Slack bench, on its own thread so that signing and sending 200
 * requests (and answering the app's Web API calls) does not share an event loop with the app
 * being measured. Protocol: posts {fakeUrl} once ready; answers each {run} with {result}.
 */
export interface RunRequest {
  type: 'run';
  url: string;
  secret: string;
  names: string[];
  concurrency: number;
  /** How long to wait for the replies after the burst. */
  waitMs: number;
  /** Whether `log` opens modals (the bare app only acks it). */
  expectViews: boolean;
}

export interface RunResult {
  type: 'result';
  ackMs: number[];
  viewsOpenMs: number[];
  /** Command → the form with its contacts (the views.update replacing the "Looking up…" modal). */
  formReadyMs: number[];
  /** `timeline` command → its ephemeral message reaching the response_url (accepted by the fake). */
  timelineMessageMs: number[];
  /** Timeline replies that carried no blocks (a "no match" text, or the picker's would differ). */
  timelineRepliesWithoutBlocks: number;
  /** One timeline reply as posted, for the bare app to send the very same. */
  sampleTimelineReply?: string;
  failures: number;
}

const port = parentPort;
if (!port) throw new Error('slack-load-worker must run as a worker thread');

const fake = await startFakeSlack();

/**
 * The timeline's reply goes to the command's response_url. Each timeline command gets one on
 * this relay, which notes when the reply arrived and passes it on to the fake's own
 * response_url (which validates the blocks and answers), so the time is the message's.
 */
const arrived = new Map<string, { at: number; blocks: boolean; raw: string }>();
const forwardTo = new Map<string, string>();
const relay = createServer((req, res) => {
  const key = decodeURIComponent(req.url?.slice(1) ?? '');
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', async () => {
    const at = performance.now();
    const raw = Buffer.concat(chunks).toString();
    const target = forwardTo.get(key);
    if (!target) {
      res.writeHead(404).end();
      return;
    }
    const answer = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
      body: raw,
    });
    if (answer.ok && !arrived.has(key)) arrived.set(key, { at, blocks: raw.includes('"blocks"'), raw });
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
  });
});
await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
const relayUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}`;
port.postMessage({ type: 'ready', fakeUrl: fake.url });

port.on('message', async (message: RunRequest | { type: 'stop' }) => {
  if (message.type === 'stop') {
    await fake.close();
    relay.close();
    port.close();
    return;
  }
  fake.reset();
  arrived.clear();
  forwardTo.clear();
  const timelineSentAt = new Map<string, number>();
  // One person per request: a user has one modal stack, so a burst from one user would close
  // its own modals, and a real burst comes from many people.
  const users = Array.from({ length: message.concurrency }, (_, index) => {
    const id = `UBENCH${String(index).padStart(4, '0')}`;
    fake.addUser({ id, name: `bench${index}` });
    return id;
  });
  const ackMs: number[] = [];
  const sentAt = new Map<string, number>();
  let failures = 0;
  await Promise.all(
    Array.from({ length: message.concurrency }, async (_, index) => {
      const verb = index % 2 === 0 ? 'timeline' : 'log';
      const userId = users[index] ?? FAKE_DEFAULTS.users.alice;
      const triggerId = fake.issueTriggerId({ userId });
      if (verb === 'log') sentAt.set(triggerId, Date.now());
      const key = `${userId}-${index}`;
      if (verb === 'timeline') {
        forwardTo.set(key, fake.responseUrl(FAKE_DEFAULTS.channels.general, userId));
      }
      const start = performance.now();
      if (verb === 'timeline') timelineSentAt.set(key, start);
      const response = await sendSlashCommand(
        message.url,
        message.secret,
        {
          command: '/interaction',
          text: `${verb} ${message.names[index % message.names.length]}`,
          user_id: userId,
          channel_id: FAKE_DEFAULTS.channels.general,
          trigger_id: triggerId,
          ...(verb === 'timeline' ? { response_url: `${relayUrl}/${encodeURIComponent(key)}` } : {}),
        },
        { fake },
      );
      ackMs.push(performance.now() - start);
      if (response.status !== 200) failures++;
    }),
  );
  const until = Date.now() + message.waitMs;
  const openedByUs = () =>
    fake.callsTo('views.open').filter((call) => sentAt.has(String(call.args.trigger_id)));
  const viewIdOf = (call: { response: Record<string, unknown> }) => {
    const view = call.response.view;
    return typeof view === 'object' && view !== null && 'id' in view ? String(view.id) : '';
  };
  const filled = () => {
    const first = new Map<string, number>();
    for (const call of fake.callsTo('views.update')) {
      const id = String(call.args.view_id);
      if (call.ok && !first.has(id)) first.set(id, call.time);
    }
    return first;
  };
  let opened = openedByUs();
  let updates = filled();
  const done = () =>
    (!message.expectViews || opened.length >= sentAt.size) &&
    opened.every((call) => updates.has(viewIdOf(call))) &&
    arrived.size >= timelineSentAt.size;
  while (!done() && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    opened = openedByUs();
    updates = filled();
  }
  const since = (call: { args: Record<string, unknown> }, time: number) =>
    time - (sentAt.get(String(call.args.trigger_id)) ?? time);
  const viewsOpenMs = opened.map((call) => since(call, call.time));
  const formReadyMs = opened.flatMap((call) => {
    const at = updates.get(viewIdOf(call));
    return at === undefined ? [] : [since(call, at)];
  });
  const timelineMessageMs = [...arrived].flatMap(([key, { at }]) => {
    const start = timelineSentAt.get(key);
    return start === undefined ? [] : [at - start];
  });
  const timelineRepliesWithoutBlocks = [...arrived.values()].filter((reply) => !reply.blocks).length;
  const result: RunResult = {
    type: 'result',
    ackMs,
    viewsOpenMs,
    formReadyMs,
    timelineMessageMs,
    timelineRepliesWithoutBlocks,
    failures,
    ...(arrived.size > 0 ? { sampleTimelineReply: [...arrived.values()][0]?.raw } : {}),
  };
  port.postMessage(result);
});
