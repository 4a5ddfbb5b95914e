package dev.aurasdk.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secret values known to this JVM's tests, and the check that none of them appears where it must not:
 * log output, exception messages (with causes, suppressed exceptions and stack traces) and {@code toString()}.
 *
 * <p>Secrets come from three places: values registered here by tests and fixtures ({@link ScriptedAura}
 * registers its client secret, the tokens it issues and every secret-named JSON field it serves or receives);
 * the fake Aura server of the testkit (its {@code FakeSecrets}: client secrets, issued access tokens and Data
 * API keys, received passwords), looked up by reflection because the core test-jar cannot depend on the
 * testkit; and a pattern: any JSON Web Token ({@code eyJ….eyJ….…}) is a secret wherever it comes from.
 *
 * <p>Values shorter than {@value #MIN_LENGTH} characters are ignored: they occur by chance in ordinary text.
 * {@link SecretGuardExtension} runs the check after every test of every module; tests that catch an exception
 * hand it to {@link #observe(Throwable)} so that it is checked too.
 */
public final class SecretGuard {
    /** Shortest value treated as a secret. */
    public static final int MIN_LENGTH = 8;

    private static final Set<String> FIELD_NAMES = Set.of(
            "password",
            "key",
            "api_key",
            "apikey",
            "client_secret",
            "clientsecret",
            "access_token",
            "accesstoken",
            "refresh_token",
            "secret",
            "instancepassword");
    private static final Pattern JWT =
            Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> REGISTERED = ConcurrentHashMap.newKeySet();
    private static final List<Throwable> OBSERVED = new CopyOnWriteArrayList<>();
    private static final Method FAKE_SECRETS = fakeSecretsMethod();

    static {
        registerClientCredentials(ScriptedAura.CLIENT_ID, ScriptedAura.CLIENT_SECRET);
    }

    private SecretGuard() {}

    /**
     * Registers a secret value (ignored when null or shorter than {@link #MIN_LENGTH}).
     *
     * @param secret the value
     * @return the value
     */
    public static String register(String secret) {
        if (secret != null && secret.strip().length() >= MIN_LENGTH) {
            REGISTERED.add(secret.strip());
        }
        return secret;
    }

    /**
     * Registers a client id and secret, and their HTTP Basic form.
     *
     * @param clientId the client id (not a secret itself)
     * @param clientSecret the secret
     */
    public static void registerClientCredentials(String clientId, String clientSecret) {
        register(clientSecret);
        register(Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Registers the values of secret-named fields ({@code password}, {@code key}, {@code client_secret},
     * {@code access_token}, …) found anywhere in a JSON document; anything that does not parse is ignored.
     *
     * @param json the document
     */
    public static void registerJsonSecrets(String json) {
        if (json == null || json.isBlank()) {
            return;
        }
        try {
            collect(MAPPER.readTree(json));
        } catch (java.io.IOException | RuntimeException notJson) {
            // not JSON: nothing to register
        }
    }

    private static void collect(JsonNode node) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (FIELD_NAMES.contains(e.getKey().toLowerCase(Locale.ROOT))
                        && e.getValue().isTextual()) {
                    register(e.getValue().textValue());
                } else {
                    collect(e.getValue());
                }
            });
        } else if (node.isArray()) {
            node.forEach(SecretGuard::collect);
        }
    }

    /**
     * Hands an exception a test caught to the after-test check (message, causes, suppressed, stack trace).
     *
     * @param t the exception
     * @param <T> its type
     * @return the same exception
     */
    public static <T extends Throwable> T observe(T t) {
        if (t != null) {
            OBSERVED.add(t);
        }
        return t;
    }

    /** The exceptions observed since the last {@link #reset()}. @return a snapshot */
    public static List<Throwable> observed() {
        return List.copyOf(OBSERVED);
    }

    /** Forgets observed exceptions (registered secrets are kept: they stay secret). */
    public static void reset() {
        OBSERVED.clear();
    }

    /**
     * Every known secret value: registered here, plus those of the testkit's fake servers when the testkit is
     * on the class path.
     *
     * @return a snapshot
     */
    public static Set<String> secrets() {
        Set<String> all = new LinkedHashSet<>(REGISTERED);
        if (FAKE_SECRETS != null) {
            try {
                Object values = FAKE_SECRETS.invoke(null);
                if (values instanceof Collection) {
                    for (Object v : (Collection<?>) values) {
                        if (v instanceof String && ((String) v).strip().length() >= MIN_LENGTH) {
                            all.add(((String) v).strip());
                        }
                    }
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read the testkit's FakeSecrets", e);
            }
        }
        return all;
    }

    private static Method fakeSecretsMethod() {
        try {
            return Class.forName("dev.aurasdk.testkit.FakeSecrets").getMethod("all");
        } catch (ClassNotFoundException | NoSuchMethodException absent) {
            return null; // core's own tests: no testkit
        }
    }

    /**
     * The full text of an exception: {@code toString()} and stack trace of it, its causes and suppressed
     * exceptions (what a log or a report would show).
     *
     * @param t the exception
     * @return the text
     */
    public static String fullText(Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        StringBuilder sb = new StringBuilder(sw.toString());
        // printStackTrace covers causes and suppressed; getMessage() may differ from toString() in subclasses
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            sb.append('\n').append(c.getMessage()).append('\n').append(c.getLocalizedMessage());
        }
        return sb.toString();
    }

    /**
     * The leaks in a text: one description per secret found (the secret itself is masked in it).
     *
     * @param text the text to check
     * @return descriptions, empty when the text is clean
     */
    public static List<String> findLeaks(String text) {
        return findLeaks(text, secrets());
    }

    static List<String> findLeaks(String text, Set<String> secrets) {
        List<String> found = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return found;
        }
        for (String secret : MultiMatcher.of(secrets).findIn(text)) {
            found.add("a registered secret (" + mask(secret) + ") appears in: " + excerpt(text, secret));
        }
        Set<String> tokens = new LinkedHashSet<>();
        Matcher jwt = JWT.matcher(text);
        while (jwt.find()) {
            tokens.add(jwt.group());
        }
        for (String token : tokens) {
            found.add("a JSON Web Token (" + mask(token) + ") appears in: " + excerpt(text, token));
        }
        return found;
    }

    /**
     * Fails when a text contains a secret.
     *
     * @param where what the text is, for the message
     * @param text the text
     * @throws AssertionError naming the leak, with the secret masked
     */
    public static void assertNoLeak(String where, String text) {
        List<String> leaks = findLeaks(text);
        if (!leaks.isEmpty()) {
            throw new AssertionError("Secret leaked in " + where + ":\n - " + String.join("\n - ", leaks));
        }
    }

    /**
     * Masks a secret for a message: its length and first three characters.
     *
     * @param secret the secret
     * @return such as {@code "s3c…" (36 chars)}
     */
    public static String mask(String secret) {
        return "\"" + secret.substring(0, Math.min(3, secret.length())) + "…\" (" + secret.length() + " chars)";
    }

    private static String excerpt(String text, String secret) {
        int at = text.indexOf(secret);
        int from = Math.max(0, at - 80);
        int to = Math.min(text.length(), at + secret.length() + 80);
        String around = text.substring(from, to).replace(secret, "<SECRET>");
        Matcher jwt = JWT.matcher(around);
        return "…" + jwt.replaceAll("<JWT>").replace('\n', ' ') + "…";
    }

    /** Finds which of many secrets occur in a long text in one pass (a hash of each secret's first characters). */
    private static final class MultiMatcher {
        private final Map<String, List<String>> byPrefix = new HashMap<>();

        static MultiMatcher of(Set<String> secrets) {
            MultiMatcher m = new MultiMatcher();
            for (String s : secrets) {
                m.byPrefix
                        .computeIfAbsent(s.substring(0, MIN_LENGTH), k -> new ArrayList<>())
                        .add(s);
            }
            return m;
        }

        Set<String> findIn(String text) {
            Set<String> found = new LinkedHashSet<>();
            if (byPrefix.isEmpty() || text.length() < MIN_LENGTH) {
                return found;
            }
            Set<Integer> prefixHashes = new java.util.HashSet<>();
            for (String p : byPrefix.keySet()) {
                prefixHashes.add(p.hashCode());
            }
            // rolling String.hashCode() of the window text[i, i + MIN_LENGTH)
            int pow = 1;
            for (int i = 0; i < MIN_LENGTH - 1; i++) {
                pow *= 31;
            }
            int h = 0;
            for (int i = 0; i < MIN_LENGTH; i++) {
                h = 31 * h + text.charAt(i);
            }
            for (int i = 0; ; i++) {
                if (prefixHashes.contains(h)) {
                    List<String> candidates = byPrefix.get(text.substring(i, i + MIN_LENGTH));
                    if (candidates != null) {
                        for (String c : candidates) {
                            if (text.startsWith(c, i)) {
                                found.add(c);
                            }
                        }
                    }
                }
                if (i + MIN_LENGTH >= text.length()) {
                    return found;
                }
                h = 31 * (h - pow * text.charAt(i)) + text.charAt(i + MIN_LENGTH);
            }
        }
    }
}
