/**
 * The execution ledger of the fault tests: {@link dev.switchboard.it.ledger.LedgerApplication}, a
 * test-only application the tests add to the deployed EAR and to a copy of the worker's WAR, writes
 * a line when each run starts and when it ends, outside any transaction; {@link
 * dev.switchboard.it.ledger.Ledger} reads those lines back, so that a test can show which runs a
 * fault hit and that each task's outcome is the report of one completed run of its final attempt.
 */
package dev.switchboard.it.ledger;
