package org.carelog.infra.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the module rules of docs/architecture.md true. */
class ArchitectureTest {

    static JavaClasses carelog;

    @BeforeAll
    static void importCarelog() {
        carelog = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.carelog");
    }

    @Test
    void sharedApiIsPlainJavaWithAxonAnnotationsAndValueLibrariesOnly() {
        classes()
                .that()
                .resideInAPackage("org.carelog.api..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "org.carelog.api..",
                        "org.axonframework.modelling.command..",
                        "org.axonframework.serialization..",
                        "com.google.i18n.phonenumbers..",
                        "com.ibm.icu..",
                        "org.apache.commons.text..",
                        "org.joda.money..")
                .check(carelog);
    }

    @Test
    void commandSideNeverReadsProjectionsOrQueries() {
        noClasses()
                .that()
                .resideInAPackage("org.carelog.command..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.carelog.projection..", "org.carelog.query..", "org.carelog.infra..")
                .check(carelog);
    }

    @Test
    void projectionsNeverSendCommandsNorKnowTheQuerySide() {
        noClasses()
                .that()
                .resideInAPackage("org.carelog.projection..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.carelog.command..",
                        "org.carelog.query..",
                        "org.carelog.infra..",
                        "org.axonframework.commandhandling..")
                .check(carelog);
    }

    @Test
    void querySideDependsOnSharedApiAndProjectionsOnly() {
        noClasses()
                .that()
                .resideInAPackage("org.carelog.query..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.carelog.command..", "org.carelog.infra..")
                .check(carelog);
    }

    @Test
    void onlyInfraKnowsTheDatabase() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.carelog.infra..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "java.sql..", "javax.sql..", "org.postgresql..", "org.springframework.jdbc..", "io.zonky..")
                .check(carelog);
    }

    @Test
    void everyEventCarriesARevisionFromItsFirstDay() {
        List<String> unrevised = carelog.stream()
                .flatMap(c -> c.getMethods().stream())
                .filter(m -> m.isAnnotatedWith(EventHandler.class) || m.isAnnotatedWith(EventSourcingHandler.class))
                .map(JavaMethod::getRawParameterTypes)
                .filter(parameters -> !parameters.isEmpty())
                .map(parameters -> parameters.get(0))
                // a handler of an interface (PatientRecordEvent) handles every event type implementing it
                .flatMap(event -> event.isInterface()
                        ? event.getAllSubclasses().stream().filter(c -> !c.isInterface())
                        : java.util.stream.Stream.of(event))
                .filter(event -> !event.isAnnotatedWith(Revision.class))
                .map(event -> event.getName())
                .distinct()
                .toList();
        assertThat(unrevised).isEmpty();
    }
}
