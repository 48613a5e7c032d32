package dev.steward.access.web;

import dev.steward.common.WebPage;
import org.springframework.web.bind.annotation.GetMapping;

/** The web UI's sign-in page. */
@WebPage
class SignInPage {

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
