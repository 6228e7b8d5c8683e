-- The update inbox shared by every instance (part B of issue #12): an update is recorded once,
-- by whichever instance Telegram or the proxy gave it to, and handled once, in order per lane
-- (chat, else sender). The body is dropped once handled; the id stays to recognise redeliveries.

CREATE TABLE update_inbox (
  update_id   bigint PRIMARY KEY,
  lane        text NOT NULL,
  body        jsonb,
  received_at timestamptz NOT NULL DEFAULT now(),
  handled_at  timestamptz
);
CREATE INDEX update_inbox_waiting ON update_inbox (lane, update_id) WHERE handled_at IS NULL;
CREATE INDEX update_inbox_handled ON update_inbox (handled_at) WHERE handled_at IS NOT NULL;
