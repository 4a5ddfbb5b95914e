package dev.aurasdk.core;

import static dev.aurasdk.core.testing.ScriptedAura.data;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurasdk.core.http.ApiRequest;
import dev.aurasdk.core.http.ApiVersion;
import dev.aurasdk.core.http.RequestEvent;
import dev.aurasdk.core.http.RequestListener;
import dev.aurasdk.core.testing.ManualTimeScheduler;
import dev.aurasdk.core.testing.ScriptedAura;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link AuraClient#isOnSchedulerThread()}: what modules ask before blocking on the client's async work. */
class OnSchedulerThreadTest {
    private static final ApiRequest TENANTS =
            ApiRequest.get(ApiVersion.V1).path("tenants").build();

    private final ScriptedAura aura = new ScriptedAura();

    @AfterEach
    void close() {
        aura.close();
    }

    /** Records, at the end of each async API attempt, what the given clients answer on that thread. */
    private static RequestListener asking(List<AtomicReference<AuraClient>> clients, List<String> answers) {
        return new RequestListener() {
            @Override
            public void onAttemptEnd(RequestEvent event) {
                if (event.path().endsWith("/tenants")) {
                    StringBuilder sb = new StringBuilder();
                    clients.forEach(
                            c -> sb.append(c.get().isOnSchedulerThread()).append(' '));
                    answers.add(sb.toString().strip());
                }
            }
        };
    }

    @Test
    void theClientsOwnSchedulerThreadIsRecognizedAndNoOtherThread() throws Exception {
        aura.enqueue(data("[]"));
        List<String> answers = new CopyOnWriteArrayList<>();
        AtomicReference<AuraClient> self = new AtomicReference<>();
        AtomicReference<AuraClient> other = new AtomicReference<>();
        try (AuraClient client = aura.clientBuilder()
                        .addRequestListener(asking(List.of(self, other), answers))
                        .build();
                AuraClient otherClient = aura.client()) {
            self.set(client);
            other.set(otherClient);
            assertThat(client.isOnSchedulerThread()).as("no scheduler yet").isFalse();

            client.http().sendAsync(TENANTS, JsonNode.class).get(60, TimeUnit.SECONDS);

            assertThat(answers)
                    .as("this client: yes; another client with its own scheduler: no")
                    .containsExactly("true false");
            assertThat(client.scheduler().submit(client::isOnSchedulerThread).get(60, TimeUnit.SECONDS))
                    .as("any task of its scheduler")
                    .isTrue();
            assertThat(client.isOnSchedulerThread()).as("the test's thread").isFalse();
            otherClient.scheduler(); // created: still not the first client's thread
            assertThat(otherClient
                            .scheduler()
                            .submit(client::isOnSchedulerThread)
                            .get(60, TimeUnit.SECONDS))
                    .isFalse();
            client.close();
            assertThat(client.isOnSchedulerThread())
                    .as("closed: answers, does not throw")
                    .isFalse();
        }
    }

    @Test
    void aSchedulerGivenToTheBuilderCountsWhileItRunsAStepOfAClientUsingIt() throws Exception {
        aura.enqueue(data("[]"));
        ManualTimeScheduler shared = new ManualTimeScheduler(aura.clock);
        List<String> answers = new CopyOnWriteArrayList<>();
        AtomicReference<AuraClient> first = new AtomicReference<>();
        AtomicReference<AuraClient> second = new AtomicReference<>();
        AtomicReference<AuraClient> unrelated = new AtomicReference<>();
        try (AuraClient a = aura.clientBuilder()
                        .scheduler(shared)
                        .addRequestListener(asking(List.of(first, second, unrelated), answers))
                        .build();
                AuraClient b = aura.clientBuilder().scheduler(shared).build();
                AuraClient c = aura.client()) {
            first.set(a);
            second.set(b);
            unrelated.set(c);

            a.http().sendAsync(TENANTS, JsonNode.class).get(60, TimeUnit.SECONDS);

            assertThat(answers)
                    .as("both clients of the shared scheduler: yes; a client with its own: no")
                    .containsExactly("true true false");
            assertThat(a.isOnSchedulerThread()).isFalse();
        } finally {
            shared.shutdownNow();
        }
    }
}
