package dev.handoff.coordinator;

/**
 * What the core needs to know about the request besides its body: the API version (some rules depend on it, e.g.
 * KIP-394's MEMBER_ID_REQUIRED from JoinGroup v4) and the client's identity, which classic members report in
 * DescribeGroups.
 */
public record RequestContext(short apiVersion, String clientId, String clientHost) {
}
