package dev.aurasdk.core.wait;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.testing.ScriptedAura;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What users can reach of the waiter: waits, not its lifecycle. */
class WaiterSurfaceTest {

    @Test
    void theClientsWaiterCannotBeClosedOrBuiltByUsers() {
        assertThat(Waiter.class.isInterface()).isTrue();
        assertThat(Arrays.stream(Waiter.class.getMethods()).map(Method::getName))
                .doesNotContain("close");
        try (ScriptedAura aura = new ScriptedAura();
                AuraClient client = aura.client()) {
            Waiter waiter = client.waiter();
            assertThat(waiter).isNotInstanceOf(AutoCloseable.class);
            assertThat(Modifier.isPublic(waiter.getClass().getModifiers())
                            && waiter.getClass().getPackageName().startsWith("dev.aurasdk.core.wait"))
                    .as("the implementation lives in an internal package")
                    .isFalse();
        }
    }

    @Test
    void newWaitsTakeTheClientsWaitOptions() {
        WaitOptions options = WaitOptions.builder().timeout(Duration.ofHours(2)).build();
        try (ScriptedAura aura = new ScriptedAura();
                AuraClient client = aura.clientBuilder().waitOptions(options).build()) {
            Wait<String> wait = client.waiter()
                    .newWait(
                            "op",
                            Poll.of(() -> "x", () -> java.util.concurrent.CompletableFuture.completedFuture("x")),
                            WaitRules.<String>builder().build());

            assertThat(client.waiter().defaultOptions()).isEqualTo(options);
            assertThat(wait.options()).isEqualTo(options);
            assertThat(wait.withOptions(WaitOptions.defaults()).options()).isEqualTo(WaitOptions.defaults());
        }
    }
}
