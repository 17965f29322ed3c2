package org.dangan.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The password policy against the passwords people really pick. */
class PasswordPolicyTest {

    private static String refusal(String password) {
        AccountRefused refused =
                catchThrowableOfType(AccountRefused.class, () -> PasswordPolicy.check("t1-archivist-a", password));
        assertThat(refused).as("a refusal of a weak password").isNotNull();
        assertThat(refused.getMessage()).doesNotContain(password);
        return refused.key();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1234567890ab",
                "password1234",
                "Qwerty123456",
                "1Password!",
                "G00dpa$$w0rd",
                // what a hostile tester got through a list of whole passwords: common words dressed up, runs
                "P@ssw0rd123",
                "Abc123!abc",
                "Woaini1314520",
                "abcdefghijklmn",
                "Passwort1234",
                "Admin@123456",
                // and what a third round still got through
                "Aa1234567!",
                "Abc@1234567",
                "Woaini5201314520",
                "Zhangwei1988!",
                "Qq1234567.",
                "P@ssw0rd!!2024!!!",
                "Huawei@2024",
                "Dangan@2026"
            })
    void refuses_passwords_from_the_common_password_list_whatever_their_capitals(String common) {
        assertThat(refusal(common)).isEqualTo("password.common");
    }

    @Test
    void ships_a_list_of_thousands_of_common_passwords() {
        assertThat(PasswordPolicy.commonPasswords()).isGreaterThan(10_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dangan-demo", "harbourlight7", "Harbourlights", "tide-and-moon"})
    void refuses_two_kinds_of_characters_under_fourteen_characters(String twoKinds) {
        assertThat(refusal(twoKinds)).isEqualTo("password.kinds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ribbon harbour lantern", "晚风吹过麦田的声音很轻很轻啊", "Tea-at-4pm!", "slow7river-bend"})
    void accepts_a_long_passphrase_or_a_mix_of_three_kinds(String good) {
        assertThatCode(() -> PasswordPolicy.check("t1-archivist-a", good)).doesNotThrowAnyException();
    }

    @Test
    void still_refuses_short_passwords_the_user_name_and_repetition() {
        assertThat(refusal("Ab1!")).isEqualTo("password.tooShort");
        assertThat(refusal("My-t1-archivist-a-9")).isEqualTo("password.userName");
        assertThat(refusal("12121212121212!")).isEqualTo("password.repetitive");
    }
}
