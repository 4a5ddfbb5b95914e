package dev.aurasdk.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An import model (as made in the Aura console's import tool) to seed into the fake
 * (see {@link Seeder#importModel(FakeImportModel)}).
 *
 * <p>A job created from the model is {@code Queued} for one tick, then {@code Running} for
 * {@link #durationTicks(int)} ticks with node and relationship row counts growing, then {@code Completed}
 * with exit status {@code Success}, or, for a model {@link #failingWith(String) seeded to fail},
 * {@code Completed} with {@code Failure} half way through. The fake copies the model when seeded.
 */
public final class FakeImportModel {
    private final String id;
    private String name;
    private final Map<String, Long> nodes = new LinkedHashMap<>();
    private final Map<String, Long> relationships = new LinkedHashMap<>();
    private String failureMessage;
    private int durationTicks = 9;
    private String dataSourceId;
    private String dataSourceType = "postgresql";
    private String dataSourceName;
    private ProgressCurve progressCurve;

    /** The share of the work a running job reports done at each tick (see {@link #progressCurve(ProgressCurve)}). */
    @FunctionalInterface
    public interface ProgressCurve {
        /**
         * The fraction done a running job reports.
         *
         * @param tick ticks since the job was created, from 1 (the first running tick) to {@code totalTicks - 1}
         * @param totalTicks ticks from creation to completion ({@link #durationTicks()} + 1)
         * @return the fraction in [0, 1] (clamped); it need not grow steadily (noise, stalls)
         */
        double fraction(long tick, long totalTicks);
    }

    private FakeImportModel(String id) {
        this.id = FakeInstance.requireText(id, "id");
        this.name = "model-" + id;
        this.dataSourceId = id;
        this.dataSourceName = "DATA_SOURCE";
    }

    /**
     * Starts describing a model.
     *
     * @param id the model id (a UUID in Aura)
     * @return a description with no nodes or relationships yet
     */
    public static FakeImportModel of(String id) {
        return new FakeImportModel(id);
    }

    /**
     * Sets the name.
     *
     * @param value the name
     * @return this
     */
    public FakeImportModel name(String value) {
        this.name = FakeInstance.requireText(value, "name");
        return this;
    }

    /**
     * Adds a node mapping.
     *
     * @param label the node label
     * @param rows the number of source rows
     * @return this
     */
    public FakeImportModel node(String label, long rows) {
        nodes.put(FakeInstance.requireText(label, "label"), requireRows(rows));
        return this;
    }

    /**
     * Adds a relationship mapping.
     *
     * @param type the relationship type
     * @param rows the number of source rows
     * @return this
     */
    public FakeImportModel relationship(String type, long rows) {
        relationships.put(FakeInstance.requireText(type, "type"), requireRows(rows));
        return this;
    }

    /**
     * Makes every job of this model fail half way with the given message.
     *
     * @param message the {@code exit_status.message}
     * @return this
     */
    public FakeImportModel failingWith(String message) {
        this.failureMessage = FakeInstance.requireText(message, "message");
        return this;
    }

    /**
     * Sets how many ticks a job spends {@code Running} (default 9, so a job takes 10 ticks in all).
     *
     * @param ticks at least 1
     * @return this
     */
    public FakeImportModel durationTicks(int ticks) {
        if (ticks < 1) {
            throw new IllegalArgumentException("durationTicks must be at least 1");
        }
        this.durationTicks = ticks;
        return this;
    }

    /**
     * Sets what a running job reports as done at each tick, instead of the default straight line
     * ({@code tick / totalTicks}): for noisy progress or stalls. The job still completes after
     * {@link #durationTicks()} running ticks; a fraction of 1 or more is reported as just below 1.
     *
     * @param curve the curve
     * @return this
     */
    public FakeImportModel progressCurve(ProgressCurve curve) {
        this.progressCurve = Objects.requireNonNull(curve, "curve");
        return this;
    }

    /**
     * The progress curve, when set.
     *
     * @return the curve, or empty for the default straight line
     */
    public Optional<ProgressCurve> progressCurve() {
        return Optional.ofNullable(progressCurve);
    }

    /**
     * Describes the data source reported in {@code data_source}.
     *
     * @param sourceId the data source id
     * @param type e.g. {@code postgresql}
     * @param sourceName e.g. {@code AWS_POSTGRES_FLIGHTS}
     * @return this
     */
    public FakeImportModel dataSource(String sourceId, String type, String sourceName) {
        this.dataSourceId = FakeInstance.requireText(sourceId, "sourceId");
        this.dataSourceType = FakeInstance.requireText(type, "type");
        this.dataSourceName = FakeInstance.requireText(sourceName, "sourceName");
        return this;
    }

    /**
     * The id.
     *
     * @return the model id
     */
    public String id() {
        return id;
    }

    /**
     * The name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Node labels and their row counts, in insertion order.
     *
     * @return an unmodifiable map
     */
    public Map<String, Long> nodes() {
        return Collections.unmodifiableMap(nodes);
    }

    /**
     * Relationship types and their row counts, in insertion order.
     *
     * @return an unmodifiable map
     */
    public Map<String, Long> relationships() {
        return Collections.unmodifiableMap(relationships);
    }

    /**
     * The failure message, when seeded to fail.
     *
     * @return the message, or empty for a model whose jobs succeed
     */
    public Optional<String> failureMessage() {
        return Optional.ofNullable(failureMessage);
    }

    /**
     * Ticks spent running.
     *
     * @return the duration in ticks
     */
    public int durationTicks() {
        return durationTicks;
    }

    /**
     * The data source id.
     *
     * @return the id
     */
    public String dataSourceId() {
        return dataSourceId;
    }

    /**
     * The data source type.
     *
     * @return e.g. {@code postgresql}
     */
    public String dataSourceType() {
        return dataSourceType;
    }

    /**
     * The data source name.
     *
     * @return the name
     */
    public String dataSourceName() {
        return dataSourceName;
    }

    FakeImportModel copy() {
        FakeImportModel c = new FakeImportModel(id);
        c.name = name;
        c.nodes.putAll(nodes);
        c.relationships.putAll(relationships);
        c.failureMessage = failureMessage;
        c.durationTicks = durationTicks;
        c.dataSourceId = dataSourceId;
        c.dataSourceType = dataSourceType;
        c.dataSourceName = dataSourceName;
        c.progressCurve = progressCurve;
        return c;
    }

    private static long requireRows(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative");
        }
        return rows;
    }

    /**
     * Describes the model.
     *
     * @return id, name and whether it fails
     */
    @Override
    public String toString() {
        return "FakeImportModel[" + id + " '" + name + "'" + (failureMessage == null ? "" : ", failing") + "]";
    }
}
