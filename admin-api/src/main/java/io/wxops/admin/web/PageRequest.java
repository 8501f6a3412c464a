package io.wxops.admin.web;

import java.util.Map;

import com.baomidou.mybatisplus.core.metadata.IPage;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;

/**
 * A validated {@code page}/{@code size} pair from query parameters: page from 0, size 1
 * to 200 (default 20).
 */
public record PageRequest(int page, int size) {

	public static final int MAX_SIZE = 200;

	public static PageRequest of(Integer page, Integer size) {
		int p = (page != null) ? page : 0;
		int s = (size != null) ? size : 20;
		if (p < 0) {
			throw ApiException.invalid(Map.of("page", "page starts at 0"));
		}
		if (s < 1 || s > MAX_SIZE) {
			throw ApiException.invalid(Map.of("size", "size must be between 1 and " + MAX_SIZE));
		}
		return new PageRequest(p, s);
	}

	public long offset() {
		return (long) this.page * this.size;
	}

	/**
	 * This page for MyBatis-Plus's pagination interceptor (its pages count from 1), which
	 * counts the matching rows and selects the page's.
	 */
	public <T> Page<T> toPage() {
		return Page.of(this.page + 1L, this.size);
	}

	/** A MyBatis-Plus page's rows and total as this page's answer. */
	public <T> PageResult<T> result(IPage<T> found) {
		return new PageResult<>(found.getRecords(), this.page, this.size, found.getTotal());
	}

}
