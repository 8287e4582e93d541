-- SPDX-License-Identifier: ISC
-- rooster plan schema 1, as released: `sqlite3 FILE .schema` of a plan
-- freshly created by store_open(). Never edit: test_store.c loads it and
-- migrates it to the latest schema.
CREATE TABLE settings (  key TEXT PRIMARY KEY,  value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE events (  id INTEGER PRIMARY KEY,  uid TEXT NOT NULL UNIQUE,  sequence INTEGER NOT NULL DEFAULT 0,  title TEXT NOT NULL CHECK (length(trim(title)) > 0),  description TEXT NOT NULL DEFAULT '',  location TEXT NOT NULL DEFAULT '',  start_at INTEGER NOT NULL,  end_at INTEGER NOT NULL,  status TEXT NOT NULL DEFAULT 'confirmed'    CHECK (status IN ('confirmed', 'tentative', 'cancelled')),  rrule TEXT,  languages TEXT NOT NULL DEFAULT '',  version INTEGER NOT NULL DEFAULT 1,  created_at INTEGER NOT NULL,  updated_at INTEGER NOT NULL,  CHECK (end_at > start_at));
CREATE INDEX events_start ON events (start_at);
CREATE TABLE shifts (  id INTEGER PRIMARY KEY,  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,  uid TEXT NOT NULL UNIQUE,  sequence INTEGER NOT NULL DEFAULT 0,  role TEXT NOT NULL CHECK (length(trim(role)) > 0),  start_at INTEGER NOT NULL,  end_at INTEGER NOT NULL,  needed INTEGER NOT NULL DEFAULT 1 CHECK (needed >= 0),  language TEXT NOT NULL DEFAULT '',  version INTEGER NOT NULL DEFAULT 1,  CHECK (end_at > start_at));
CREATE INDEX shifts_event ON shifts (event_id, start_at);
CREATE INDEX shifts_start ON shifts (start_at);
CREATE TABLE volunteers (  id INTEGER PRIMARY KEY,  name TEXT NOT NULL CHECK (length(trim(name)) > 0),  email TEXT NOT NULL DEFAULT '',  phone TEXT NOT NULL DEFAULT '',  skills TEXT NOT NULL DEFAULT '',  languages TEXT NOT NULL DEFAULT '',  max_per_month INTEGER NOT NULL DEFAULT 0 CHECK (max_per_month >= 0),  notes TEXT NOT NULL DEFAULT '',  active INTEGER NOT NULL DEFAULT 1,  feed_token TEXT UNIQUE,  version INTEGER NOT NULL DEFAULT 1,  created_at INTEGER NOT NULL);
CREATE INDEX volunteers_name ON volunteers (name COLLATE NOCASE);
CREATE INDEX volunteers_email ON volunteers (lower(email));
CREATE TABLE unavailable (  id INTEGER PRIMARY KEY,  volunteer_id INTEGER NOT NULL    REFERENCES volunteers (id) ON DELETE CASCADE,  start_at INTEGER NOT NULL,  end_at INTEGER NOT NULL,  reason TEXT NOT NULL DEFAULT '',  CHECK (end_at > start_at));
CREATE INDEX unavailable_volunteer ON unavailable (volunteer_id, start_at);
CREATE TABLE teams (  id INTEGER PRIMARY KEY,  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0));
CREATE TABLE team_members (  team_id INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,  volunteer_id INTEGER NOT NULL    REFERENCES volunteers (id) ON DELETE CASCADE,  PRIMARY KEY (team_id, volunteer_id)) WITHOUT ROWID;
CREATE INDEX team_members_volunteer ON team_members (volunteer_id);
CREATE TABLE assignments (  id INTEGER PRIMARY KEY,  shift_id INTEGER NOT NULL REFERENCES shifts (id) ON DELETE CASCADE,  volunteer_id INTEGER NOT NULL    REFERENCES volunteers (id) ON DELETE CASCADE,  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN    ('planned', 'invited', 'accepted', 'declined', 'tentative')),  attendance TEXT NOT NULL DEFAULT ''    CHECK (attendance IN ('', 'attended', 'no-show')),  hours REAL,  forced INTEGER NOT NULL DEFAULT 0,  created_at INTEGER NOT NULL,  UNIQUE (shift_id, volunteer_id));
CREATE INDEX assignments_volunteer ON assignments (volunteer_id);
CREATE TABLE change_log (  id INTEGER PRIMARY KEY,  at INTEGER NOT NULL,  user TEXT NOT NULL,  action TEXT NOT NULL,  entity TEXT NOT NULL,  entity_id INTEGER NOT NULL,  summary TEXT NOT NULL DEFAULT '');
CREATE INDEX change_log_entity ON change_log (entity, entity_id);
PRAGMA user_version=1;
PRAGMA application_id=1383034739;
