package dev.steward.web;

import dev.steward.common.WebPage;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page leads to the service catalog, the heart of Steward. */
@WebPage
class HomePage {

	@GetMapping("/")
	String home() {
		return "redirect:/services";
	}

}
