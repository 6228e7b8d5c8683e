-- The dashboard's Idempotency-Key log, shared by every instance: a key is claimed by inserting
-- its row (one instance wins), then marked done with what a retry needs to answer the same.
CREATE TABLE dashboard_actions (
  id         text PRIMARY KEY,
  request    text NOT NULL,
  claimed_at timestamptz NOT NULL DEFAULT now(),
  done       boolean NOT NULL DEFAULT false,
  at         text,
  memory     jsonb
);
CREATE INDEX dashboard_actions_age ON dashboard_actions (claimed_at);
