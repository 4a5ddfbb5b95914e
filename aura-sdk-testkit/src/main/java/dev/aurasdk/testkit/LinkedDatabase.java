package dev.aurasdk.testkit;

/**
 * A real database linked to a fake instance (see {@link FakeInstance#linkedTo(LinkedDatabase)}): the instance's
 * {@code connection_url} is {@link #connectionUrl()}, and each import job on the instance that completes hands
 * its nodes and relationships to {@link #importCompleted(CompletedImport)}, in the numbers its progress reports,
 * before the fake first reports the job completed. The testkit itself has no database driver: implement this
 * with one (the aura-sdk-neo4j module's tests have a Neo4j driver implementation).
 */
public interface LinkedDatabase {
    /**
     * The Bolt URL to report as the instance's {@code connection_url}, such as {@code bolt://127.0.0.1:7687}.
     *
     * @return the URL
     */
    String connectionUrl();

    /**
     * Writes what a completed import job created. Called once per job, on the fake's request thread; if it
     * throws, the job ends with exit state {@code Failure} and a message naming the exception type.
     *
     * @param completed the job and its per-label and per-type counts
     */
    void importCompleted(CompletedImport completed);
}
