package dev.handoff.coordinator.assignor;

import java.util.Arrays;

/** A growable list of ints, so hot loops of the assignors never box. */
final class IntList {

    private int[] values;
    private int size;

    IntList(int capacity) {
        this.values = new int[Math.max(4, capacity)];
    }

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = value;
    }

    int get(int index) {
        return values[index];
    }

    void set(int index, int value) {
        values[index] = value;
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    /** Keeps the first {@code newSize} values. */
    void truncate(int newSize) {
        size = Math.min(size, newSize);
    }

    void sort() {
        Arrays.sort(values, 0, size);
    }

    /** The assignment of these global partition numbers, which must be ascending. */
    MemberAssignment toAssignment(TopicIndex index) {
        return index.assignmentOf(values, 0, size);
    }
}
