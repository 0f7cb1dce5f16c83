import { beforeAll, describe, expect, it } from 'vitest';
import { useSlackApp } from '../slack/support/slack-app.js';
import { useTeamsApp } from '../teams/support/teams-app.js';
import {
  expectTold,
  type Seen,
  SlackPerson,
  TeamsPerson,
  writeDeadlineNeverPasses,
} from './support/drivers.js';
import {
  eventually,
  NOTHING_SAVED,
  UNREACHABLE,
  useHealthEndpoint,
  useOwnFerretdb,
} from './support/outage-stores.js';

/**
 * MongoDB (a FerretDB of this file's own) stopped, killed and frozen under a running app,
 * driven over HTTP as Slack and Teams send requests: every person is answered inside the ack
 * window with the specific message, /healthz says 503 inside its probe, nothing is written,
 * and once the server is back the same app serves again without a restart.
 */
describe('MongoDB outages, over HTTP on Slack and Teams', () => {
  const server = useOwnFerretdb();
  const slack = useSlackApp({ store: server, submissionDeadline: writeDeadlineNeverPasses });
  const teams = useTeamsApp({ store: server });
  const health = useHealthEndpoint(server);
  const slackPerson = new SlackPerson(slack);
  const teamsPerson = new TeamsPerson(teams);

  beforeAll(async () => {
    await slackPerson.setUp();
    await teamsPerson.setUp();
  });

  /** Forms, dialogs and buttons opened while the store answers, to be used during the outage. */
  async function opened() {
    return {
      form: await slackPerson.openForm(),
      dialog: await teamsPerson.openDialog(),
      slackButton: await slackPerson.showTimeline(),
      teamsButton: await teamsPerson.showTimelineButton(),
    };
  }

  /** Every surface during the outage; returns what each saw. */
  async function duringOutage(
    open: Awaited<ReturnType<typeof opened>>,
    outage: () => Promise<void> | void,
    label: string,
  ): Promise<Record<string, Seen>> {
    await outage();
    return {
      slackButton: await slackPerson.pressButton(open.slackButton),
      teamsButton: await teamsPerson.pressButton(open.teamsButton),
      slackTimeline: await slackPerson.timeline(),
      slackTypedLog: await slackPerson.typedLog(`Typed while ${label}`),
      slackForm: await slackPerson.submitForm(open.form, `Submitted while ${label}`),
      teamsTypedLog: await teamsPerson.typedLog(`Typed while ${label}`),
      teamsDialog: await teamsPerson.submitDialog(open.dialog, `Submitted while ${label}`),
    };
  }

  /** Once the server answers again, the same app logs on both platforms without a restart. */
  async function expectRecovered(label: string): Promise<void> {
    const logged = (seen: Seen) => seen.status === 200 && seen.told.includes('Logged');
    expect(await eventually(async () => logged(await slackPerson.typedLog(`Typed after ${label}`)))).toBe(
      true,
    );
    expect(await eventually(async () => logged(await teamsPerson.typedLog(`Typed after ${label}`)))).toBe(
      true,
    );
    expect(await eventually(async () => (await health.status()) === 200)).toBe(true);
  }

  it.each([
    ['stopped', () => server.stop()],
    ['killed', () => server.kill()],
  ])(
    'when the server is %s: "unreachable, nothing was saved" in time, 503, nothing written, back without a restart',
    async (label, outage) => {
      const open = await opened();
      const before = await server.interactionCount();
      const seen = await duringOutage(open, outage, label);
      for (const [surface, what] of Object.entries(seen)) {
        // A read that never reached a server wrote nothing, and says so.
        expectTold(what, surface === 'slackTimeline' ? NOTHING_SAVED : UNREACHABLE);
      }
      expect(await health.status()).toBe(503);
      await server.start();
      await expectRecovered(label);
      // The outage's requests left nothing behind; the two logs after it are there.
      expect(await server.interactionCount()).toBe(before + 2);
    },
  );

  it('when the server freezes (SIGSTOP): answered in time, 503, and back when it thaws', async () => {
    const open = await opened();
    const before = await server.interactionCount();
    const seen = await duringOutage(open, () => server.freeze(), 'frozen');
    // Each request's first call on the frozen server was a read, so the watchdog can say nothing was saved.
    for (const what of Object.values(seen)) expectTold(what, NOTHING_SAVED);
    expect(await health.status()).toBe(503);
    server.thaw();
    await expectRecovered('the thaw');
    // The requests stuck on the frozen server read first, so none of them had written.
    expect(await server.interactionCount()).toBe(before + 2);
  });
});
