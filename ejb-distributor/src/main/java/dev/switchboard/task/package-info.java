/** Read access to tasks and their history, for the REST API, the console and remote clients. */
package dev.switchboard.task;
