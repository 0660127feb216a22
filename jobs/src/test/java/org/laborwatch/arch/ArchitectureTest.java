package org.laborwatch.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.DeadLetter;
import org.laborwatch.metrics.MetricEngine;

/**
 * The architecture of docs/architecture.md as build rules, over the production classes of both
 * modules (the jobs test classpath holds the connectors classes too):
 *
 * <ul>
 *   <li>the domain is plain Java: no Flink type in {@code metrics}, {@code trigger},
 *       {@code rollup}, {@code backtest} (jobs) nor in {@code contract}, {@code policy},
 *       {@code readers}, {@code reference} (connectors); operators and connectors own Flink;
 *   <li>{@code connectors} never reaches into {@code jobs} (Maven keeps jobs off its compile
 *       classpath; this keeps a reflective or copied dependency out too).
 * </ul>
 */
class ArchitectureTest {

    static final String[] DOMAIN = {"org.laborwatch.metrics..", "org.laborwatch.trigger..", "org.laborwatch.rollup..",
        "org.laborwatch.backtest..", "org.laborwatch.contract..", "org.laborwatch.policy..", "org.laborwatch.readers..",
        "org.laborwatch.reference.."};
    static final String[] CONNECTORS = {"org.laborwatch.contract..", "org.laborwatch.io..", "org.laborwatch.policy..",
        "org.laborwatch.readers..", "org.laborwatch.reference.."};
    static final String[] JOBS = {"org.laborwatch.backtest..", "org.laborwatch.cli..", "org.laborwatch.job..",
        "org.laborwatch.metrics..", "org.laborwatch.rollup..", "org.laborwatch.trigger.."};

    static JavaClasses classes;

    /** The two modules' production classes, from where they were loaded (a directory or a jar). */
    @BeforeAll
    static void importProductionClasses() throws Exception {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importLocations(List.of(Location.of(codeOf(MetricEngine.class)), Location.of(codeOf(DeadLetter.class))));
    }

    private static URI codeOf(Class<?> type) throws Exception {
        return type.getProtectionDomain().getCodeSource().getLocation().toURI();
    }

    /** The rules can fail: they see both modules, and the operators' package does use Flink. */
    @Test
    void theRulesSeeBothModulesAndWouldCatchAFlinkDependency() {
        for (String name : new String[] {"org.laborwatch.metrics.MetricEngine", "org.laborwatch.contract.DeadLetter",
            "org.laborwatch.io.influx.InfluxSink", "org.laborwatch.job.EvaluateTriggers"}) {
            assertTrue(classes.contain(name), name + " imported");
        }
        assertThrows(AssertionError.class, () -> noClasses().that().resideInAPackage("org.laborwatch.job..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.flink..").check(classes));
    }

    @Test
    void theDomainHasNoFlinkTypes() {
        ArchRule rule = noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.flink..")
                .because("domain logic is plain Java; Flink stays in the operators (job) and the edges (io)");
        rule.check(classes);
    }

    @Test
    void connectorsDoNotDependOnJobs() {
        ArchRule rule = noClasses().that().resideInAnyPackage(CONNECTORS)
                .should().dependOnClassesThat().resideInAnyPackage(JOBS)
                .because("connectors is the lower module: jobs builds on it, never the other way");
        rule.check(classes);
    }
}
