package io.wxops.admin.article;

import java.io.IOException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wxops.admin.security.AllowAnyPerson;
import io.wxops.admin.security.Allow;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Articles")
class ImageController {

	private final ImageService service;

	ImageController(ImageService service) {
		this.service = service;
	}

	@PostMapping("/api/articles/{id}/images")
	@Allow(Role.EDITOR)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Upload an image",
			description = "kind=COVER (permanent material, at most 10 MB; set its id as coverImageId) or BODY (an image "
					+ "in the text, at most 1 MB; put its url in the HTML). JPEG only, as the rules require. Send it as "
					+ "multipart/form-data with the image in part 'file'; any other body is a 400 naming 'file'. The "
					+ "body may refer only to images uploaded here (src, data-src, srcset, CSS url(), SVG href): any "
					+ "other image is an IMAGE_NOT_UPLOADED finding.")
	ImageService.ImageView upload(Caller caller, @PathVariable long id, @RequestParam String kind,
			@RequestPart("file") MultipartFile file) {
		try {
			return this.service.upload(caller, id, kind, file.getOriginalFilename(), file.getBytes());
		}
		catch (IOException ex) {
			throw ApiException.invalid("file", "the upload could not be read");
		}
	}

	@GetMapping("/api/articles/{id}/images")
	@AllowAnyPerson
	@Operation(summary = "The article's uploaded images")
	List<ImageService.ImageView> list(Caller caller, @PathVariable long id) {
		return this.service.list(caller, id);
	}

}
