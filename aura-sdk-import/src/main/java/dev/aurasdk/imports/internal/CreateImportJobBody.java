package dev.aurasdk.imports.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.aurasdk.imports.CreateImportJob;

/**
 * The wire body of {@code POST …/import/jobs}: the one camelCase body of the Aura API, so every name
 * is explicit (the shared mapper is snake_case). Absent credentials are left out, never sent as
 * {@code ""}. Has no {@code toString()} that could print the password. Not API.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"importModelId", "auraCredentials", "importConfig"})
public final class CreateImportJobBody {
    private final String importModelId;
    private final Credentials auraCredentials;
    private final Config importConfig;

    private CreateImportJobBody(String importModelId, Credentials auraCredentials, Config importConfig) {
        this.importModelId = importModelId;
        this.auraCredentials = auraCredentials;
        this.importConfig = importConfig;
    }

    /**
     * The body for a request.
     *
     * @param request the validated request
     * @return the body
     */
    public static CreateImportJobBody of(CreateImportJob request) {
        return new CreateImportJobBody(
                request.importModelId(),
                new Credentials(
                        request.instanceId(),
                        request.instanceUser().orElse(null),
                        request.instancePassword().orElse(null)),
                new Config(request.importType().value()));
    }

    /** @return {@code importModelId} */
    @JsonProperty("importModelId")
    public String importModelId() {
        return importModelId;
    }

    /** @return {@code auraCredentials} */
    @JsonProperty("auraCredentials")
    public Credentials auraCredentials() {
        return auraCredentials;
    }

    /** @return {@code importConfig} */
    @JsonProperty("importConfig")
    public Config importConfig() {
        return importConfig;
    }

    /** {@code auraCredentials}: {@code dbId} and, for Free/VDC instances, {@code user}/{@code password}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"dbId", "user", "password"})
    public static final class Credentials {
        private final String dbId;
        private final String user;
        private final String password;

        Credentials(String dbId, String user, String password) {
            this.dbId = dbId;
            this.user = user;
            this.password = password;
        }

        /** @return {@code dbId} */
        @JsonProperty("dbId")
        public String dbId() {
            return dbId;
        }

        /** @return {@code user}, or null to omit it */
        @JsonProperty("user")
        public String user() {
            return user;
        }

        /** @return {@code password}, or null to omit it */
        @JsonProperty("password")
        public String password() {
            return password;
        }

        @Override
        public String toString() {
            return "Credentials{dbId=" + dbId + ", user=" + user + ", password=" + (password == null ? "-" : "****")
                    + "}";
        }
    }

    /** {@code importConfig}: {@code importType}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Config {
        private final String importType;

        Config(String importType) {
            this.importType = importType;
        }

        /** @return {@code importType} */
        @JsonProperty("importType")
        public String importType() {
            return importType;
        }
    }

    @Override
    public String toString() {
        return "CreateImportJobBody{importModelId=" + importModelId + ", auraCredentials=" + auraCredentials
                + ", importType=" + importConfig.importType() + "}";
    }
}
