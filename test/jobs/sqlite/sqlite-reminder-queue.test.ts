import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FollowUpReminder } from '../../../src/core/followups/follow-up-scheduler.port.js';
import { JobName } from '../../../src/infra/jobs/job-names.js';
import { SqliteFollowUpScheduler } from '../../../src/infra/sqlite/jobs/sqlite-follow-up-scheduler.js';
import { makeClock } from '../../support/fixtures.js';
import { createJobsFile, type JobsFile, storedJobs } from '../support/sqlite-jobs-file.js';

const T0 = new Date('2026-03-10T10:00:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const clock = makeClock(T0);
let file: JobsFile;
let scheduler: SqliteFollowUpScheduler;

beforeEach(() => {
  file = createJobsFile();
  scheduler = new SqliteFollowUpScheduler(file.open(), clock);
});
afterEach(() => file.dispose());

const reminder = (interactionId: string, fireAt: Date, workspaceId = 'W1'): FollowUpReminder => ({
  workspaceId,
  interactionId,
  eventId: `E-${interactionId}`,
  assigneeId: 'U1',
  fireAt,
});

describe('the SQLite reminder queue', () => {
  it('hands the dispatcher only the reminders due at the core time, with their data', async () => {
    await scheduler.schedule([
      reminder('I1', minutes(5)),
      reminder('I2', minutes(10)),
      reminder('I3', minutes(1), 'W2'),
    ]);

    const due = await scheduler.due(minutes(5), 100);
    expect(due.map((job) => job.data)).toEqual([
      { workspaceId: 'W2', interactionId: 'I3', fireAt: minutes(1).toISOString() },
      { workspaceId: 'W1', interactionId: 'I1', fireAt: minutes(5).toISOString() },
    ]);
    expect(await scheduler.due(minutes(4), 1)).toHaveLength(1);
  });

  it('removes handled reminders, but not one moved to a new time after it was read', async () => {
    await scheduler.schedule([reminder('I1', minutes(5)), reminder('I2', minutes(5))]);
    const read = await scheduler.due(minutes(5), 100);
    // While the batch is being sent, I2 is snoozed: its queued reminder moves.
    await scheduler.schedule([reminder('I2', minutes(60))]);
    await scheduler.remove(read.map((job) => job.jobId));

    const left = storedJobs(file.open(), JobName.sendFollowUpReminder);
    expect(left.map((job) => [JSON.parse(job.data).interactionId, job.next_run_at])).toEqual([
      ['I2', minutes(60).getTime()],
    ]);
  });

  it('keeps the same queued reminder when it is scheduled again unchanged, and cancels it by interaction', async () => {
    await scheduler.schedule([reminder('I1', minutes(5))]);
    const [before] = await scheduler.due(minutes(5), 10);
    await scheduler.schedule([reminder('I1', minutes(5))]);
    const [after] = await scheduler.due(minutes(5), 10);
    expect(after?.jobId).toBe(before?.jobId);

    await scheduler.cancel('W2', ['I1']); // another workspace's interaction: nothing to cancel
    expect(await scheduler.due(minutes(5), 10)).toHaveLength(1);
    await scheduler.cancel('W1', ['I1', 'I-unknown']);
    expect(await scheduler.due(minutes(5), 10)).toEqual([]);
  });
});
