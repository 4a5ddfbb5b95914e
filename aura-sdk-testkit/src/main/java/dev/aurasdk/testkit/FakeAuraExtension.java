package dev.aurasdk.testkit;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that starts a fresh {@link FakeAuraServer} before each test, stops it after, and can inject
 * it as a test or lifecycle method parameter.
 *
 * <pre>{@code
 * class MyTest {
 *     @RegisterExtension
 *     final FakeAuraExtension aura = FakeAuraExtension.with(b -> b.stepMode(StepMode.AUTO).contractChecked());
 *
 *     @Test
 *     void listsInstances(FakeAuraServer server) {   // or aura.server()
 *         ... server.baseUrl() ...
 *     }
 * }
 * }</pre>
 *
 * <p>Also usable as {@code @ExtendWith(FakeAuraExtension.class)} with the default configuration. With the contract
 * check on (against the OpenAPI documents shipped in the testkit jar), a test fails after it ran when the server
 * collected any {@link FakeAuraServer#contractViolations() contract violation} (clear deliberate ones with
 * {@link FakeAuraServer#clearContractViolations()}); it fails before it runs, never skips, when the documents
 * cannot be read.
 */
public final class FakeAuraExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(FakeAuraExtension.class);

    private final Consumer<FakeAuraServerBuilder> configurer;
    private volatile FakeAuraServer current;

    /** An extension with the default configuration (see {@link FakeAuraServer#builder()}). */
    public FakeAuraExtension() {
        this(b -> {});
    }

    private FakeAuraExtension(Consumer<FakeAuraServerBuilder> configurer) {
        this.configurer = Objects.requireNonNull(configurer, "configurer");
    }

    /**
     * An extension whose servers are configured by the given function.
     *
     * @param configurer adjusts a fresh builder before each test
     * @return the extension
     */
    public static FakeAuraExtension with(Consumer<FakeAuraServerBuilder> configurer) {
        return new FakeAuraExtension(configurer);
    }

    /**
     * The server of the running test.
     *
     * @return the started server
     * @throws IllegalStateException outside a test
     */
    public FakeAuraServer server() {
        FakeAuraServer s = current;
        if (s == null) {
            throw new IllegalStateException("No fake Aura server: only available while a test runs");
        }
        return s;
    }

    /**
     * Builds and starts the server.
     *
     * @param context the JUnit context
     * @throws IllegalStateException (failing the test) when a contract check is wanted and the documents cannot be
     *     read
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        FakeAuraServerBuilder builder = FakeAuraServer.builder();
        configurer.accept(builder);
        FakeAuraServer server = builder.build();
        server.start();
        current = server;
        context.getStore(NAMESPACE).put(FakeAuraServer.class, server);
    }

    /**
     * Stops the server; fails the test when contract violations remain.
     *
     * @param context the JUnit context
     */
    @Override
    public void afterEach(ExtensionContext context) {
        FakeAuraServer server = context.getStore(NAMESPACE).remove(FakeAuraServer.class, FakeAuraServer.class);
        current = null;
        if (server == null) {
            return;
        }
        List<ContractViolation> violations = server.contractViolations();
        server.close();
        if (!violations.isEmpty() && context.getExecutionException().isEmpty()) {
            throw new AssertionError(violations.size() + " Aura API contract violation(s):\n  "
                    + violations.stream().map(ContractViolation::toString).collect(Collectors.joining("\n  ")));
        }
    }

    /**
     * Whether the parameter is a {@link FakeAuraServer}.
     *
     * @param parameterContext the parameter
     * @param extensionContext the JUnit context
     * @return true for {@code FakeAuraServer} parameters
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == FakeAuraServer.class;
    }

    /**
     * The running test's server.
     *
     * @param parameterContext the parameter
     * @param extensionContext the JUnit context
     * @return the server
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        FakeAuraServer server = extensionContext.getStore(NAMESPACE).get(FakeAuraServer.class, FakeAuraServer.class);
        if (server == null) {
            throw new ParameterResolutionException("No fake Aura server for this test: parameters can be injected"
                    + " into @Test, @BeforeEach and @AfterEach methods");
        }
        return server;
    }
}
