package it.pa.monitor.plan.tree;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link IndicatorKey} writes out its equality and hash: they must stay those the JDK generates for a
 * record of the same components, so that maps keyed by indicator iterate in the order they always had.
 */
class IndicatorKeyHashTest {

    /** A record with the same components and the generated methods. */
    private record Generated(String objectiveCode, String code, int occurrence) {
    }

    @Property
    void hashIsTheRecordsOwn(@ForAll String objective, @ForAll String code, @ForAll int occurrence) {
        assertThat(new IndicatorKey(objective, code, occurrence).hashCode())
                .isEqualTo(new Generated(objective, code, occurrence).hashCode());
    }

    @Property
    void equalityIsTheRecordsOwn(@ForAll @IntRange(max = 3) int a, @ForAll @IntRange(max = 3) int b,
                                 @ForAll @IntRange(max = 2) int occurrenceA, @ForAll @IntRange(max = 2) int occurrenceB) {
        String[] texts = {null, "OO_1", "OO_2", "IND"};
        String objectiveA = texts[a];
        String codeA = texts[(a + occurrenceA) % 4];
        String objectiveB = texts[b];
        String codeB = texts[(b + occurrenceB) % 4];
        assertThat(new IndicatorKey(objectiveA, codeA, occurrenceA).equals(new IndicatorKey(objectiveB, codeB,
                occurrenceB))).isEqualTo(new Generated(objectiveA, codeA, occurrenceA).equals(
                new Generated(objectiveB, codeB, occurrenceB)));
        assertThat(new IndicatorKey(objectiveA, codeA, occurrenceA)).isEqualTo(new IndicatorKey(
                objectiveA == null ? null : new String(objectiveA), codeA == null ? null : new String(codeA),
                occurrenceA)).isNotEqualTo(new Generated(objectiveA, codeA, occurrenceA));
    }

    @Property
    void nullComponentsHashAsTheRecord(@ForAll int occurrence) {
        assertThat(new IndicatorKey(null, null, occurrence).hashCode())
                .isEqualTo(new Generated(null, null, occurrence).hashCode());
    }
}
