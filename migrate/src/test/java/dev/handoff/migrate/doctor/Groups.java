package dev.handoff.migrate.doctor;

import dev.handoff.migrate.groups.GroupView;
import dev.handoff.migrate.groups.MemberView;
import java.util.List;

/** Group and member fixtures for the rules' tests. */
final class Groups {

    private Groups() {
    }

    static GroupView classic(String groupId, String assignor, MemberView... members) {
        return new GroupView(groupId, GroupView.CLASSIC, "Stable", null, null, assignor, "broker:9092 (id: 1)",
                List.of(members));
    }

    static GroupView consumer(String groupId, int epoch, MemberView... members) {
        return new GroupView(groupId, GroupView.CONSUMER, "Stable", epoch, epoch, "uniform", "broker:9092 (id: 1)",
                List.of(members));
    }

    static MemberView classicMember(String memberId, String... assigned) {
        return new MemberView(memberId, null, "client-" + memberId, "/127.0.0.1", MemberView.CLASSIC, null,
                List.of(assigned), null, List.of(), List.of());
    }

    static MemberView consumerMember(String memberId, int epoch, String... assigned) {
        return new MemberView(memberId, null, "client-" + memberId, "/127.0.0.1", MemberView.CONSUMER, epoch,
                List.of(assigned), List.of(assigned), List.of(), List.of());
    }

    static MemberView revoking(String memberId, int epoch, List<String> assigned, List<String> target) {
        List<String> pending = assigned.stream().filter(p -> !target.contains(p)).toList();
        return new MemberView(memberId, null, "client-" + memberId, "/127.0.0.1", MemberView.CONSUMER, epoch,
                assigned, target, pending, List.of());
    }
}
