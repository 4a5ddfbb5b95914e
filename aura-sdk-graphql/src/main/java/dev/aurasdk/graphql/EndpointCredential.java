package dev.aurasdk.graphql;

import java.util.Objects;

/** The credential of a {@link GraphQLEndpoint}: its kind, the header it travels in, and redaction. */
final class EndpointCredential {
    /** How a Data API authenticates a request. */
    enum Kind {
        /** An api-key provider's key, in {@code x-api-key}. */
        API_KEY("api-key", "API key"),
        /** A JWT checked by a jwks provider, as {@code Authorization: Bearer ...}. */
        BEARER_TOKEN("bearer", "bearer token");

        private final String label;
        private final String description;

        Kind(String label, String description) {
            this.label = label;
            this.description = description;
        }

        /** @return the short name shown by {@code toString()}, such as {@code api-key} */
        String label() {
            return label;
        }

        /** @return the name used in messages, such as {@code API key} */
        String description() {
            return description;
        }
    }

    private final Kind kind;
    private final String secret;

    private EndpointCredential(Kind kind, String secret) {
        this.kind = kind;
        this.secret = secret;
    }

    /**
     * A checked credential.
     *
     * @param kind its kind
     * @param value the key or token (without {@code Bearer })
     * @param name the builder argument's name, for messages
     * @return the credential
     * @throws IllegalArgumentException when blank or not a header-safe token
     */
    static EndpointCredential of(Kind kind, String value, String name) {
        Objects.requireNonNull(value, name + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
            throw new IllegalArgumentException(name + " must not contain spaces, control or non-ASCII characters");
        }
        return new EndpointCredential(Objects.requireNonNull(kind, "kind"), value);
    }

    Kind kind() {
        return kind;
    }

    /** @return {@code x-api-key} or {@code Authorization} */
    String headerName() {
        return kind == Kind.API_KEY ? GraphQLEndpoint.API_KEY_HEADER : "Authorization";
    }

    /** @return the key, or {@code Bearer <token>} */
    String headerValue() {
        return kind == Kind.API_KEY ? secret : "Bearer " + secret;
    }

    /** Removes the secret from text that came from the server or the network stack. */
    String redact(String text) {
        return text.replace(secret, "****");
    }

    /** @return the kind and stars, never the secret */
    @Override
    public String toString() {
        return kind.label() + " ****";
    }
}
