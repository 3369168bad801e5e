package dev.autodev;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package-by-feature layout, kept honest. */
@AnalyzeClasses(packages = "dev.autodev",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NotGeneratedAheadOfTime.class})
class ArchitectureTest {

    /**
     * Leaves out the bean registrations the build generates for the packaged jar ({@code Foo__BeanDefinitions},
     * {@code AutodevApplication__BeanFactoryRegistrations}, ...): they wire every package to every other by design,
     * and they are in target/classes only once the project has been packaged.
     */
    static final class NotGeneratedAheadOfTime implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.matches(java.util.regex.Pattern.compile(".*/[^/]*__[^/]*\\.class"));
        }
    }

    @ArchTest
    static final ArchRule featuresDoNotDependOnEachOtherInCircles =
            slices().matching("dev.autodev.(*)..").should().beFreeOfCycles();

    /** mcp is the agents' HTTP endpoint (a servlet and its auth filter), so it may know about HTTP too. */
    @ArchTest
    static final ArchRule onlyTheWebLayerKnowsAboutHttp = noClasses()
            .that().resideOutsideOfPackages("dev.autodev.web..", "dev.autodev.mcp..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule nothingDependsOnTheWebLayer = noClasses()
            .that().resideOutsideOfPackages("dev.autodev.web..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.autodev.web..");

    /** Interactive sessions are a second way to run an agent: agents (and what is below) never reach up to them. */
    @ArchTest
    static final ArchRule interactiveSessionsSitAboveAgents = noClasses()
            .that().resideInAnyPackage("dev.autodev.agents..", "dev.autodev.jobs..", "dev.autodev.common..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.autodev.interactive..");

    /** The PTY library stays inside the interactive package. */
    @ArchTest
    static final ArchRule onlyInteractiveKnowsPty4j = noClasses()
            .that().resideOutsideOfPackage("dev.autodev.interactive..")
            .should().dependOnClassesThat().resideInAnyPackage("com.pty4j..");

    @ArchTest
    static final ArchRule commonStaysAtTheBottom = noClasses()
            .that().resideInAPackage("dev.autodev.common..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.autodev.jobs..", "dev.autodev.agents..",
                    "dev.autodev.queue..", "dev.autodev.settings..", "dev.autodev.web..");

    /** Debates are an engine on top: they create jobs through the queue's public face; only the web and batch runs know them. */
    @ArchTest
    static final ArchRule onlyTheWebLayerAndBatchesKnowDebates = noClasses()
            .that().resideOutsideOfPackages("dev.autodev.debates..", "dev.autodev.web..", "dev.autodev.batches..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.autodev.debates..");

    /** Search and the fleet views only read what other features store; only the web layer asks them anything. */
    @ArchTest
    static final ArchRule fleetViewsAreReadOnlyLeaves = noClasses()
            .that().resideOutsideOfPackages("dev.autodev.web..", "dev.autodev.search..", "dev.autodev.fleet..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.autodev.search..", "dev.autodev.fleet..");

    /** Workflows are an engine on top: they use the queue, jobs, notes and git; only the web layer knows them. */
    @ArchTest
    static final ArchRule onlyTheWebLayerKnowsWorkflows = noClasses()
            .that().resideOutsideOfPackages("dev.autodev.workflows..", "dev.autodev.web..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.autodev.workflows..");

    /** Jobs refer to templates and projects; those know nothing of jobs, runs or the queue in return. */
    @ArchTest
    static final ArchRule templatesAndProjectsKnowNothingOfJobsOrRuns = noClasses()
            .that().resideInAnyPackage("dev.autodev.templates..", "dev.autodev.projects..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.autodev.jobs..", "dev.autodev.agents..",
                    "dev.autodev.queue..", "dev.autodev.batches..");

    /** The queue reaches memory only through its own PromptMemory interface; the knowledge base sits above it. */
    @ArchTest
    static final ArchRule jobsAndTheQueueKnowNothingOfTheKnowledgeBase = noClasses()
            .that().resideInAnyPackage("dev.autodev.jobs..", "dev.autodev.queue..", "dev.autodev.agents..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.autodev.kb..", "dev.autodev.classify..");
}
