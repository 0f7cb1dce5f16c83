import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { Db } from 'mongodb';
import type { Container } from '../src/app/container.js';
import type { InteractionFilter } from '../src/core/interactions/interaction-filter.js';
import { COLLECTIONS } from '../src/infra/mongo/indexes.js';
import type { AuditDoc } from '../src/infra/mongo/models/claim-audit.model.js';
import type { ContactDoc } from '../src/infra/mongo/models/contact.model.js';
import { type InteractionDoc, toInteractionDoc } from '../src/infra/mongo/models/interaction.model.js';
import { filterQuery } from '../src/infra/mongo/repositories/interaction.repository.js';
import type { SeededWorkspace } from './seed.js';
import { type Budget, compare, progress, round, stats, timed, withRssSampling } from './support.js';

const NEWEST_FIRST = { occurredAt: -1, _id: -1 } as const;

/** (1) F8 first page through the service vs the same three reads with the bare driver. */
export function timeline(container: Container, db: Db, seeded: SeededWorkspace, budget: Budget) {
  const { workspace, actor } = seeded;
  const contactId = seeded.busiestContactIds[Math.floor(seeded.busiestContactIds.length / 2)]!;
  const interactions = db.collection<InteractionDoc>(COLLECTIONS.interactions);
  return compare(
    'contact timeline',
    budget,
    () => container.interactions.contactTimeline(actor, { contactId, limit: 10 }),
    async () => {
      const query = filterQuery(workspace.id, { contactIds: [contactId] }, new Date());
      await db
        .collection<ContactDoc>(COLLECTIONS.contacts)
        .findOne({ _id: contactId, workspaceId: workspace.id });
      await interactions.find(query).sort(NEWEST_FIRST).limit(11).toArray();
      await interactions.countDocuments(query);
    },
  );
}

/** (2) F10 first page with the total and two filters: service vs the same find + countDocuments. */
export function workspaceList(container: Container, db: Db, seeded: SeededWorkspace, budget: Budget) {
  const { workspace, actor } = seeded;
  const filter: InteractionFilter = { types: ['Visit', 'Call'], actions: ['Discussion'] };
  const interactions = db.collection<InteractionDoc>(COLLECTIONS.interactions);
  return compare(
    'workspace list',
    budget,
    () => container.interactions.listInteractions(actor, { filter, limit: 20 }),
    async () => {
      const query = filterQuery(workspace.id, filter, new Date());
      await interactions.find(query).sort(NEWEST_FIRST).limit(21).toArray();
      await interactions.countDocuments(query);
    },
  );
}

/** What the baseline writes per row: the same fields, unformatted, no contact lookups. */
function rawRow(doc: InteractionDoc): string[] {
  return [
    doc.createdAt.toISOString(),
    doc.contactName,
    '',
    '',
    doc.type,
    doc.actions.join(', '),
    doc.description,
    doc.occurredAt.toISOString(),
    doc.authorName,
    doc.important ? 'High' : 'Normal',
    doc.followUp?.dueAt.toISOString() ?? '',
    doc.followUp?.status ?? '',
    doc.organisationId ?? '',
  ];
}

/** (3) 100k-row export into /dev/null: the service vs a bare cursor + csv-stringify. */
export async function exportRows(container: Container, db: Db, seeded: SeededWorkspace, budget: Budget) {
  const service = async () => {
    const result = await container.exports.exportInteractions(seeded.actor, {});
    await pipeline(Readable.from(result.stream), createWriteStream('/dev/null'));
    return result.done;
  };
  const baseline = async () => {
    let rows = 0;
    const cursor = db
      .collection<InteractionDoc>(COLLECTIONS.interactions)
      .find({ workspaceId: seeded.workspace.id })
      .sort({ occurredAt: 1, _id: 1 })
      .batchSize(1000);
    async function* records() {
      for await (const doc of cursor) {
        rows++;
        yield rawRow(doc);
      }
    }
    await pipeline(Readable.from(records()), stringify({ bom: true }), createWriteStream('/dev/null'));
    return rows;
  };
  const measured = { service: [] as Run[], baseline: [] as Run[] };
  // The service goes first in each pair: its RSS growth is then measured on the colder heap.
  // One pair always; more while the budget allows another pair as long as the last one.
  const started = Date.now();
  for (let run = 0; run < budget.maxIterations; run++) {
    const pairStarted = Date.now();
    for (const [name, task] of [
      ['service', service],
      ['baseline', baseline],
    ] as const) {
      const { value: rows, ms, peakRssGrowthMb } = await withRssSampling(task);
      measured[name].push({ rows, seconds: ms / 1000, peakRssGrowthMb });
      progress(`export ${name} run ${run + 1}: ${rows} rows in ${(ms / 1000).toFixed(1)} s`);
    }
    if (Date.now() - started + (Date.now() - pairStarted) > budget.budgetMs) break;
  }
  const summary = (list: Run[]) => {
    const rates = list.map((run) => run.rows / run.seconds);
    return {
      rows: list[0]?.rows ?? 0,
      runs: list.length,
      secondsMedian: round(median(list.map((run) => run.seconds))),
      rowsPerSecondMedian: Math.round(median(rates)),
      peakRssGrowthMbMax: Math.max(...list.map((run) => run.peakRssGrowthMb)),
    };
  };
  const s = summary(measured.service);
  const b = summary(measured.baseline);
  return {
    service: s,
    baseline: b,
    rowsPerSecondRatio: round(s.rowsPerSecondMedian / b.rowsPerSecondMedian, 3),
  };
}

