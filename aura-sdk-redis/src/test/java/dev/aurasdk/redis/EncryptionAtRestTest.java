package dev.aurasdk.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aurasdk.core.AuraClient;
import dev.aurasdk.core.AuraCredentials;
import dev.aurasdk.core.auth.AccessToken;
import dev.aurasdk.core.testing.SecretGuard;
import dev.aurasdk.redis.internal.TokenCipher;
import dev.aurasdk.testkit.FakeAuraServer;
import dev.aurasdk.testkit.StepMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.Tuple;

/** Tokens are encrypted at rest; a value in clear or sealed with another secret's key is ignored and replaced. */
class EncryptionAtRestTest {
    @RegisterExtension
    static final RedisServer redis = RedisServer.perClass();

    FakeAuraServer fake;
    Jedis jedis;

    @BeforeEach
    void start() {
        fake = FakeAuraServer.builder().stepMode(StepMode.WALL_CLOCK).build().start();
        jedis = new Jedis("127.0.0.1", redis.port());
        jedis.flushAll();
    }

    @AfterEach
    void stop() {
        jedis.close();
        fake.close();
    }

    private RedisFleet fleet() {
        return RedisFleet.builder()
                .url(redis.url())
                .keyPrefix("enc:")
                .credentials(AuraCredentials.of(fake.clientId(), fake.clientSecret()))
                .build();
    }

    /** A fresh process: its own fleet and client, nothing cached in memory. Returns the token it used. */
    private String callAsANewProcess() {
        try (RedisFleet fleet = fleet();
                AuraClient client = fleet.configure(AuraClient.builder().baseUrl(fake.baseUrl()))
                        .build()) {
            client.tenants().list();
            return client.tokenProvider().token().value();
        }
    }

    private String tokenKey() {
        List<String> keys = scan("enc:*:token:*");
        assertThat(keys).hasSize(1);
        return keys.get(0);
    }

    private List<String> scan(String pattern) {
        List<String> keys = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page =
                    jedis.scan(cursor, new ScanParams().match(pattern).count(100));
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }

    /** Every key and every value in Redis, as text, read the way redis-cli would show them. */
    private String dumpEverything() {
        StringBuilder sb = new StringBuilder();
        for (String key : scan("*")) {
            String type = jedis.type(key);
            sb.append(key).append(" (").append(type).append("): ");
            switch (type) {
                case "string":
                    sb.append(jedis.get(key));
                    break;
                case "zset":
                    for (Tuple t : jedis.zrangeWithScores(key, 0, -1)) {
                        sb.append(t.getElement())
                                .append('=')
                                .append(t.getScore())
                                .append(' ');
                    }
                    break;
                case "hash":
                    for (Map.Entry<String, String> e : jedis.hgetAll(key).entrySet()) {
                        sb.append(e.getKey()).append('=').append(e.getValue()).append(' ');
                    }
                    break;
                case "list":
                    sb.append(String.join(" ", jedis.lrange(key, 0, -1)));
                    break;
                case "set":
                    sb.append(String.join(" ", jedis.smembers(key)));
                    break;
                default:
                    sb.append("?");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Test
    void noKeyOrValueInRedisShowsTheTokenTheSecretOrTheClientId() {
        String token;
        try (RedisFleet fleet = fleet();
                AuraClient client = fleet.configure(AuraClient.builder().baseUrl(fake.baseUrl()))
                        .build()) {
            client.tenants().list();
            token = client.tokenProvider().token().value();
            fleet.requestBudget().pause(Duration.ofSeconds(30)); // the pause key too
        }
        String everything = dumpEverything();
        assertThat(everything)
                .contains("budget (zset)")
                .contains("pause (string)")
                .contains(":token:");
        assertThat(everything)
                .doesNotContain(token)
                .doesNotContain(fake.clientSecret())
                .doesNotContain(fake.clientId());
        assertThat(SecretGuard.findLeaks(everything)).isEmpty();
        assertThat(jedis.get(tokenKey())).startsWith("v1.");
    }

    @Test
    void aTokenWrittenInClearIsIgnoredAndReplaced() {
        callAsANewProcess();
        assertThat(fake.tokenRequestCount()).isEqualTo(1);
        String key = tokenKey();
        String planted =
                fake.issueToken(); // valid at the fake: used by mistake, the call would succeed without a refresh
        jedis.set(key, planted, SetParams.setParams().keepTtl());

        String used = callAsANewProcess();

        assertThat(used).isNotEqualTo(planted);
        assertThat(fake.tokenRequestCount())
                .as("the clear-text value was treated as absent")
                .isEqualTo(2);
        assertThat(jedis.get(key)).startsWith("v1.").doesNotContain(planted).doesNotContain(used);
    }

    @Test
    void aTokenSealedWithAnotherSecretsKeyIsIgnoredAndReplaced() {
        callAsANewProcess();
        String key = tokenKey();
        String planted = fake.issueToken();
        Instant now = Instant.now();
        String sealedElsewhere = new TokenCipher(fake.clientId(), "another-secret-0123456789")
                .seal(new AccessToken(planted, "bearer", now, now.plus(Duration.ofHours(1))), key);
        jedis.set(key, sealedElsewhere, SetParams.setParams().keepTtl());

        String used = callAsANewProcess();

        assertThat(used).isNotEqualTo(planted);
        assertThat(fake.tokenRequestCount()).isEqualTo(2);
        assertThat(jedis.get(key)).isNotEqualTo(sealedElsewhere).startsWith("v1.");
    }

    @Test
    void aTokenSealedForAnotherKeyIsIgnored() {
        callAsANewProcess();
        String key = tokenKey();
        String planted = fake.issueToken();
        Instant now = Instant.now();
        String sealedForOtherKey = new TokenCipher(fake.clientId(), fake.clientSecret())
                .seal(new AccessToken(planted, "bearer", now, now.plus(Duration.ofHours(1))), key + "-copy");
        jedis.set(key, sealedForOtherKey, SetParams.setParams().keepTtl());

        assertThat(callAsANewProcess()).isNotEqualTo(planted);
        assertThat(fake.tokenRequestCount()).isEqualTo(2);
    }
}
