-- The fulfillment node a server registered from: its status reports must come from that node.
-- Numbered 7.1 so as not to collide with another change's V7; null for servers whose registrations
-- name no node (registered over the REST API, or by versions before this column).
ALTER TABLE SB_SERVER ADD COLUMN NODE VARCHAR(128);
