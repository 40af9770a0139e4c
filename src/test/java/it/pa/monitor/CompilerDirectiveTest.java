package it.pa.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompilerDirectiveTest {

    @Test
    void theDirectiveExcludesEveryMethodFromC2AndLeavesC1On() throws Exception {
        assertThat(CompilerDirective.withoutC2()).isTrue();
        try {
            String printed = CompilerDirective.diagnosticCommand("compilerDirectivesPrint");
            // HotSpot prints the directives newest first, each with its c1 and then its c2 block.
            String newest = printed.substring(0, printed.indexOf("Directive: (default)"));
            assertThat(newest).contains("matching: *.*");
            String c1 = newest.substring(newest.indexOf("c1 directives:"), newest.indexOf("c2 directives:"));
            String c2 = newest.substring(newest.indexOf("c2 directives:"));
            assertThat(c1).contains("Exclude:false");
            assertThat(c2).contains("Enable:true Exclude:true");
        } finally {
            CompilerDirective.diagnosticCommand("compilerDirectivesRemove");
        }
        assertThat(CompilerDirective.diagnosticCommand("compilerDirectivesPrint"))
                .doesNotContain("Exclude:true");
    }
}
