package it.pa.monitor.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The IN lists of the values-in-force query come in a few sizes, so the statement's text repeats. */
class ValuesInForcePaddingTest {

    private static List<Integer> upTo(int n) {
        return IntStream.rangeClosed(1, n).boxed().toList();
    }

    @Test
    void aListGrowsToTheNextPowerOfTwoAtLeastEightRepeatingItsLastItem() {
        assertThat(ValuesInForce.padded(List.of("a"))).containsExactly("a", "a", "a", "a", "a", "a", "a", "a");
        assertThat(ValuesInForce.padded(upTo(9))).hasSize(16).startsWith(1, 2, 3, 4, 5, 6, 7, 8, 9)
                .containsOnly(1, 2, 3, 4, 5, 6, 7, 8, 9).endsWith(9, 9, 9, 9, 9, 9, 9, 9);
        assertThat(ValuesInForce.padded(upTo(60))).hasSize(64).containsAll(upTo(60));
        assertThat(ValuesInForce.padded(upTo(500))).hasSize(512);
    }

    @Test
    void aListAlreadyOfAPowerOfTwoSizeStaysAsItIs() {
        List<Integer> sixteen = upTo(16);

        assertThat(ValuesInForce.padded(sixteen)).isSameAs(sixteen);
        assertThat(ValuesInForce.padded(upTo(8))).containsExactlyElementsOf(upTo(8));
    }

    @Test
    void theSizesOfAllListsUpToAQueryAreFew() {
        assertThat(IntStream.rangeClosed(1, 500).map(n -> ValuesInForce.padded(upTo(n)).size()).distinct())
                .containsExactly(8, 16, 32, 64, 128, 256, 512);
    }
}
