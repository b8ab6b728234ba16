package dev.handoff.coordinator.assignor;

import java.util.Arrays;

/** A binary min-heap of longs; assignors pack (load, member) into one long so comparisons never box. */
final class LongHeap {

    private long[] keys;
    private int size;

    LongHeap(int capacity) {
        this.keys = new long[Math.max(4, capacity)];
    }

    static long key(int high, int low) {
        return ((long) high << 32) | (low & 0xFFFFFFFFL);
    }

    static int low(long key) {
        return (int) key;
    }

    static int high(long key) {
        return (int) (key >> 32);
    }

    void clear() {
        size = 0;
    }

    boolean isEmpty() {
        return size == 0;
    }

    long peek() {
        return keys[0];
    }

    void push(long key) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (keys[parent] <= key) {
                break;
            }
            keys[i] = keys[parent];
            i = parent;
        }
        keys[i] = key;
    }

    long pop() {
        long top = keys[0];
        long last = keys[--size];
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            if (child + 1 < size && keys[child + 1] < keys[child]) {
                child++;
            }
            if (last <= keys[child]) {
                break;
            }
            keys[i] = keys[child];
            i = child;
        }
        if (size > 0) {
            keys[i] = last;
        }
        return top;
    }
}
