package dev.aurasdk.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The active fault rules, in the order they were added. Thread-safe. */
public final class FaultRegistry {
    private final List<FaultRule> rules = new ArrayList<>();

    /** Adds a rule. */
    public synchronized void add(FaultRule rule) {
        rules.add(rule);
    }

    /** Removes all rules. */
    public synchronized void clear() {
        rules.clear();
    }

    /** How many rules still have requests to catch. */
    public synchronized int pending() {
        return (int) rules.stream().filter(r -> !r.exhausted()).count();
    }

    /** The first rule catching this request, consuming one of its uses. */
    public synchronized Optional<FaultRule> match(String method, String path) {
        for (FaultRule rule : rules) {
            if (rule.tryConsume(method, path)) {
                rules.removeIf(FaultRule::exhausted);
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
