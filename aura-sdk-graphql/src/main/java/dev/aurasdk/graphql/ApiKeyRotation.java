package dev.aurasdk.graphql;

/**
 * An API-key rotation in progress or done: the new provider (with its key, shown once by Aura) and the
 * old provider, deleted on {@link #confirm()} (or already, in {@link Mode#DELETE_OLD_IMMEDIATELY}).
 * Thread-safe; {@code toString()} never shows the key.
 */
public final class ApiKeyRotation {
    /** When the old provider is deleted. */
    public enum Mode {
        /** Right after the new provider is created: callers still using the old key fail at once. */
        DELETE_OLD_IMMEDIATELY,
        /** When the caller calls {@link #confirm()}, after deploying the new key everywhere. */
        DELETE_OLD_ON_CONFIRM
    }

    /** Where the rotation stands. */
    public enum State {
        /** Both providers exist; waiting for {@link #confirm()} or {@link #abort()}. */
        PENDING,
        /** The old provider was deleted. */
        COMPLETED,
        /** The new provider was deleted; the old one stays. */
        ABORTED
    }

    private final AuthProviders providers;
    private final AuthProvider oldProvider;
    private final CreatedAuthProvider newProvider;
    private State state = State.PENDING;

    ApiKeyRotation(AuthProviders providers, AuthProvider oldProvider, CreatedAuthProvider newProvider) {
        this.providers = providers;
        this.oldProvider = oldProvider;
        this.newProvider = newProvider;
    }

    /** The new provider, with its key. @return the new provider */
    public CreatedAuthProvider newProvider() {
        return newProvider;
    }

    /**
     * The new API key: store it now, Aura never shows it again.
     *
     * @return the key
     */
    public String newKey() {
        return newProvider.key().orElseThrow(() -> new IllegalStateException("the new provider has no key"));
    }

    /** The provider being replaced. @return the old provider */
    public AuthProvider oldProvider() {
        return oldProvider;
    }

    /** Where the rotation stands. @return the state */
    public synchronized State state() {
        return state;
    }

    /**
     * Deletes the old provider (waiting for {@code ready} when the providers helper waits). Calling it
     * again after success does nothing.
     *
     * @return the old provider
     * @throws IllegalStateException when the rotation was aborted
     */
    public synchronized AuthProvider confirm() {
        if (state == State.ABORTED) {
            throw new IllegalStateException("rotation was aborted; the old provider " + oldProvider.id() + " stays");
        }
        if (state == State.PENDING) {
            providers.delete(oldProvider.id());
            state = State.COMPLETED;
        }
        return oldProvider;
    }

    /**
     * Gives up: deletes the new provider, keeping the old one. Calling it again after success does nothing.
     *
     * @throws IllegalStateException when the rotation was already completed
     */
    public synchronized void abort() {
        if (state == State.COMPLETED) {
            throw new IllegalStateException(
                    "rotation is complete; the old provider " + oldProvider.id() + " is already deleted");
        }
        if (state == State.PENDING) {
            providers.delete(newProvider.id());
            state = State.ABORTED;
        }
    }

    @Override
    public synchronized String toString() {
        return "ApiKeyRotation{old=" + oldProvider.id() + ", new=" + newProvider.id() + ", key=****, state=" + state
                + "}";
    }
}
