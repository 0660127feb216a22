package org.laborwatch.cli;

import picocli.CommandLine;

/** The version from the jar manifest, or "development" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = LaborwatchCli.class.getPackage().getImplementationVersion();
        return new String[] {"laborwatch " + (v == null ? "development" : v) + ", Flink 2.2"};
    }
}
