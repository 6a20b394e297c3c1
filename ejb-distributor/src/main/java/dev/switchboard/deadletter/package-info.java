/**
 * What the broker gave up on: messages that failed every redelivery land in the dead-letter queue,
 * and the tasks they carried are failed with the broker's reason instead of being lost.
 */
package dev.switchboard.deadletter;
