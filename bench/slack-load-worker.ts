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
  waitForViewsMs: number;
}

export interface RunResult {
  type: 'result';
  ackMs: number[];
  viewsOpenMs: number[];
  /** Command → the form with its contacts (the views.update replacing the "Looking up…" modal). */
  formReadyMs: number[];
  failures: number;
}

const port = parentPort;
if (!port) throw new Error('slack-load-worker must run as a worker thread');

const fake = await startFakeSlack();
port.postMessage({ type: 'ready', fakeUrl: fake.url });

port.on('message', async (message: RunRequest | { type: 'stop' }) => {
  if (message.type === 'stop') {
    await fake.close();
    port.close();
    return;
  }
  fake.reset();
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
      const start = performance.now();
      const response = await sendSlashCommand(
        message.url,
        message.secret,
        {
          command: '/interaction',
          text: `${verb} ${message.names[index % message.names.length]}`,
          user_id: userId,
          channel_id: FAKE_DEFAULTS.channels.general,
          trigger_id: triggerId,
        },
        { fake },
      );
      ackMs.push(performance.now() - start);
      if (response.status !== 200) failures++;
    }),
  );
  const until = Date.now() + message.waitForViewsMs;
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
  const done = () => opened.length >= sentAt.size && opened.every((call) => updates.has(viewIdOf(call)));
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
  const result: RunResult = { type: 'result', ackMs, viewsOpenMs, formReadyMs, failures };
  port.postMessage(result);
});
