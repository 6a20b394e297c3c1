-- Tier-2 distributors have a queue limit: tier 1 skips one whose queue holds that many messages.
ALTER TABLE SB_DISTRIBUTOR ADD COLUMN QUEUELIMIT INTEGER DEFAULT 10000 NOT NULL;
