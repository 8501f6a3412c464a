package io.wxops.admin.masssend;

import io.wxops.admin.AdminApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mass send's place among the modules: it uses review, articles and accounts through
 * their public types, and none of them reaches back into it.
 */
class MassSendModuleTests {

	private static final ApplicationModules MODULES = ApplicationModules.of(AdminApplication.class);

	@Test
	void noModuleMassSendUsesDependsOnMassSend() {
		ApplicationModule massSend = module("masssend");
		massSend.getDirectDependencies(MODULES)
			.uniqueModules()
			.forEach((m) -> assertThat(m.getDirectDependencies(MODULES).contains(massSend))
				.as(m.getDisplayName() + " depends on masssend")
				.isFalse());
		assertThat(module("review").getDirectDependencies(MODULES).contains(massSend)).isFalse();
	}

	@Test
	void massSendReachesNoOtherModulesInternals() {
		assertThat(module("masssend").detectDependencies(MODULES).getMessages()).isEmpty();
	}

	private static ApplicationModule module(String name) {
		return MODULES.getModuleByName(name).orElseThrow();
	}

}
