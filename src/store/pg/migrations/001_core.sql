-- The core repositories: users, sessions, feedback, tickets (with their notices, anonymous
-- contacts and digests) and the officers' desk. Times are kept as the ISO text the bot writes,
-- so a lowdb folder imported and exported again gives back the same records.

CREATE TABLE users (
  id bigint PRIMARY KEY,
  first_name text NOT NULL,
  username text,
  language_code text,
  lang text CHECK (lang IN ('vi', 'en')),
  role text CHECK (role IN ('worker', 'enterprise')),
  active boolean NOT NULL,
  created_at text NOT NULL
);

-- Per-chat dialogue state (`<chat>:<user>`), only for chats in the middle of something.
CREATE TABLE sessions (
  key text PRIMARY KEY,
  data jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Questions the knowledge base could not answer; never stored with who asked.
CREATE TABLE feedback_unanswered (
  id bigserial PRIMARY KEY,
  text text NOT NULL,
  lang text NOT NULL CHECK (lang IN ('vi', 'en')),
  at text NOT NULL
);

-- 👍/👎 on answers; `voter` is a keyed hash, so one user's presses count once per entry.
CREATE TABLE feedback_votes (
  id bigserial PRIMARY KEY,
  entry_id text NOT NULL,
  vote text NOT NULL CHECK (vote IN ('up', 'down')),
  at text NOT NULL,
  voter text
);
CREATE UNIQUE INDEX feedback_votes_voter ON feedback_votes (voter, entry_id) WHERE voter IS NOT NULL;

-- Ticket numbers: sequences never hand out one number twice, whatever the concurrency.
CREATE SEQUENCE ticket_seq;
CREATE SEQUENCE ticket_number_complaint;
CREATE SEQUENCE ticket_number_request;

-- One row per ticket: the searchable fields as columns, the whole record (history included,
-- notices excluded) as `data`. An anonymous ticket's `data` holds no identity at all.
CREATE TABLE tickets (
  code text PRIMARY KEY,
  seq integer NOT NULL UNIQUE,
  type text NOT NULL CHECK (type IN ('complaint', 'request')),
  status text NOT NULL,
  filer_user_id bigint,
  submission_id text UNIQUE,
  created_at text NOT NULL,
  data jsonb NOT NULL
);
CREATE INDEX tickets_filer ON tickets (filer_user_id) WHERE filer_user_id IS NOT NULL;

-- Notifications written with the change that causes them, delivered after it by the outbox.
CREATE TABLE ticket_notices (
  code text NOT NULL REFERENCES tickets (code) ON DELETE CASCADE,
  id text NOT NULL,
  position integer NOT NULL,
  event text NOT NULL,
  recipients jsonb NOT NULL,
  marks text NOT NULL,
  note text,
  files integer,
  at text NOT NULL,
  PRIMARY KEY (code, id)
);
CREATE INDEX ticket_notices_at ON ticket_notices (at);

-- The only link from an anonymous ticket to its filer's chat, apart from the tickets.
CREATE TABLE anonymous_contacts (
  code text PRIMARY KEY,
  chat_id bigint NOT NULL
);
CREATE INDEX anonymous_contacts_chat ON anonymous_contacts (chat_id);

-- Officers' morning digests waiting to be delivered, one per due time.
CREATE TABLE ticket_digests (
  id text PRIMARY KEY,
  recipients bigint[] NOT NULL,
  marks text NOT NULL,
  at text NOT NULL
);

-- The officers' desk.
CREATE TABLE desk_topics (
  code text PRIMARY KEY,
  thread_id integer NOT NULL,
  name text NOT NULL,
  closed boolean NOT NULL,
  card_message_id integer
);
CREATE INDEX desk_topics_thread ON desk_topics (thread_id);

CREATE TABLE desk_relays (
  id text PRIMARY KEY,
  ordinal bigserial,
  state text NOT NULL,
  due_at text NOT NULL,
  data jsonb NOT NULL
);
CREATE INDEX desk_relays_pending ON desk_relays (due_at) WHERE state = 'pending';

CREATE TABLE desk_marks (
  code text NOT NULL,
  mark text NOT NULL,
  ordinal bigserial,
  PRIMARY KEY (code, mark)
);

CREATE TABLE desk_drafts (
  id text PRIMARY KEY,
  ordinal bigserial,
  data jsonb NOT NULL
);
