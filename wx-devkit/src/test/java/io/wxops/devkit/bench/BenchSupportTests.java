package io.wxops.devkit.bench;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BenchSupportTests {

	@Test
	void optionsComeAsNameValueOrNameEqualsValue() {
		List<String> seen = new ArrayList<>();
		boolean[] help = new boolean[1];
		BenchSupport.parseOptions(new String[] { "--rate", "200", "", "--admin-property=a.b=1s", "-h", "--seconds=30" },
				(name, value) -> seen.add(name + "|" + value), () -> help[0] = true);
		assertThat(seen).containsExactly("--rate|200", "--admin-property|a.b=1s", "--seconds|30");
		assertThat(help[0]).isTrue();
	}

	@Test
	void aMissingValueIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BenchSupport.parseOptions(new String[] { "--rate" }, (n, v) -> {
			}, () -> {
			}))
			.withMessage("missing value for --rate");
	}

	@Test
	void numbersAreBoundedAndMayBeGrouped() {
		assertThat(BenchSupport.positive("--rate", "1_000", 5_000)).isEqualTo(1_000);
		assertThat(BenchSupport.positive("--rate", "2,500", 5_000)).isEqualTo(2_500);
		assertThatIllegalArgumentException().isThrownBy(() -> BenchSupport.positive("--rate", "0", 5_000))
			.withMessage("--rate must be between 1 and 5000, got 0");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchSupport.positive("--rate", "fast", 5_000))
			.withMessage("--rate must be a number, got fast");
	}

	@Test
	void theLoadAverageIsThreeNumbersOrUnknown() {
		String load = BenchSupport.loadAverage();
		assertThat(load.equals("unknown") || load.matches("[0-9.]+ [0-9.]+ [0-9.]+")).as(load).isTrue();
	}

}
