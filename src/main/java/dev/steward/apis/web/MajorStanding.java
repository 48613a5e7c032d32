package dev.steward.apis.web;

import java.time.LocalDate;
import java.util.List;

import dev.steward.apis.ApiVersion;
import dev.steward.apis.VersionStatus;

/**
 * Where a major version of an API stands for its consumers: its newest live (published or
 * deprecated) version, whether every live version is deprecated and, if so, the sunset of
 * the newest and whether it has passed.
 */
record MajorStanding(int major, String newestLive, boolean deprecated, LocalDate sunset, boolean pastSunset) {

	/** The standing of {@code major} among {@code versions}, listed newest first. */
	static MajorStanding of(int major, List<ApiVersion> versions) {
		List<ApiVersion> live = versions.stream()
			.filter(version -> version.major() == major && version.status().live())
			.toList();
		if (live.isEmpty()) {
			return new MajorStanding(major, null, false, null, false);
		}
		ApiVersion newest = live.get(0);
		boolean deprecated = live.stream().allMatch(version -> version.status() == VersionStatus.DEPRECATED);
		return new MajorStanding(major, newest.version(), deprecated, deprecated ? newest.sunset() : null,
				live.stream().allMatch(ApiVersion::pastSunset));
	}

	/** Whether no version of the major is published or deprecated any more. */
	public boolean gone() {
		return this.newestLive == null;
	}

}
