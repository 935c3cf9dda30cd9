package jp.hyoka.domain.importing.annex;

/**
 * A read-mostly map from a bigram ({@link LabelSimilarity}'s number of two characters) to its postings, by open
 * addressing on int keys: a path's every distinct bigram is looked up in its form's index, which a
 * {@code HashMap<Integer, int[]>} did with a boxed key and a node per look-up.
 */
final class BigramTable {

    private final int[] keys;
    private final int[][] values;
    private final int mask;
    private int size;

    /** @param expected how many bigrams will be put (the table is sized for it once: it never grows) */
    BigramTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new int[capacity];
        values = new int[capacity][];
        mask = capacity - 1;
    }

    void put(int key, int[] value) {
        int slot = slot(key);
        if (values[slot] == null) {
            if (size + 1 > keys.length / 2) {
                throw new IllegalStateException("the table holds at most " + keys.length / 2 + " bigrams");
            }
            size++;
        }
        keys[slot] = key;
        values[slot] = value;
    }

    /** The postings of the bigram, or null. */
    int[] get(int key) {
        return values[slot(key)];
    }

    /** The slot that holds the key, or the empty slot where it would go. */
    private int slot(int key) {
        int slot = mix(key) & mask;
        while (values[slot] != null && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static int mix(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
