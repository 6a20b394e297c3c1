/**
 * Which distributors exist in both tiers, in which order they are searched and whether they take
 * tasks now, and the broadcasts by which tier-2 distributors tell every tier-1 pool how they are.
 */
package dev.switchboard.directory;
