package org.gramian;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.gramian.design.UnknownColumnException;
import org.junit.jupiter.api.Test;

class UserTextTest {
    @Test
    void plainShortTextIsShownAsItIs() {
        assertThat(UserText.clean("price (€)")).isEqualTo("price (€)");
        assertThat(UserText.quote("x")).isEqualTo("'x'");
        assertThat(UserText.clean("n".repeat(40))).isEqualTo("n".repeat(40));
    }

    @Test
    void longTextIsCutToFortyCharacters() {
        assertThat(UserText.clean("n".repeat(41))).isEqualTo("n".repeat(39) + "…");
        // costs the characters shown, not the text: 50 MB is no slower than 50 bytes
        String huge = "a".repeat(50_000_000);
        assertThat(UserText.quote(huge)).isEqualTo("'" + "a".repeat(39) + "…'");
        // a character outside the BMP is one character, never split
        assertThat(UserText.clean("😀".repeat(41))).isEqualTo("😀".repeat(39) + "…");
    }

    @Test
    void invisibleCharactersAreEscaped() {
        assertThat(UserText.clean("a\tb\nc\rd\0e\u001b[31m\u007f\u0085")).isEqualTo(
                "a\\tb\\nc\\rd\\0e\\x1b[31m\\x7f\\x85");
        assertThat(UserText.clean("\u202eevil\u200e\ufeff\ud800x")).isEqualTo(
                "<U+202E>evil<U+200E><U+FEFF><U+D800>x");
        // escapes count towards the forty characters
        assertThat(UserText.clean("\0".repeat(30))).isEqualTo("\\0".repeat(19) + "…");
    }

    @Test
    void listsOfNamesAreCappedAndCleaned() {
        assertThat(UserText.list(List.of("x", "y"))).isEqualTo("x, y");
        List<String> many = IntStream.range(0, 10_000).mapToObj(i -> "c" + i).toList();
        assertThat(UserText.list(many)).startsWith("c0, c1, ").endsWith(", c19, … (10000 in all)");
        assertThat(new UnknownColumnException("y\u0000", List.of("a\nb", "z".repeat(99))).getMessage())
                .isEqualTo("unknown column 'y\\0'; the columns are: a\\nb, " + "z".repeat(39) + "…");
    }
}
