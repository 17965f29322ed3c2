package org.dangan.workflow.registry.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * The first line of each identifier seen in one file, for the in-file duplicate check. A
 * {@code HashMap<String, Long>} costs about 120 bytes an entry (node, String, its bytes, a boxed
 * Long), 120 MB for a million record numbers; here the identifiers' ASCII bytes sit back to back in
 * blocks and an open-addressing table holds a reference and a line per slot: about 35 bytes an
 * entry for a 17-digit record number, in a few large arrays instead of millions of objects.
 * Identifiers reach it validated: record numbers are digits, file numbers {@code [0-9A-Za-z-]{1,40}};
 * any character above 0xFF or a key over 255 characters is refused rather than stored wrongly.
 */
final class FirstLines {

    private static final int BLOCK = 1 << 20;
    private static final int MAX_LOAD_PERCENT = 60;

    private final List<byte[]> blocks = new ArrayList<>();
    private int blockUsed = BLOCK;
    /** per slot: 0 when empty, else 1 + the key's position (block index * BLOCK + offset) */
    private int[] refs = new int[1 << 12];

    private int[] lines = new int[1 << 12];
    private int size;

    /** Remembers {@code line} as the first of {@code key}; returns the earlier first line, or -1 if none. */
    long putIfAbsent(String key, long line) {
        if (key.length() > 255) {
            throw new IllegalArgumentException("identifier longer than 255 characters");
        }
        if (line > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("line " + line + " past the int range");
        }
        int mask = refs.length - 1;
        for (int slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
            int ref = refs[slot];
            if (ref == 0) {
                refs[slot] = 1 + store(key);
                lines[slot] = (int) line;
                if (++size * 100L > (long) refs.length * MAX_LOAD_PERCENT) {
                    grow();
                }
                return -1;
            }
            if (equalsStored(key, ref - 1)) {
                return lines[slot];
            }
        }
    }

    int size() {
        return size;
    }

    private int store(String key) {
        int length = key.length();
        if (blockUsed + 1 + length > BLOCK) {
            blocks.add(new byte[BLOCK]);
            blockUsed = 0;
        }
        byte[] block = blocks.get(blocks.size() - 1);
        int at = blockUsed;
        block[at] = (byte) length;
        for (int i = 0; i < length; i++) {
            char c = key.charAt(i);
            if (c > 0xFF) {
                throw new IllegalArgumentException("identifier with a character past Latin-1");
            }
            block[at + 1 + i] = (byte) c;
        }
        blockUsed += 1 + length;
        long position = (long) (blocks.size() - 1) * BLOCK + at;
        if (position >= Integer.MAX_VALUE - 1) {
            throw new IllegalStateException("more identifiers than one import can hold");
        }
        return (int) position;
    }

    private boolean equalsStored(String key, int position) {
        byte[] block = blocks.get(position / BLOCK);
        int at = position % BLOCK;
        int length = block[at] & 0xFF;
        if (length != key.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if ((block[at + 1 + i] & 0xFF) != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int hashStored(int position) {
        byte[] block = blocks.get(position / BLOCK);
        int at = position % BLOCK;
        int length = block[at] & 0xFF;
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + (block[at + 1 + i] & 0xFF);
        }
        return spread(h);
    }

    private static int hash(String key) {
        // String.hashCode over Latin-1 characters: the same as hashStored over the stored bytes
        return spread(key.hashCode());
    }

    /** Record numbers share long prefixes and differ in the last digits: mix before masking. */
    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private void grow() {
        int[] oldRefs = refs;
        int[] oldLines = lines;
        refs = new int[oldRefs.length * 2];
        lines = new int[oldLines.length * 2];
        int mask = refs.length - 1;
        for (int i = 0; i < oldRefs.length; i++) {
            int ref = oldRefs[i];
            if (ref != 0) {
                int slot = hashStored(ref - 1) & mask;
                while (refs[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                refs[slot] = ref;
                lines[slot] = oldLines[i];
            }
        }
    }
}
