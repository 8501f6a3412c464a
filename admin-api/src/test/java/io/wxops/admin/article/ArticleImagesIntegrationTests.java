package io.wxops.admin.article;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.ImageIO;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.SimulatorInitializer;
import io.wxops.admin.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Images are checked (JPEG, size) and uploaded to WeChat; their ids and URLs are kept.
 */
@AdminIntegrationTest
class ArticleImagesIntegrationTests {

	@Autowired
	AdminFixtures fx;

	@Autowired
	JdbcTemplate jdbc;

	Login editor;

	long article;

	@BeforeEach
	void draft() {
		Login admin = this.fx.person(Role.ADMIN);
		long account = this.fx.registerAccount(admin).get("id").asLong();
		long department = this.fx.department("宣传部");
		this.editor = this.fx.departmental(Role.EDITOR, account, department);
		Map<String, Object> req = AdminFixtures.draftBody(account, department, "图片新闻", "<p>正文</p>");
		this.article = this.fx.post("/api/articles", this.editor.token(), req).json().get("id").asLong();
	}

	@Test
	void aBodyImageIsUploadedThroughTheArticleImageUploadAndItsUrlKept() throws Exception {
		int before = SimulatorInitializer.simulator().calls("/cgi-bin/media/uploadimg");
		Response r = upload("BODY", "photo.jpg", jpeg(64, 48));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		assertThat(r.json().get("url").asString()).startsWith("https://mmbiz.qpic.cn/");
		assertThat(r.json().get("mediaId").isNull()).isTrue();
		assertThat(SimulatorInitializer.simulator().calls("/cgi-bin/media/uploadimg")).isEqualTo(before + 1);
		assertThat(this.jdbc.queryForObject("SELECT wechat_url FROM art_image WHERE id = ?", String.class,
				r.json().get("id").asLong()))
			.isEqualTo(r.json().get("url").asString());
	}

	@Test
	void aCoverBecomesPermanentMaterialAndChangesTheContentHashWhenSet() throws Exception {
		Response cover = upload("COVER", "cover.jpg", jpeg(900, 500));
		assertThat(cover.status()).as(cover.body()).isEqualTo(201);
		assertThat(cover.json().get("mediaId").asString()).startsWith("SIM_MEDIA_");
		JsonNode current = this.fx.get("/api/articles/" + this.article, this.editor.token()).json();
		Map<String, Object> req = new LinkedHashMap<>();
		req.put("title", current.get("title").asString());
		req.put("body", current.get("body").asString());
		req.put("source", current.get("source").asString());
		req.put("sensitivity", "GENERAL");
		req.put("coverImageId", cover.json().get("id").asLong());
		req.put("version", current.get("version").asInt());
		JsonNode updated = this.fx.put("/api/articles/" + this.article, this.editor.token(), req).json();
		assertThat(updated.get("coverUrl").asString()).isEqualTo(cover.json().get("url").asString());
		assertThat(updated.get("contentHash").asString()).isNotEqualTo(current.get("contentHash").asString());
		assertThat(updated.get("contentVersion").asInt()).isEqualTo(2);
	}

	@Test
	void anotherAccountsCoverIdIsRefusedOnCreateAndUpdateLikeAnAbsentOne() throws Exception {
		// account A's editor uploads a cover to A's article
		long coverOfA = upload("COVER", "cover.jpg", jpeg(300, 200)).json().get("id").asLong();
		Login admin = this.fx.person(Role.ADMIN);
		long accountB = this.fx.registerAccount(admin).get("id").asLong();
		long department = this.fx.department("宣传部");
		Login editorB = this.fx.departmental(Role.EDITOR, accountB, department);
		Map<String, Object> req = AdminFixtures.draftBody(accountB, department, "别人的封面", "<p>正文</p>");
		long articlesBefore = this.jdbc.queryForObject("SELECT COUNT(*) FROM art_article", Long.class);
		req.put("coverImageId", coverOfA);
		Response foreign = this.fx.post("/api/articles", editorB.token(), req);
		req.put("coverImageId", coverOfA + 1_000_000);
		Response absent = this.fx.post("/api/articles", editorB.token(), req);
		for (Response r : new Response[] { foreign, absent }) {
			assertThat(r.status()).as(r.body()).isEqualTo(400);
			assertThat(AdminFixtures.fieldErrors(r)).containsExactly("coverImageId");
			assertThat(r.body()).doesNotContain("mmbiz");
		}
		assertThat(foreign.json().get("errors")).isEqualTo(absent.json().get("errors"));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM art_article", Long.class)).isEqualTo(articlesBefore);
		// and on a change to B's own article
		req.remove("coverImageId");
		JsonNode own = this.fx.post("/api/articles", editorB.token(), req).json();
		req.put("version", own.get("version").asInt());
		req.put("coverImageId", coverOfA);
		Response foreignUpdate = this.fx.put("/api/articles/" + own.get("id").asLong(), editorB.token(), req);
		req.put("coverImageId", coverOfA + 1_000_000);
		Response absentUpdate = this.fx.put("/api/articles/" + own.get("id").asLong(), editorB.token(), req);
		assertThat(foreignUpdate.status()).isEqualTo(400);
		assertThat(foreignUpdate.json().get("errors")).isEqualTo(absentUpdate.json().get("errors"))
			.isEqualTo(foreign.json().get("errors"));
	}

