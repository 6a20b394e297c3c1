/**
 * What became of a dispatched task: the servers' status reports (checked for authenticity, applied
 * once, for the current attempt only) and the overdue runs that never reported.
 */
package dev.switchboard.outcome;
