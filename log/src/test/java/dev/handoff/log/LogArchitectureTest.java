package dev.handoff.log;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Instant;

@AnalyzeClasses(packages = "dev.handoff.log", importOptions = ImportOption.DoNotIncludeTests.class)
class LogArchitectureTest {

    @ArchTest
    static final ArchRule storageDoesNotDependOnNetty = noClasses()
            .that().resideInAPackage("dev.handoff.log..")
            .should().dependOnClassesThat().resideInAPackage("io.netty..");

    /** Time is passed in ({@code nowMs}) so roll, retention and flush decisions are deterministic. */
    @ArchTest
    static final ArchRule storageNeverReadsTheClock = noClasses()
            .that().resideInAPackage("dev.handoff.log..")
            .should().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().callMethod(Instant.class, "now")
            .orShould().callMethod(Thread.class, "sleep", long.class);
}
