package dev.aurasdk.examples;

import dev.aurasdk.core.spi.UserAgent;
import picocli.CommandLine.IVersionProvider;

/** {@code --version} of every example: the SDK version and the Java runtime. */
final class SdkVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "Aura SDK for Java " + UserAgent.sdkVersion() + " (Java " + System.getProperty("java.version") + ")"
        };
    }
}