interface Run {
  rows: number;
  seconds: number;
  peakRssGrowthMb: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * (4) F2 collective log for 500 contacts through the service (validation, contact lookup,
 * idempotent inserts, audit) vs the bare driver doing the same writes: one contact read, the
 * 500 records and their 500 audit entries.
 */
export async function logForMany(container: Container, db: Db, seeded: SeededWorkspace, budget: Budget) {
  const { actor, contacts } = seeded;
  const contactIdsFor = (run: number) =>
    Array.from({ length: 500 }, (_, index) => contacts[(run * 500 + index) % contacts.length]!.id);
  const serviceMs: number[] = [];
  const baselineMs: number[] = [];
  const started = Date.now();
  for (let run = 0; run < budget.maxIterations; run++) {
    if (run >= 3 && Date.now() - started > budget.budgetMs) break;
    const contactIds = contactIdsFor(run);
    const { ms } = await timed(() =>
      container.interactions.logInteraction(actor, {
        idempotencyKey: `bench-log-${run}-${Date.now()}`,
        contactIds,
        type: 'Meeting',
        actions: ['Discussion'],
        description: 'General assembly: attendance and annual contribution.',
        important: run % 2 === 0,
      }),
    );
    serviceMs.push(ms);
    const baseline = await timed(async () => {
      const found = await db
        .collection<ContactDoc>(COLLECTIONS.contacts)
        .find({ _id: { $in: contactIds }, workspaceId: seeded.workspace.id })
        .toArray();
      const now = new Date();
      const docs = found.map((contact, index) =>
        toInteractionDoc({
          id: `bench-base-${run}-${index}-${now.getTime()}`,
          workspaceId: seeded.workspace.id,
          eventId: `bench-base-${run}-${now.getTime()}`,
          contactId: contact._id,
          contactName: `${contact.firstName} ${contact.lastName}`,
          type: 'Meeting',
          actions: ['Discussion'],
          description: 'General assembly: attendance and annual contribution.',
          occurredAt: now,
          createdAt: now,
          updatedAt: now,
          authorId: actor.userId,
          authorName: actor.displayName ?? actor.userId,
          important: run % 2 === 0,
          attachments: [],
          source: { kind: 'manual' },
          idempotencyKey: `bench-base-${run}-${now.getTime()}:${contact._id}`,
        }),
      );
      await db.collection<InteractionDoc>(COLLECTIONS.interactions).insertMany(docs, { ordered: false });
      await db.collection<AuditDoc>(COLLECTIONS.audit).insertMany(
        docs.map((doc) => ({
          _id: `audit-${doc._id}`,
          workspaceId: doc.workspaceId,
          actorId: actor.userId,
          action: 'interaction.created',
          targetId: doc._id,
          at: now,
          after: JSON.stringify(doc),
        })),
      );
    });
    baselineMs.push(baseline.ms);
    progress(`logInteraction x500: run ${run + 1} (${Math.round(ms)} ms)`);
  }
  const s = stats(serviceMs);
  const b = stats(baselineMs);
  return {
    contacts: 500,
    runs: serviceMs.length,
    service: s,
    baseline: b,
    ratioP50: round(s.p50Ms / b.p50Ms, 3),
  };
}
