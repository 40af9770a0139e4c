package it.pa.monitor.plan;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/** Positions in a list kept by key (e.g. the plan's indicators by responsible unit), merged for several keys. */
public final class Positions {

    private Positions() {
    }

    /** The positions of all {@code keys} (null or unknown keys add none), ascending and without repeats. */
    public static int[] union(Collection<String> keys, Map<String, int[]> positionsByKey) {
        int count = 0;
        int[][] found = new int[keys.size()][];
        int lists = 0;
        for (String key : keys) {
            int[] positions = key == null ? null : positionsByKey.get(key);
            if (positions != null) {
                found[lists++] = positions;
                count += positions.length;
            }
        }
        int[] all = new int[count];
        int next = 0;
        for (int i = 0; i < lists; i++) {
            System.arraycopy(found[i], 0, all, next, found[i].length);
            next += found[i].length;
        }
        Arrays.sort(all);
        return Arrays.stream(all).distinct().toArray();
    }
}
