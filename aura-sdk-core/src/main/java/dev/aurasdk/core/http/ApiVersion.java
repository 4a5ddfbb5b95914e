package dev.aurasdk.core.http;

import java.util.Objects;
import java.util.regex.Pattern;

/** The version segment of an Aura API path ({@code v1}, {@code v1beta5}, {@code v2beta1}). */
public final class ApiVersion {
    private static final Pattern VALID = Pattern.compile("v[0-9]+(?:(?:alpha|beta)[0-9]+)?");

    /** Instances and tenants. */
    public static final ApiVersion V1 = new ApiVersion("v1");
    /** GraphQL Data APIs (and instances, tenants). */
    public static final ApiVersion V1BETA5 = new ApiVersion("v1beta5");
    /** Organizations, projects and import jobs. */
    public static final ApiVersion V2BETA1 = new ApiVersion("v2beta1");

    private final String segment;

    private ApiVersion(String segment) {
        this.segment = segment;
    }

    /**
     * A version by its path segment, for versions this SDK does not name yet.
     *
     * @param segment such as {@code v1beta6}
     * @return the version
     * @throws IllegalArgumentException when the segment is not a version
     */
    public static ApiVersion of(String segment) {
        Objects.requireNonNull(segment, "segment");
        if (!VALID.matcher(segment).matches()) {
            throw new IllegalArgumentException("not an Aura API version segment: '" + segment + "'");
        }
        return new ApiVersion(segment);
    }

    /** The path segment, such as {@code v1}. */
    public String segment() {
        return segment;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiVersion && ((ApiVersion) o).segment.equals(segment);
    }

    @Override
    public int hashCode() {
        return segment.hashCode();
    }

    @Override
    public String toString() {
        return segment;
    }
}
