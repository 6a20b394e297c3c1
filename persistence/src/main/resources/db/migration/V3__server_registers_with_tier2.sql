-- A fulfillment server is registered with one tier-2 distributor: make the relation explicit.
ALTER TABLE SB_SERVER ADD CONSTRAINT SB_SERVER_TIER2_FK
    FOREIGN KEY (TIER2DISTRIBUTOR) REFERENCES SB_DISTRIBUTOR (NAME);
