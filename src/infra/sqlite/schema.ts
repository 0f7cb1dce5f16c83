/**
 * The tables of step 1 (see migrations.ts). Dates are INTEGER milliseconds since the epoch;
 * lists the core never filters on in SQL beyond membership are JSON text. Every index below
 * serves named query shapes (the repositories' statements), and the test suite fails when a
 * statement on a table that grows with use scans it or sorts in a temporary B-tree
 * (test/support/sqlite-query-plans.ts).
 *
 * Folded columns (`foldForSearch`: no accents, lower case) carry the case- and
 * accent-insensitive substring searches the ports promise ("levy" finds "Lévy"). A substring
 * cannot seek a B-tree, so those searches walk an index in the order the page needs and test
 * each row with instr() until the page is full: the read stays inside one workspace, in index
 * order, and stops early — it never scans the table or sorts. The description and contact
 * searches have trigram indexes besides (interactions_text, contacts_text): a text found on few
 * rows is read from them instead of walking the workspace (see interaction-text-search.ts and
 * ContactRepository.search).
 */
export const CORE_SCHEMA = `
CREATE TABLE workspaces (
  id TEXT NOT NULL PRIMARY KEY,
  platform TEXT NOT NULL,
  external_id TEXT NOT NULL,
  name TEXT NOT NULL,
  settings TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX workspaces_by_external_id ON workspaces (platform, external_id);
-- the weekly report planner: workspaces with reports on
CREATE INDEX workspaces_by_report_enabled ON workspaces (json_extract(settings, '$.report.enabled'));

CREATE TABLE members (
  workspace_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  role TEXT NOT NULL,
  display_name TEXT NOT NULL,
  timezone TEXT,
  -- platform facts as last read (NULL: never told), and when they were read
  platform_admin INTEGER,
  guest INTEGER,
  profile_checked_at INTEGER,
  provisional INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, user_id)
) WITHOUT ROWID;
CREATE INDEX members_by_role ON members (workspace_id, role);

CREATE TABLE contacts (
  -- the row's number: the words index below refers to rows by it (an explicit INTEGER PRIMARY
  -- KEY, so VACUUM never renumbers them); the core never sees it
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  workspace_id TEXT NOT NULL,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  emails TEXT NOT NULL,
  phones TEXT NOT NULL,
  address TEXT,
  organisation_id TEXT,
  tags TEXT NOT NULL,
  external_id TEXT,
  -- the external id when there is one, else the contact's own id: unique per workspace
  external_key TEXT NOT NULL,
  search_text TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  created_by TEXT NOT NULL
);
-- search and pickers: by name, walked in order
CREATE INDEX contacts_by_name ON contacts (workspace_id, last_name, first_name, id);
CREATE UNIQUE INDEX contacts_by_external_key ON contacts (workspace_id, external_key);
CREATE INDEX contacts_by_organisation ON contacts (workspace_id, organisation_id, last_name, first_name);
CREATE INDEX contacts_by_created_at ON contacts (workspace_id, created_at);
-- the contact search's trigram index over search_text (see contact.repository.ts search)
CREATE VIRTUAL TABLE contacts_text USING fts5(
  search_text, content='contacts', content_rowid='seq', tokenize='trigram', detail='none'
);
CREATE TRIGGER contacts_text_on_insert AFTER INSERT ON contacts BEGIN
  INSERT INTO contacts_text (rowid, search_text) VALUES (new.seq, new.search_text);
END;
CREATE TRIGGER contacts_text_on_delete AFTER DELETE ON contacts BEGIN
  INSERT INTO contacts_text (contacts_text, rowid, search_text) VALUES ('delete', old.seq, old.search_text);
END;
CREATE TRIGGER contacts_text_on_update AFTER UPDATE OF search_text ON contacts BEGIN
  INSERT INTO contacts_text (contacts_text, rowid, search_text) VALUES ('delete', old.seq, old.search_text);
  INSERT INTO contacts_text (rowid, search_text) VALUES (new.seq, new.search_text);
END;

-- one row per address of a contact (lower case): find by e-mail is an index seek
CREATE TABLE contact_emails (
  workspace_id TEXT NOT NULL,
  email TEXT NOT NULL,
  contact_id TEXT NOT NULL,
  PRIMARY KEY (workspace_id, email, contact_id)
) WITHOUT ROWID;
CREATE INDEX contact_emails_by_contact ON contact_emails (contact_id);

CREATE TABLE organisations (
  id TEXT NOT NULL PRIMARY KEY,
  workspace_id TEXT NOT NULL,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX organisations_by_name_key ON organisations (workspace_id, name_key);

CREATE TABLE interactions (
  -- the row's number: the words index below refers to rows by it (an explicit INTEGER PRIMARY
  -- KEY, so VACUUM never renumbers them); the core never sees it
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  workspace_id TEXT NOT NULL,
  event_id TEXT NOT NULL,
  contact_id TEXT NOT NULL,
  contact_name TEXT NOT NULL,
  contact_name_folded TEXT NOT NULL,
  organisation_id TEXT,
  type TEXT NOT NULL,
  actions TEXT NOT NULL,
  description TEXT NOT NULL,
  description_folded TEXT NOT NULL,
  occurred_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  author_id TEXT NOT NULL,
  author_name TEXT NOT NULL,
  important INTEGER NOT NULL,
  follow_up_due_at INTEGER,
  follow_up_assignee_id TEXT,
  follow_up_status TEXT,
  follow_up_snoozed_until INTEGER,
  follow_up_done_at INTEGER,
  follow_up_done_by TEXT,
  -- snoozed_until ?? due_at, written with the follow-up: overdue filters and soonest-first sorts
  follow_up_fire_at INTEGER,
  visit_address TEXT,
  visit_address_folded TEXT,
  direction TEXT,
  channel TEXT,
  attachments TEXT NOT NULL,
  has_attachments INTEGER NOT NULL,
  source_kind TEXT NOT NULL,
  source_link TEXT,
  idempotency_key TEXT NOT NULL
);
-- timelines, newest first, keyset-paged on (occurred_at, id)
CREATE INDEX interactions_by_contact ON interactions (workspace_id, contact_id, occurred_at DESC, id DESC);
CREATE INDEX interactions_by_organisation ON interactions (workspace_id, organisation_id, occurred_at DESC, id DESC);
-- the workspace list, export and report by date (and counts of a workspace)
CREATE INDEX interactions_by_date ON interactions (workspace_id, occurred_at DESC, id DESC);
-- the list sorted by type
CREATE INDEX interactions_by_type ON interactions (workspace_id, type, occurred_at DESC, id DESC);
CREATE INDEX interactions_by_event ON interactions (workspace_id, event_id);
-- a replayed submission inserts nothing
CREATE UNIQUE INDEX interactions_by_idempotency_key ON interactions (workspace_id, idempotency_key);
-- the list filtered by follow-up state (open, overdue, done), newest first
CREATE INDEX interactions_by_follow_up_date ON interactions (workspace_id, follow_up_status, occurred_at DESC, id DESC, follow_up_fire_at)
  WHERE follow_up_status IS NOT NULL;
-- a member's follow-ups soonest first, and their counts
CREATE INDEX interactions_by_assignee ON interactions (workspace_id, follow_up_assignee_id, follow_up_status, follow_up_fire_at, id)
  WHERE follow_up_status IS NOT NULL;
-- the report's overdue and done counts
CREATE INDEX interactions_by_follow_up_fire_at ON interactions (workspace_id, follow_up_status, follow_up_fire_at)
  WHERE follow_up_status IS NOT NULL;
CREATE INDEX interactions_by_follow_up_done_at ON interactions (workspace_id, follow_up_status, follow_up_done_at)
  WHERE follow_up_status IS NOT NULL;

-- The description search: every three-letter sequence (trigram) of description_folded, row
-- numbers only (detail=none keeps it small). A search for "harpsichord" asks for the rows holding
-- all of its trigrams, then tests each with instr(): the same rows as a substring test, found
-- without walking the workspace. Kept in step with the rows by the triggers below.
CREATE VIRTUAL TABLE interactions_text USING fts5(
  description_folded, content='interactions', content_rowid='seq', tokenize='trigram', detail='none'
);
CREATE TRIGGER interactions_text_on_insert AFTER INSERT ON interactions BEGIN
  INSERT INTO interactions_text (rowid, description_folded) VALUES (new.seq, new.description_folded);
END;
CREATE TRIGGER interactions_text_on_delete AFTER DELETE ON interactions BEGIN
  INSERT INTO interactions_text (interactions_text, rowid, description_folded)
    VALUES ('delete', old.seq, old.description_folded);
END;
CREATE TRIGGER interactions_text_on_update AFTER UPDATE OF description_folded ON interactions BEGIN
  INSERT INTO interactions_text (interactions_text, rowid, description_folded)
    VALUES ('delete', old.seq, old.description_folded);
  INSERT INTO interactions_text (rowid, description_folded) VALUES (new.seq, new.description_folded);
END;

-- How many interactions each workspace holds, kept by triggers in the same transaction as the
-- write: the unfiltered count (the list's total) is one row read instead of a walk of an index
-- entry per interaction (about 100 ms at 1,000,000).
CREATE TABLE interaction_counts (
  workspace_id TEXT NOT NULL PRIMARY KEY,
  n INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TRIGGER interactions_counted_on_insert AFTER INSERT ON interactions BEGIN
  INSERT INTO interaction_counts (workspace_id, n) VALUES (new.workspace_id, 1)
    ON CONFLICT (workspace_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER interactions_counted_on_delete AFTER DELETE ON interactions BEGIN
  UPDATE interaction_counts SET n = n - 1 WHERE workspace_id = old.workspace_id;
END;

CREATE TABLE audit_entries (
  id TEXT NOT NULL PRIMARY KEY,
  workspace_id TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  action TEXT NOT NULL,
  target_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  before TEXT,
  after TEXT
);
CREATE INDEX audit_entries_by_target ON audit_entries (workspace_id, target_id, at DESC);

-- exactly-once claims: the primary key lets one insert win
CREATE TABLE claims (
  scope TEXT NOT NULL,
  workspace_id TEXT NOT NULL,
  key TEXT NOT NULL,
  claimed_at INTEGER NOT NULL,
  PRIMARY KEY (scope, workspace_id, key)
) WITHOUT ROWID;
-- the daily expiry sweep, one workspace at a time
CREATE INDEX claims_by_claimed_at ON claims (workspace_id, claimed_at);

-- deliveries (core/deliveries/delivery.ts): ownership is an insert into a primary key
CREATE TABLE delivery_pending (
  id TEXT NOT NULL PRIMARY KEY,
  kind TEXT NOT NULL,
  workspace_id TEXT NOT NULL,
  key TEXT NOT NULL,
  target TEXT NOT NULL,
  status TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  next_attempt_at INTEGER NOT NULL,
  request TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  last_error TEXT
);
-- the retry sweep across workspaces, oldest due first
CREATE INDEX delivery_pending_by_due ON delivery_pending (next_attempt_at);

CREATE TABLE delivery_outcomes (
  id TEXT NOT NULL PRIMARY KEY,
  kind TEXT NOT NULL,
  workspace_id TEXT NOT NULL,
  key TEXT NOT NULL,
  target TEXT NOT NULL,
  status TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  at INTEGER NOT NULL,
  late INTEGER,
  ref TEXT,
  reason TEXT,
  permanent INTEGER
);
-- an admin's list of a workspace's failures, newest first
CREATE INDEX delivery_outcomes_by_status ON delivery_outcomes (workspace_id, kind, status, at DESC);

CREATE TABLE delivery_attempts (
  id TEXT NOT NULL PRIMARY KEY,
  delivery_id TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  claimed_at INTEGER NOT NULL
);

-- Teams: where a person or channel can be reached later; id = workspace + person or conversation
CREATE TABLE conversation_refs (
  id TEXT NOT NULL PRIMARY KEY,
  workspace_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  service_url TEXT NOT NULL,
  user_id TEXT,
  platform_user_id TEXT,
  name TEXT,
  updated_at INTEGER NOT NULL
);

-- Slack OAuth installations; id = E:<enterprise> for org-wide installs, else T:<team>
CREATE TABLE slack_installations (
  id TEXT NOT NULL PRIMARY KEY,
  team_id TEXT,
  enterprise_id TEXT,
  is_enterprise_install INTEGER NOT NULL,
  installation TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
`;
