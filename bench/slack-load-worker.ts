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
  const ackMs: number[] = [];
  const sentAt = new Map<string, number>();
  let failures = 0;
  await Promise.all(
    Array.from({ length: message.concurrency }, async (_, index) => {
      const verb = index % 2 === 0 ? 'timeline' : 'log';
      const triggerId = fake.issueTriggerId({ userId: FAKE_DEFAULTS.users.alice });
      if (verb === 'log') sentAt.set(triggerId, Date.now());
      const start = performance.now();
      const response = await sendSlashCommand(
        message.url,
        message.secret,
        {
          command: '/interaction',
          text: `${verb} ${message.names[index % message.names.length]}`,
          user_id: FAKE_DEFAULTS.users.alice,
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
  let opened = fake.callsTo('views.open').filter((call) => sentAt.has(String(call.args.trigger_id)));
  while (opened.length < sentAt.size && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    opened = fake.callsTo('views.open').filter((call) => sentAt.has(String(call.args.trigger_id)));
  }
  const viewsOpenMs = opened.map(
    (call) => call.time - (sentAt.get(String(call.args.trigger_id)) ?? call.time),
  );
  const result: RunResult = { type: 'result', ackMs, viewsOpenMs, failures };
  port.postMessage(result);
});
