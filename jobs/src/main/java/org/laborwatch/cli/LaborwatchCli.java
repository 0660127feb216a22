package org.laborwatch.cli;

import org.laborwatch.job.LocalEnvironments;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code laborwatch} command line: one jar, several modes (DESIGN.md, "Modes").
 */
@Command(
        name = "laborwatch",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Watches labor-market indicators as they are published and says, with evidence, when a "
                + "safety net should scale up and when it may scale back.%n",
        subcommands = {DemoCommand.class, ComputeCommand.class, BacktestCommand.class, EbNoticeCommand.class, RunCommand.class,
            ReplayCommand.class, TriggersCommand.class, NotifyCommand.class, CommandLine.HelpCommand.class})
public final class LaborwatchCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * Runs a command. On a terminal the exit code is the command's. Submitted to a cluster
     * ({@code flink run}, application mode) {@code main} returns instead: there the job runs on after
     * {@code env.execute()} returns, and in application mode this JVM is the JobManager, which an
     * exit would take down with the job. A failure there is thrown, so Flink reports it.
     */
    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (LocalEnvironments.submittedToCluster()) {
            if (code != 0) {
                throw new IllegalStateException("laborwatch " + String.join(" ", args) + " failed with exit code " + code
                        + " (the reason is printed above)");
            }
            return;
        }
        System.exit(code);
    }

    /** The configured command line, for tests. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new LaborwatchCli());
        // The formats and metrics come from the code, so the help cannot drift from what runs.
        commandLine.getSubcommands().get("compute").getCommandSpec().usageMessage().footer(ComputeCommand.footer());
        return commandLine
                .setCaseInsensitiveEnumValuesAllowed(true)
                // A bad flag value or input is the user's to fix: say what, not a stack trace.
                .setExecutionExceptionHandler((e, cli, parsed) -> {
                    if (e instanceof IllegalArgumentException || e instanceof java.io.IOException
                            || e instanceof org.laborwatch.policy.PolicyException) {
                        cli.getErr().println("laborwatch: " + e.getMessage());
                        return 1;
                    }
                    cli.getErr().println("laborwatch: " + cli.getCommandName() + " failed: " + e
                            + FrameworkLog.seeTheLog());
                    throw e;
                });
    }
}
