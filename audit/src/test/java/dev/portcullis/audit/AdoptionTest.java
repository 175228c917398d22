package dev.portcullis.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdoptionTest {

    @Test
    void programLiteralsAreJavaStringLiterals() {
        assertThat(Adoption.literal("vpc-0123456789abcdef0")).isEqualTo("\"vpc-0123456789abcdef0\"");
        assertThat(Adoption.literal("say \"hi\" \\ bye")).isEqualTo("\"say \\\"hi\\\" \\\\ bye\"");
    }

    @Test
    void programLiteralsEscapeEverythingOutsidePrintableAscii() {
        // DEL, a C1 control (CSI), a bidirectional override and a line separator would all reach the
        // terminal (or a reader's editor) raw if only characters below 0x20 were escaped.
        assertThat(Adoption.literal("a\u007fb\u009b2Jc\u202ed\u2028e\u001bé\n"))
                .isEqualTo("\"a\\u007fb\\u009b2Jc\\u202ed\\u2028e\\u001b\\u00e9\\n\"");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "sg-0b0b0b0b0b0b0b0b0                   | sg-0b0b0b0b0b0b0b0b0",
            "aws:ec2/securityGroup:SecurityGroup    | aws:ec2/securityGroup:SecurityGroup",
            "Name=group-id,Values=sg-0a11a11a,sg-0b | Name=group-id,Values=sg-0a11a11a,sg-0b",
            "sg-1;rm -rf ~                          | 'sg-1;rm -rf ~'",
            "$(id)                                  | '$(id)'",
            "it's                                   | 'it'\\''s'",
            "-rf                                    | '-rf'",
            "\"\"                                   | ''",
    })
    void commandWordsAreQuotedUnlessEveryCharacterIsInert(String word, String quoted) {
        assertThat(Adoption.shellWord(word)).isEqualTo(quoted);
    }
}
