package dev.aurasdk.core.internal.http;

import java.net.URI;
import java.util.Objects;

/**
 * One logical call, immutable: what to send and how the transport treats it. Either an API call
 * (bearer token, client rate limit, status mapped to the API's exceptions) or a token request (a
 * fixed {@code Authorization} header, no rate limit, a 400/401/403 meaning bad credentials). Not API.
 */
public final class Call {
    private final String method;
    private final String path;
    private final String template;
    private final URI uri;
    private final byte[] body;
    private final String contentType;
    private final boolean idempotent;
    private final String fixedAuthorization;

    private Call(Builder b) {
        this.method = Objects.requireNonNull(b.method, "method");
        this.uri = Objects.requireNonNull(b.uri, "uri");
        this.path = b.path != null ? b.path : uri.getPath();
        this.template = b.template != null ? b.template : this.path;
        this.body = b.body;
        this.contentType = b.contentType;
        this.idempotent = b.idempotent;
        this.fixedAuthorization = b.fixedAuthorization;
    }

    /**
     * Starts the description of an API call: authenticated with the client's token and rate-limited.
     *
     * @param method the HTTP method
     * @param uri the full URI
     * @return a builder
     */
    public static Builder builder(String method, URI uri) {
        return new Builder(method, uri);
    }

    /** @return the HTTP method */
    public String method() {
        return method;
    }

    /** @return the path, for logs, events and messages */
    public String path() {
        return path;
    }

    /** @return the path template, for metrics */
    public String template() {
        return template;
    }

    /** @return the full URI */
    public URI uri() {
        return uri;
    }

    /** @return the body bytes (not copied: the call owns them), or null */
    byte[] body() {
        return body;
    }

    /** @return the body's content type, or null without body */
    String contentType() {
        return contentType;
    }

    /** @return whether it may be resent after it may have reached the server */
    public boolean idempotent() {
        return idempotent;
    }

    /** @return whether it carries the client's bearer token and keeps to the client's rate limit */
    public boolean authenticated() {
        return fixedAuthorization == null;
    }

    /** @return whether it takes a slot of the client's request budget (every authenticated call) */
    public boolean rateLimited() {
        return authenticated();
    }

    /** @return whether this is a token request: a 400, 401 or 403 means the credentials were refused */
    public boolean tokenEndpoint() {
        return fixedAuthorization != null;
    }

    /** @return the fixed Authorization header of a token request, or null */
    String fixedAuthorization() {
        return fixedAuthorization;
    }

    /** @return {@code METHOD path}, the prefix of every message about this call */
    @Override
    public String toString() {
        return method + " " + path;
    }

    /** Builds a {@link Call}. */
    public static final class Builder {
        private final String method;
        private final URI uri;
        private String path;
        private String template;
        private byte[] body;
        private String contentType;
        private boolean idempotent;
        private String fixedAuthorization;

        private Builder(String method, URI uri) {
            this.method = method;
            this.uri = uri;
        }

        /**
         * The path named in logs and messages (default: the URI's path).
         *
         * @param path the path
         * @return this builder
         */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /**
         * The path template reported to listeners (default: the path).
         *
         * @param template the template
         * @return this builder
         */
        public Builder template(String template) {
            this.template = template;
            return this;
        }

        /**
         * The body (default: none).
         *
         * @param body the bytes, handed over to the call (not copied)
         * @param contentType their content type
         * @return this builder
         */
        public Builder body(byte[] body, String contentType) {
            this.body = Objects.requireNonNull(body, "body");
            this.contentType = Objects.requireNonNull(contentType, "contentType");
            return this;
        }

        /**
         * Whether the call may be resent after it may have reached the server (default: false).
         *
         * @param idempotent true for GET, PUT, DELETE and token requests
         * @return this builder
         */
        public Builder idempotent(boolean idempotent) {
            this.idempotent = idempotent;
            return this;
        }

        /**
         * Makes this a token request: sent with this {@code Authorization} header instead of a bearer
         * token, outside the client's rate limit, and a 400/401/403 maps to an authentication failure.
         *
         * @param authorization the header value (such as HTTP Basic credentials)
         * @return this builder
         */
        public Builder tokenRequest(String authorization) {
            this.fixedAuthorization = Objects.requireNonNull(authorization, "authorization");
            return this;
        }

        /** @return the call */
        public Call build() {
            return new Call(this);
        }
    }
}
