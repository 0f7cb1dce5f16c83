import { type Document, ObjectId } from 'mongodb';
import type { Connection } from 'mongoose';
import type { FollowUpReminder, FollowUpScheduler } from '../../core/followups/follow-up-scheduler.port.js';
import type { Logger } from '../../core/shared/ports.js';
import { COLLECTIONS } from '../mongo/indexes.js';
import { type Agenda, createAgenda } from './agenda.js';
import { JobName } from './job-names.js';
import {
  type QueuedReminder,
  type ReminderJobData,
  type ReminderQueue,
  reminderJobData,
} from './reminder-queue.js';

/** Reminders read and written per round trip. */
const CHUNK = 500;

/**
 * FollowUpScheduler on agenda: one `send-follow-up-reminder` job per interaction, keyed by
 * (interaction, fire time), in a collection of its own (agendaReminderJobs) so that agenda's
 * polling of the other jobs never scans thousands of reminders — on FerretDB every such query
 * reads the whole collection.
 * A move queues the job of the new time, then removes the others of that interaction; the
 * delivery re-reads the interaction anyway, so a job that survives a race is skipped as stale,
 * never sent twice. The dispatcher (definitions/dispatch-follow-up-reminders.job.ts) runs due jobs
 * in batches instead of agenda locking them one by one.
 */
export class AgendaFollowUpScheduler implements FollowUpScheduler, ReminderQueue {
  readonly agenda: Agenda;

  constructor(
    private readonly connection: Connection,
    logger: Logger,
  ) {
    // Never started: agenda is the job format and write API here; the dispatcher runs the jobs.
    this.agenda = createAgenda(connection, { logger, collection: COLLECTIONS.reminderJobs });
  }

  private jobs() {
    return this.connection.getClient().db(this.connection.name).collection(COLLECTIONS.reminderJobs);
  }

  /**
   * Creates or moves the jobs, a chunk of one workspace at a time: one read of the existing
   * jobs, one insert of the missing ones, one delete of those at another time. (Per job, an
   * agenda upsert and a delete each scan the collection on FerretDB: a 500-contact log would
   * take minutes.) Jobs are built by agenda (create + schedule), so they are agenda's shape.
   * Two concurrent schedules of one reminder may both insert: the duplicate job is harmless,
   * the delivery is claimed once.
   */
  async schedule(reminders: FollowUpReminder[]): Promise<void> {
    await this.agenda.ready;
    const latest = new Map<string, FollowUpReminder>();
    for (const reminder of reminders)
      latest.set(`${reminder.workspaceId}|${reminder.interactionId}`, reminder);
    const byWorkspace = new Map<string, FollowUpReminder[]>();
    for (const reminder of latest.values()) {
      byWorkspace.set(reminder.workspaceId, [...(byWorkspace.get(reminder.workspaceId) ?? []), reminder]);
    }
    for (const [workspaceId, group] of byWorkspace) {
      for (let start = 0; start < group.length; start += CHUNK) {
        await this.scheduleChunk(workspaceId, group.slice(start, start + CHUNK));
      }
    }
  }

  private async scheduleChunk(workspaceId: string, reminders: FollowUpReminder[]): Promise<void> {
    const wanted = new Map(reminders.map((r) => [r.interactionId, r.fireAt.toISOString()]));
    const existing = await this.jobs()
      .find({
        name: JobName.sendFollowUpReminder,
        'data.workspaceId': workspaceId,
        'data.interactionId': { $in: [...wanted.keys()] },
      })
      .toArray();
    const present = new Set<string>();
    const obsolete: ObjectId[] = [];
    for (const doc of existing) {
      const data = reminderJobData.safeParse(doc.data);
      if (data.success && wanted.get(data.data.interactionId) === data.data.fireAt) {
        present.add(data.data.interactionId);
      } else {
        obsolete.push(doc._id);
      }
    }
    const missing = reminders.filter((r) => !present.has(r.interactionId)).map((r) => this.jobDocument(r));
    if (missing.length > 0) await this.jobs().insertMany(missing, { ordered: false });
    // After the insert: a reminder always has a job, even if this process stops in between.
    if (obsolete.length > 0) await this.jobs().deleteMany({ _id: { $in: obsolete } });
  }

  private jobDocument(reminder: FollowUpReminder): Document {
    const data: ReminderJobData = {
      workspaceId: reminder.workspaceId,
      interactionId: reminder.interactionId,
      fireAt: reminder.fireAt.toISOString(),
    };
    const attrs = this.agenda.create(JobName.sendFollowUpReminder, data).schedule(reminder.fireAt).toJson();
    // The null fields agenda's own save writes, so agenda tools read these jobs like any other.
    return {
      lockedAt: null,
      lastRunAt: null,
      lastFinishedAt: null,
      disabled: null,
      lastModifiedBy: null,
      ...attrs,
    };
  }

  async cancel(workspaceId: string, interactionIds: string[]): Promise<void> {
    if (interactionIds.length === 0) return;
    await this.jobs().deleteMany({
      name: JobName.sendFollowUpReminder,
      'data.workspaceId': workspaceId,
      'data.interactionId': { $in: interactionIds },
    });
  }

  /** Reminder jobs due at `now` (core time). */
  async due(now: Date, limit: number): Promise<QueuedReminder[]> {
    const docs = await this.jobs()
      .find({ name: JobName.sendFollowUpReminder, nextRunAt: { $lte: now } }, { projection: { data: 1 } })
      .limit(limit)
      .toArray();
    return docs.map((doc) => ({ jobId: String(doc._id), data: doc.data }));
  }

  /** Removes handled jobs (sent, failed, stale, or claimed by another worker). */
  async remove(jobIds: readonly string[]): Promise<void> {
    if (jobIds.length === 0) return;
    await this.jobs().deleteMany({ _id: { $in: jobIds.map((id) => new ObjectId(id)) } });
  }
}
