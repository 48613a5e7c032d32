package dev.steward.common;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Sends a refused or invalid form post back to its page as messages ({@code problems} in
 * the flash of the redirect that answers it) rather than as an error page.
 */
public final class FormRefusals {

	private FormRefusals() {
	}

	/**
	 * Puts the refusal's messages, one per invalid field or else its detail, into the
	 * flash of the redirect that answers the current request.
	 */
	public static void flash(StewardException refusal, HttpServletRequest request) {
		List<String> problems = refusal instanceof InvalidInput invalid
				? invalid.errors().stream().map(error -> error.field() + ": " + error.message()).toList()
				: List.of(refusal.getMessage());
		RequestContextUtils.getOutputFlashMap(request).put("problems", problems);
	}

}
