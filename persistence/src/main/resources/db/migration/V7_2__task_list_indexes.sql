-- The task list (GET /api/tasks, the console's search) filters by each of these and pages by id,
-- or sorts by submission time or state with the id as tie-break: an index on (column, ID) answers
-- a page as a range read. Numbered 7.2 beside 7.1 so as not to collide with another change's V8.
CREATE INDEX SB_TASK_TIER2_IX ON SB_TASK (TIER2DISTRIBUTOR, ID);
CREATE INDEX SB_TASK_STATE_ID_IX ON SB_TASK (STATE, ID);
DROP INDEX SB_TASK_USER_IX;
CREATE INDEX SB_TASK_USER_IX ON SB_TASK (USER_ID, ID);
DROP INDEX SB_TASK_SUBMITTED_IX;
CREATE INDEX SB_TASK_SUBMITTED_IX ON SB_TASK (SUBMITTEDAT, ID);
