package io.wxops.devkit.simulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Reading the fields of a request body the simulated platforms take: each answers
 * {@code null} for a field that is missing or of another kind (and for a missing body),
 * so a platform answers WeChat's errcode for it rather than failing.
 */
final class SimulatorJson {

	private SimulatorJson() {
	}

	static String string(JsonObject json, String name) {
		JsonElement element = (json != null) ? json.get(name) : null;
		return (element != null && element.isJsonPrimitive()) ? element.getAsString() : null;
	}

	static Long number(JsonObject json, String name) {
		String value = string(json, name);
		if (value == null) {
			return null;
		}
		try {
			return Long.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static JsonArray array(JsonObject json, String name) {
		JsonElement element = (json != null) ? json.get(name) : null;
		return (element != null && element.isJsonArray()) ? element.getAsJsonArray() : null;
	}

}
