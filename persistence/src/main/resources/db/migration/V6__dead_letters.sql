-- Every message a consumer parked as a dead letter, with its reason: kept so that operators (and
-- the API's GET /api/dead-letters) can see what was refused, including messages that named no task.
CREATE SEQUENCE SB_DEAD_LETTER_SEQ START WITH 10 INCREMENT BY 10;
CREATE TABLE SB_DEAD_LETTER (
    ID BIGINT NOT NULL PRIMARY KEY,
    SOURCE VARCHAR(64),
    REASON VARCHAR(2048) NOT NULL,
    BODY VARCHAR(4096),
    TASKS INTEGER NOT NULL,
    PARKEDAT TIMESTAMP NOT NULL
);
