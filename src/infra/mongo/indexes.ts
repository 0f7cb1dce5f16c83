/**
 * Every index the application declares, in one table. Created one at a time at start-up
 * (FerretDB panics when createIndexes re-sends several existing ones), and read by the
 * test guard that checks each recorded query shape is served by one of them.
 *
 * Only plain ascending/descending keys and unique (+ sparse for optional fields): the subset
 * both MongoDB and FerretDB 1.24 implement (docs/mongodb-subset.md, rules 7–9).
 */
export interface IndexSpec {
  collection: string;
  key: Record<string, 1 | -1>;
  unique?: boolean;
  sparse?: boolean;
}

export const COLLECTIONS = {
  workspaces: 'workspaces',
  members: 'members',
  contacts: 'contacts',
  organisations: 'organisations',
  interactions: 'interactions',
  audit: 'audit_entries',
  claims: 'claims',
  slackInstallations: 'slack_installations',
  conversationRefs: 'teams_conversation_refs',
  deliveryPending: 'delivery_pending',
  deliveryOutcomes: 'delivery_outcomes',
  deliveryAttempts: 'delivery_attempts',
  agendaJobs: 'agendaJobs',
  reminderJobs: 'agendaReminderJobs',
} as const;

export const INDEXES: IndexSpec[] = [
  { collection: COLLECTIONS.workspaces, key: { platform: 1, externalId: 1 }, unique: true },
  { collection: COLLECTIONS.workspaces, key: { 'settings.report.enabled': 1 } },

  { collection: COLLECTIONS.members, key: { workspaceId: 1, userId: 1 }, unique: true },
  { collection: COLLECTIONS.members, key: { workspaceId: 1, role: 1 } },

  { collection: COLLECTIONS.contacts, key: { workspaceId: 1, lastName: 1, firstName: 1, _id: 1 } },
  // External ids are unique per workspace. Not a sparse (workspaceId, externalId) index: MongoDB
  // indexes a compound sparse key as soon as one field exists, so two contacts without an
  // external id would collide on (workspaceId, null). externalKey is always set instead.
  { collection: COLLECTIONS.contacts, key: { workspaceId: 1, externalKey: 1 }, unique: true },
  { collection: COLLECTIONS.contacts, key: { workspaceId: 1, emails: 1 } },
  { collection: COLLECTIONS.contacts, key: { workspaceId: 1, organisationId: 1, lastName: 1, firstName: 1 } },
  { collection: COLLECTIONS.contacts, key: { workspaceId: 1, createdAt: 1 } },

  { collection: COLLECTIONS.organisations, key: { workspaceId: 1, nameKey: 1 }, unique: true },

  // Timelines, newest first, keyset-paged on (occurredAt, _id).
  { collection: COLLECTIONS.interactions, key: { workspaceId: 1, contactId: 1, occurredAt: -1, _id: -1 } },
  {
    collection: COLLECTIONS.interactions,
    key: { workspaceId: 1, organisationId: 1, occurredAt: -1, _id: -1 },
  },
  // Workspace list / export / report, by date or by type.
  { collection: COLLECTIONS.interactions, key: { workspaceId: 1, occurredAt: -1, _id: -1 } },
  { collection: COLLECTIONS.interactions, key: { workspaceId: 1, type: 1, occurredAt: -1, _id: -1 } },
  { collection: COLLECTIONS.interactions, key: { workspaceId: 1, eventId: 1 } },
  {
    collection: COLLECTIONS.interactions,
    key: { workspaceId: 1, idempotencyKey: 1 },
    unique: true,
  },
  // A member's follow-ups, soonest first.
  {
    collection: COLLECTIONS.interactions,
    key: { workspaceId: 1, 'followUp.assigneeId': 1, 'followUp.status': 1, 'followUp.dueAt': 1 },
  },
  {
    collection: COLLECTIONS.interactions,
    key: { workspaceId: 1, 'followUp.status': 1, 'followUp.dueAt': 1 },
  },
  // followUp.fireAt = snoozedUntil ?? dueAt, written by the repository: "my follow-ups" soonest
  // first (and due/overdue), and the report's overdue count.
  {
    collection: COLLECTIONS.interactions,
    key: { workspaceId: 1, 'followUp.assigneeId': 1, 'followUp.status': 1, 'followUp.fireAt': 1, _id: 1 },
  },
  {
    collection: COLLECTIONS.interactions,
    key: { workspaceId: 1, 'followUp.status': 1, 'followUp.fireAt': 1 },
  },

  { collection: COLLECTIONS.audit, key: { workspaceId: 1, targetId: 1, at: -1 } },

  { collection: COLLECTIONS.claims, key: { scope: 1, workspaceId: 1, key: 1 }, unique: true },
  // The daily expiry sweep (core/shared/claim-sweep.ts): a workspace's claims older than the cutoff.
  { collection: COLLECTIONS.claims, key: { workspaceId: 1, claimedAt: 1 } },

  // Deliveries (core/deliveries/delivery.ts): claims are inserts into _id. delivery_pending holds
  // only deliveries in flight or waiting to be retried, swept across workspaces by due time (no
  // workspaceId index there on purpose: the sweep is a system-wide read). delivery_outcomes is
  // insert-only; admins list a workspace's failures. delivery_attempts is insert-only (_id only).
  { collection: COLLECTIONS.deliveryPending, key: { status: 1, nextAttemptAt: 1 } },
  { collection: COLLECTIONS.deliveryOutcomes, key: { workspaceId: 1, kind: 1, status: 1, at: -1 } },

  // agenda's own queries (@agendajs/mongo-backend, created here with ensureIndex: false so every
  // index stays in this table): the lock query (name, then nextRunAt asc / priority desc), used
  // by the repeating sweeps and the queued report posts.
  {
    collection: COLLECTIONS.agendaJobs,
    key: { name: 1, nextRunAt: 1, priority: -1, lockedAt: 1, disabled: 1 },
  },
  // One agenda job per follow-up, in their own collection so agenda's polling of the sweeps
  // never scans them: moves and cancels by interaction, and the dispatcher's due read.
  {
    collection: COLLECTIONS.reminderJobs,
    key: { name: 1, 'data.workspaceId': 1, 'data.interactionId': 1, 'data.fireAt': 1 },
  },
  { collection: COLLECTIONS.reminderJobs, key: { name: 1, nextRunAt: 1 } },
];
