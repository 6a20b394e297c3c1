/**
 * Which distributors exist in both tiers, in which order they are searched and whether they take
 * tasks now. Tier-1 pools consult it before accepting, and to choose the tier-2 distributor.
 */
package dev.switchboard.directory;
