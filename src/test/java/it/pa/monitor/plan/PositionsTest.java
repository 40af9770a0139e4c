package it.pa.monitor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PositionsTest {

    @Test
    void mergesThePositionsOfSeveralKeysAscendingWithoutRepeats() {
        // An objective shared by two units sits in both lists (position 4): it is listed once.
        Map<String, int[]> byUnit = Map.of("U1", new int[] {0, 4, 9}, "U2", new int[] {2, 4}, "U3", new int[] {7});

        assertThat(Positions.union(List.of("U2", "U1"), byUnit)).containsExactly(0, 2, 4, 9);
        assertThat(Positions.union(Arrays.asList("U3", null, "U9"), byUnit)).containsExactly(7);
        assertThat(Positions.union(List.of(), byUnit)).isEmpty();
    }
}
