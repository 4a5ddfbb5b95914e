package dev.aurasdk.core.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The default {@link TokenStore}: a map in this JVM. Share one instance between clients to share tokens. */
public final class InMemoryTokenStore implements TokenStore {
    private final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryTokenStore() {}

    @Override
    public Optional<AccessToken> get(String key) {
        return Optional.ofNullable(tokens.get(key));
    }

    @Override
    public void put(String key, AccessToken token) {
        tokens.put(key, token);
    }

    @Override
    public void remove(String key) {
        tokens.remove(key);
    }

    @Override
    public String toString() {
        return "InMemoryTokenStore{" + tokens.size() + " token(s)}";
    }
}
