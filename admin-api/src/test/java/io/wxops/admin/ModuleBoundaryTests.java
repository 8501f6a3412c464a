package io.wxops.admin;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The admin API's feature boundaries. Each direct subpackage of {@code io.wxops.admin}
 * ({@code security}, {@code session}, {@code people}, {@code account}, {@code audit},
 * {@code article}, ...) is a feature module: its top-level package is its API, and its
 * subpackages ({@code internal} and any other) are private to it. A module's
 * {@code package-info} may narrow the modules it may use ({@code allowedDependencies}).
 * The build fails when a feature reaches into another's internals, uses a module it did
 * not declare, or when the modules' dependencies form a cycle. {@code web} is the shared
 * infrastructure every feature uses and depends on none; the root package holds only the
 * main class and the wiring, which no feature depends on.
 */
class ModuleBoundaryTests {

	static final ApplicationModules MODULES = ApplicationModules.of(AdminApplication.class);

	@Test
	void modulesKeepTheirBoundariesAndFormNoCycle() {
		MODULES.verify();
	}

	@Test
	void noFeatureImportsAnotherFeaturesInternals() {
		JavaClasses admin = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.wxops.admin");
		noReachIntoOtherFeaturesInternals().check(admin);
	}

	static ArchRule noReachIntoOtherFeaturesInternals() {
		return classes().that()
			.resideInAPackage("io.wxops.admin..")
			.should(new ArchCondition<>("not depend on another feature's internal package") {
				@Override
				public void check(JavaClass origin, ConditionEvents events) {
					String feature = feature(origin.getPackageName());
					for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
						String target = dependency.getTargetClass().getPackageName();
						if (target.startsWith("io.wxops.admin.")
								&& target.matches("io\\.wxops\\.admin\\.\\w+\\.internal(\\..*)?")
								&& !feature(target).equals(feature)) {
							events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
						}
					}
				}
			})
			.allowEmptyShould(true);
	}

	/** The feature a package belongs to: the segment after {@code io.wxops.admin}. */
	static String feature(String packageName) {
		String rest = packageName.startsWith("io.wxops.admin.") ? packageName.substring("io.wxops.admin.".length())
				: "";
		int dot = rest.indexOf('.');
		return (dot < 0) ? rest : rest.substring(0, dot);
	}

}
