/** How the web tier reaches tier 1: the ordered pool search with JNDI look-ups. */
package dev.switchboard.console.tier1;
