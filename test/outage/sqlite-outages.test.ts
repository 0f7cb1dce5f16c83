import { unlinkSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqliteStorage } from '../../src/infra/sqlite/open-sqlite-store.js';
import { useSlackApp } from '../slack/support/slack-app.js';
import { useDefaultStore } from '../support/engines.js';
import { useTeamsApp } from '../teams/support/teams-app.js';
import { expectTold, SlackPerson, TeamsPerson, writeDeadlineNeverPasses } from './support/drivers.js';
import { frozenWriter, NOTHING_SAVED, useHealthEndpoint } from './support/outage-stores.js';

/**
 * The built-in store (SQLite, in-process) when its file stops being usable, driven over HTTP
 * as Slack and Teams send requests: every person is answered inside the ack window with the
 * specific message, nothing is written, /healthz says 503 inside its probe, and the store
 * comes back by itself when the lock goes — or, when the file is gone, says so once so
 * main.ts exits for a supervisor.
 */
describe('SQLite outages, over HTTP on Slack and Teams', () => {
  const lost: string[] = [];
  let signalLoss: (reason: string) => void = () => {};
  const loss = new Promise<string>((resolve) => {
    signalLoss = resolve;
  });
  const store = useDefaultStore({
    onFileUnusable: (reason) => {
      lost.push(reason);
      signalLoss(reason);
    },
  });
  const slack = useSlackApp({ store, submissionDeadline: writeDeadlineNeverPasses });
  const teams = useTeamsApp({ store });
  const health = useHealthEndpoint(store);
  const slackPerson = new SlackPerson(slack);
  const teamsPerson = new TeamsPerson(teams);
  const path = () => (store.storage as SqliteStorage).path;
  const interactions = async () =>
    (await store.holdings(slackPerson.seeded.workspace.id)).interactions +
    (await store.holdings(teamsPerson.world.workspace.id)).interactions;

  beforeAll(async () => {
    await slackPerson.setUp();
    await teamsPerson.setUp();
  });

  describe('another process took the write lock and froze holding it', () => {
    it('answers every write with "unreachable, nothing was saved" in time, writes nothing, and /healthz says 503', async () => {
      const form = await slackPerson.openForm();
      const dialog = await teamsPerson.openDialog();
      const slackButton = await slackPerson.showTimeline();
      const teamsButton = await teamsPerson.showTimelineButton();
      const before = await interactions();
      const writer = frozenWriter(path());
      try {
        expectTold(await slackPerson.typedLog('Typed during the lock'), NOTHING_SAVED);
        expectTold(await slackPerson.submitForm(form, 'Submitted during the lock'), NOTHING_SAVED);
        expectTold(await teamsPerson.typedLog('Typed during the lock'), NOTHING_SAVED);
        expectTold(await teamsPerson.submitDialog(dialog, 'Submitted during the lock'), NOTHING_SAVED);
        expect(await health.status()).toBe(503);
        // Reads do not need the lock (WAL): a timeline and its buttons still answer.
        expect((await slackPerson.timeline()).told).not.toContain('unreachable');
        expect((await slackPerson.pressButton(slackButton)).status).toBe(200);
        expect((await teamsPerson.pressButton(teamsButton)).told).toContain('Ann Lévy');
        expect(await interactions()).toBe(before);
      } finally {
        writer.release();
      }
    });

    it('comes back by itself once the lock is let go: the same requests log, and /healthz says 200', async () => {
      const before = await interactions();
      const form = await slackPerson.openForm();
      const dialog = await teamsPerson.openDialog();
      expectTold(await slackPerson.typedLog('Typed after the lock'), 'Logged');
      expect((await slackPerson.submitForm(form, 'Submitted after the lock')).status).toBe(200);
      expectTold(await teamsPerson.typedLog('Typed after the lock'), 'Logged');
      expectTold(await teamsPerson.submitDialog(dialog, 'Submitted after the lock'), 'Logged');
      expect(await interactions()).toBe(before + 4);
      expect(await health.status()).toBe(200);
      expect(lost).toEqual([]);
    });
  });

  describe('the file is deleted while the app runs', () => {
    it('refuses to write into the deleted file, says so in time, reports the store lost once, and /healthz says 503', async () => {
      const form = await slackPerson.openForm();
      const dialog = await teamsPerson.openDialog();
      const slackButton = await slackPerson.showTimeline();
      const teamsButton = await teamsPerson.showTimelineButton();
      unlinkSync(path());
      // Reads trust the file's watch rather than stat it each time: the loss is noticed by the
      // watch's event, with no request under way (without it this never settles).
      expect(await loss).toContain('was deleted');
      expectTold(await slackPerson.pressButton(slackButton), NOTHING_SAVED);
      expectTold(await teamsPerson.pressButton(teamsButton), NOTHING_SAVED);
      expectTold(await slackPerson.timeline(), NOTHING_SAVED);
      expectTold(await slackPerson.typedLog('Typed after the delete'), NOTHING_SAVED);
      expectTold(await slackPerson.submitForm(form, 'Submitted after the delete'), NOTHING_SAVED);
      expectTold(await teamsPerson.typedLog('Typed after the delete'), NOTHING_SAVED);
      expectTold(await teamsPerson.submitDialog(dialog, 'Submitted after the delete'), NOTHING_SAVED);
      expect(await health.status()).toBe(503);
      // main.ts turns this into one line on stderr and exit code 1, for a supervisor to restart.
      expect(lost).toHaveLength(1);
      expect(lost[0]).toContain('was deleted');
    });
  });
});
