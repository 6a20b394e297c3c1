/**
 * The console's backing beans, one per page: dashboard, distributors, servers, tasks, a task's
 * detail, the submit form, profiles and accounts. Actions check the caller's role on the server;
 * lists page in the database query.
 */
package dev.switchboard.console.view;
