import { type FollowUpReminder, reminderFor } from '../../core/followups/follow-up-scheduler.port.js';
import {
  type TableName,
  TRANSFER_TABLES,
  type TransferBatch,
  type TransferRecords,
  type TransferStore,
} from './transfer-tables.js';

export const DEFAULT_BATCH_SIZE = 1000;

export interface CopyOptions {
  /** Records read and written per round trip: memory holds one batch, whatever the table's size. */
  batchSize?: number;
  /** Stops (throws CopyInterrupted) after this many batches: how tests interrupt a copy half-way. */
  stopAfterBatches?: number;
  /** Called after each batch, for progress lines. */
  onBatch?: (table: TableName, readSoFar: number) => void;
}

export interface TableCount {
  table: TableName;
  /** Records read from the source during this run. */
  read: number;
  /** Of those, how many the target did not hold yet. */
  written: number;
  /** Counted at both ends once the copy is done. */
  source: number;
  target: number;
}

export interface CopyReport {
  tables: TableCount[];
  /** Open follow-ups queued on the target's scheduler; null when the target has none. */
  reminders: number | null;
  /** Every table holds as many records at the target as at the source. */
  matches: boolean;
}

export class CopyInterrupted extends Error {}

/**
 * Copies every table from `source` to `target`, a batch at a time in key order. Writes skip
 * records the target already holds, so running it again after an interruption finishes the
 * job without duplicates. Scheduled jobs are engine-specific and not copied: the target's
 * reminder queue is rebuilt from the open follow-ups of the interactions copied (the
 * scheduler port's contract: create or move, per interaction). Counts are taken at both ends
 * at the end.
 */
export async function copyStore(
  source: TransferStore,
  target: TransferStore,
  options: CopyOptions = {},
): Promise<CopyReport> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  let batches = 0;
  let reminders: number | null = 0;
  const copied: Omit<TableCount, 'source' | 'target'>[] = [];
  for (const table of TRANSFER_TABLES) {
    const progress = { table, read: 0, written: 0 };
    let after: string | null = null;
    do {
      if (options.stopAfterBatches !== undefined && batches >= options.stopAfterBatches) {
        throw new CopyInterrupted(`Stopped after ${batches} batches, in ${table}`);
      }
      const batch: TransferBatch<TransferRecords[TableName]> = await source.read(table, after, batchSize);
      progress.written += await target.write(table, batch.records);
      progress.read += batch.records.length;
      if (table === 'interactions') {
        const interactions = batch.records as TransferRecords['interactions'][];
        const open = interactions.map(reminderFor).filter((r): r is FollowUpReminder => r !== null);
        if (open.length > 0 && reminders !== null) {
          reminders = (await target.scheduleReminders(open)) ? reminders + open.length : null;
        }
      }
      batches++;
      options.onBatch?.(table, progress.read);
      after = batch.next;
    } while (after !== null);
    copied.push(progress);
  }
  const tables: TableCount[] = [];
  for (const progress of copied) {
    tables.push({
      ...progress,
      source: await source.count(progress.table),
      target: await target.count(progress.table),
    });
  }
  return {
    tables,
    reminders,
    matches: tables.every((count) => count.source === count.target && count.read === count.source),
  };
}
