package io.wxops.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Module honesty: the gateway and the shared domain stay independent of what they must
 * not know.
 */
class ArchitectureTests {

	static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.wxops");

	@Test
	void gatewayDoesNotDependOnAdminCode() {
		noClasses().that()
			.resideInAPackage("io.wxops.gateway..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.wxops.admin..")
			.check(CLASSES);
	}

	@Test
	void sharedDomainDoesNotDependOnEitherApplication() {
		noClasses().that()
			.resideInAPackage("io.wxops.core..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.wxops.gateway..", "io.wxops.admin..", "io.wxops.devkit..")
			.check(CLASSES);
	}

	@Test
	void noOneSwitchesAccountsThroughWxJavasThreadLocal() {
		noClasses().should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("me.chanjar.weixin.mp.util.WxMpConfigStorageHolder")
			.orShould()
			.callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates
				.target(com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching("switchover.*")))
			.check(CLASSES);
	}

	@Test
	void productionCodeDoesNotUseTheDevKit() {
		noClasses().that()
			.resideInAnyPackage("io.wxops.gateway..", "io.wxops.core..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.wxops.devkit..")
			.check(CLASSES);
	}

}
