package io.wxops.admin.web;

import java.util.Map;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.stereotype.Component;

/**
 * Describes uploads as multipart/form-data. The upload endpoints take any content type
 * (so the access check runs first and a wrong body is a 400 naming 'file', not a 415
 * before sign-in is checked); springdoc would then list their body as application/json. A
 * body whose properties include a binary part is moved to multipart/form-data.
 */
@Component
class MultipartUploadsDocumentation implements OpenApiCustomizer {

	@Override
	public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().values().forEach((item) -> item.readOperations().forEach((operation) -> {
			if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
				return;
			}
			Content content = operation.getRequestBody().getContent();
			MediaType json = content.get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
			if (json != null && hasBinaryPart(json.getSchema())) {
				content.remove(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
				content.addMediaType(org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE, json);
			}
		}));
	}

	private static boolean hasBinaryPart(Schema<?> schema) {
		if (schema == null || schema.getProperties() == null) {
			return false;
		}
		for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
			Schema<?> part = property.getValue();
			// OpenAPI 3.0 writes a file as format binary, 3.1 as a contentMediaType.
			if ("binary".equals(part.getFormat()) || part.getContentMediaType() != null) {
				return true;
			}
		}
		return false;
	}

}
