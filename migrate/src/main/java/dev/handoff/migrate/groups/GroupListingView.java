package dev.handoff.migrate.groups;

/** One line of {@code groups list}: what ListGroups v5 (KIP-848 types) says about a group. */
public record GroupListingView(String groupId, String type, String state, String protocolType) {
}
