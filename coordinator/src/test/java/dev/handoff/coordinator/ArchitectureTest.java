package dev.handoff.coordinator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.time.Instant;
import java.util.Random;
import java.util.UUID;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The coordinator core is pure: no network, files or Netty, and no hidden time, randomness or sleeping (anchors
 * §2.3 and §9). Time comes from the injected clock, ids from the injected generator.
 */
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.handoff.coordinator");

    @Test
    void coreDoesNoIo() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.handoff.coordinator..")
            .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "java.nio.channels..", "java.net..")
            .orShould().dependOnClassesThat().haveNameMatching("java\\.io\\.File.*");
        rule.check(CORE);
    }

    @Test
    void coreTakesTimeAndRandomnessOnlyFromItsInputs() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.handoff.coordinator..")
            .should().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().callMethod(Instant.class, "now")
            .orShould().callMethod(UUID.class, "randomUUID")
            .orShould().callConstructor(Random.class)
            .orShould().callMethod(Thread.class, "sleep", long.class);
        rule.check(CORE);
    }
}
