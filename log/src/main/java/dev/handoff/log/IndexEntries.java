package dev.handoff.log;

import java.util.Arrays;

/**
 * An append-only, growable list of (key, value) pairs with strictly increasing keys, searched by binary search.
 * The storage behind {@link OffsetIndex} and {@link TimeIndex}; callers synchronise access.
 */
final class IndexEntries {

    private long[] keys = new long[16];
    private int[] values = new int[16];
    private int size;

    int size() {
        return size;
    }

    long key(int i) {
        return keys[i];
    }

    int value(int i) {
        return values[i];
    }

    void add(long key, int value) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        size++;
    }

    void clear() {
        size = 0;
    }

    /** Index of the last entry whose key is at most {@code key}, or -1. */
    int floorByKey(long key) {
        int lo = 0;
        int hi = size - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] <= key) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Index of the last entry whose value is at most {@code value}, or -1; values must be increasing. */
    int floorByValue(int value) {
        int lo = 0;
        int hi = size - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] <= value) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
