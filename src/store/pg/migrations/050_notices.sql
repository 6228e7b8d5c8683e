-- The notices feature (part B of issue #12): subscriptions, reminders, deadline schedules,
-- broadcasts and the outbox that sends them. One row per recipient in outbox_sends, so several
-- instances claim recipients with FOR UPDATE SKIP LOCKED.

CREATE TABLE notice_subscriptions (
  user_id    bigint PRIMARY KEY,
  channels   text[] NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE notice_reminders (
  id         text PRIMARY KEY,
  user_id    bigint NOT NULL,
  text       text NOT NULL,
  due_at     timestamptz NOT NULL,
  repeat     jsonb NOT NULL,
  status     text NOT NULL CHECK (status IN ('pending', 'done', 'missed')),
  created_at timestamptz NOT NULL
);
CREATE INDEX notice_reminders_user ON notice_reminders (user_id);

CREATE TABLE notice_schedules (
  id               text PRIMARY KEY,
  created_by       bigint NOT NULL,
  segments         text[] NOT NULL,
  rule             jsonb NOT NULL,
  lead_days        integer[] NOT NULL,
  text             text NOT NULL,
  paused           boolean NOT NULL,
  next_notice_at   timestamptz,
  next_deadline_at timestamptz,
  created_at       timestamptz NOT NULL
);

CREATE TABLE notice_broadcasts (
  id          text PRIMARY KEY,
  officer_id  bigint NOT NULL,
  text        text NOT NULL,
  media       jsonb,
  segments    text[] NOT NULL,
  recipients  integer NOT NULL,
  status      text NOT NULL CHECK (status IN ('running', 'done', 'cancelled')),
  progress    jsonb,
  result      jsonb,
  created_at  timestamptz NOT NULL,
  finished_at timestamptz
);

CREATE TABLE outbox_jobs (
  id           text PRIMARY KEY,
  priority     integer NOT NULL,
  created_at   timestamptz NOT NULL,
  message      jsonb NOT NULL,
  total        integer NOT NULL,
  -- Set by the one instance that reports the finished job; expires if it died meanwhile.
  finish_lease timestamptz
);

CREATE TABLE outbox_sends (
  job_id      text NOT NULL REFERENCES outbox_jobs (id) ON DELETE CASCADE,
  idx         integer NOT NULL,
  chat_id     bigint NOT NULL,
  -- '.' pending, 's' sent, 'b' blocked, 'f' failed, 'x' cancelled (as in the lowdb outbox).
  mark        char(1) NOT NULL DEFAULT '.' CHECK (mark IN ('.', 's', 'b', 'f', 'x')),
  claimed_by  text,
  lease_until timestamptz,
  PRIMARY KEY (job_id, idx)
);
CREATE INDEX outbox_sends_pending ON outbox_sends (job_id, idx) WHERE mark = '.';

-- The send pace shared by every instance: a claim of n sends moves next_at by n / rate seconds.
CREATE TABLE outbox_pace (
  id      smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  next_at timestamptz NOT NULL
);
INSERT INTO outbox_pace (id, next_at) VALUES (1, now());
