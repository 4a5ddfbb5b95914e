package dev.aurasdk.core.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** Everything logged through SLF4J in this JVM's tests, at every level down to TRACE. */
public final class CapturedLogs {
    /** One formatted log line. */
    public record Event(String logger, Level level, String message, String throwable) {
        /** The whole text of the event, including the stack trace. */
        public String text() {
            return level + " " + logger + " " + message + (throwable == null ? "" : "\n" + throwable);
        }
    }

    // a queue, not a copy-on-write list: load tests log hundreds of thousands of lines
    private static final ConcurrentLinkedQueue<Event> EVENTS = new ConcurrentLinkedQueue<>();
    private static final Map<String, Logger> LOGGERS = new ConcurrentHashMap<>();

    private CapturedLogs() {}

    static Logger logger(String name) {
        return LOGGERS.computeIfAbsent(name, Capturing::new);
    }

    /** All events so far. */
    public static List<Event> events() {
        return List.copyOf(EVENTS);
    }

    /** Events of one logger. */
    public static List<Event> events(String logger) {
        return EVENTS.stream().filter(e -> e.logger().equals(logger)).collect(Collectors.toList());
    }

    /** All captured text, one event per line. */
    public static String allText() {
        return EVENTS.stream().map(Event::text).collect(Collectors.joining("\n"));
    }

    /** Forgets captured events. */
    public static void clear() {
        EVENTS.clear();
    }

    private static final class Capturing extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        Capturing(String name) {
            this.name = name;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(
                Level level, Marker marker, String pattern, Object[] args, Throwable t) {
            String message = MessageFormatter.basicArrayFormat(pattern, args);
            String trace = null;
            if (t != null) {
                StringWriter sw = new StringWriter();
                t.printStackTrace(new PrintWriter(sw));
                trace = sw.toString();
            }
            EVENTS.add(new Event(name, level, message, trace));
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isTraceEnabled(Marker marker) {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled(Marker marker) {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled(Marker marker) {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled(Marker marker) {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled(Marker marker) {
            return true;
        }
    }
}
