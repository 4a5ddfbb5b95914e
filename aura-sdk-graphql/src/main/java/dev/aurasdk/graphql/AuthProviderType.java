package dev.aurasdk.graphql;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.aurasdk.core.model.OpenEnum;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Type of a Data API authentication provider. Open: an unknown type is kept as its string. */
public final class AuthProviderType extends OpenEnum {
    private static final Map<String, AuthProviderType> KNOWN = new ConcurrentHashMap<>();

    /** A static API key, sent by callers in the {@code x-api-key} header; Aura shows the key once. */
    public static final AuthProviderType API_KEY = known("api-key");
    /** Bearer JWTs validated against a JSON Web Key Set URL. */
    public static final AuthProviderType JWKS = known("jwks");

    private AuthProviderType(String value, boolean known) {
        super(value, known);
    }

    private static AuthProviderType known(String value) {
        AuthProviderType type = new AuthProviderType(value, true);
        KNOWN.put(value, type);
        return type;
    }

    /**
     * The type for a wire value.
     *
     * @param value the wire value, such as {@code api-key}
     * @return the known constant, or a new unknown value that keeps the string
     */
    @JsonCreator
    public static AuthProviderType of(String value) {
        AuthProviderType type = KNOWN.get(Objects.requireNonNull(value, "value"));
        return type != null ? type : new AuthProviderType(value, false);
    }
}