	@Test
	void theBodyMayReferOnlyToImagesUploadedForTheArticle() throws Exception {
		String uploaded = upload("BODY", "photo.jpg", jpeg(64, 48)).json().get("url").asString();
		JsonNode current = this.fx.get("/api/articles/" + this.article, this.editor.token()).json();
		Map<String, Object> req = new LinkedHashMap<>();
		req.put("title", current.get("title").asString());
		req.put("body", "<p><img src=\"" + uploaded + "\" alt=\"运动会\"><img srcset=\"https://cdn.example/a.jpg 2x\">"
				+ "<span style=\"background:url(https://cdn.example/b.png)\">字</span></p>");
		req.put("source", current.get("source").asString());
		req.put("sensitivity", "GENERAL");
		req.put("version", current.get("version").asInt());
		assertThat(this.fx.put("/api/articles/" + this.article, this.editor.token(), req).status()).isEqualTo(200);
		Response refused = this.fx.post("/api/articles/" + this.article + "/submit", this.editor.token(), null);
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.json().get("findings").valueStream().map((f) -> f.get("excerpt").asString()).toList())
			.containsExactlyInAnyOrder("https://cdn.example/a.jpg", "https://cdn.example/b.png");
		assertThat(refused.json().get("findings").valueStream().map((f) -> f.get("rule").asString()).distinct())
			.containsExactly("IMAGE_NOT_UPLOADED");
		req.put("body", "<p><img src=\"" + uploaded + "\" alt=\"运动会\">正文</p>");
		req.put("version", current.get("version").asInt() + 1);
		assertThat(this.fx.put("/api/articles/" + this.article, this.editor.token(), req).status()).isEqualTo(200);
		Response screened = this.fx.post("/api/articles/" + this.article + "/screening", this.editor.token(), null);
		assertThat(screened.json().get("findings").valueStream().map((f) -> f.get("rule").asString()).toList())
			.doesNotContain("IMAGE_NOT_UPLOADED");
	}

	@Test
	void anImageThatIsNotJpegIsRefusedAndNothingIsUploaded() throws Exception {
		int before = SimulatorInitializer.simulator().calls("/cgi-bin/media/uploadimg");
		BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(image, "png", png);
		Response r = upload("BODY", "photo.jpg", png.toByteArray());
		assertThat(r.status()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(r)).containsExactly("file");
		assertThat(r.body()).contains("JPEG");
		assertThat(SimulatorInitializer.simulator().calls("/cgi-bin/media/uploadimg")).isEqualTo(before);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM art_image WHERE article_id = ?", Long.class,
				this.article))
			.isZero();
	}

	@Test
	void aBodyImageOverOneMegabyteIsRefused() throws Exception {
		byte[] big = new byte[1024 * 1024 + 1];
		byte[] real = jpeg(8, 8);
		System.arraycopy(real, 0, big, 0, real.length);
		Response r = upload("BODY", "big.jpg", big);
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.body()).contains("1048576");
	}

	private Response upload(String kind, String filename, byte[] bytes) {
		return this.fx.upload("/api/articles/" + this.article + "/images?kind=" + kind, this.editor.token(), filename,
				bytes);
	}

	private static byte[] jpeg(int width, int height) {
		return AdminFixtures.jpeg(width, height);
	}

}
