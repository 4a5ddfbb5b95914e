package dev.aurasdk.testkit;

/**
 * How long-running resources (import jobs, GraphQL Data APIs) move through their states.
 *
 * <p>A resource advances in <em>ticks</em> (see {@link FakeAuraServerBuilder#tick(java.time.Duration)}, one second
 * by default). The mode decides what makes ticks pass.
 */
public enum StepMode {
    /**
     * Virtual time only: state advances only when the test moves the clock with
     * {@link FakeAuraServer#advance(java.time.Duration)}. Tests never sleep. The default for tests.
     */
    MANUAL,
    /**
     * Each GET of an import job or a Data API advances that resource one step after answering (an import job by a
     * quarter of its run, so any job completes within five polls; a Data API transition by one tick), so example
     * programs finish quickly. Moving the virtual clock advances resources too.
     */
    AUTO,
    /**
     * The clock follows real time (plus whatever {@link FakeAuraServer#advance(java.time.Duration)} added), so
     * resources advance by themselves. Used by the standalone server.
     */
    WALL_CLOCK
}
