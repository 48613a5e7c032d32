package dev.steward.access.web;

import java.util.ArrayList;
import java.util.List;

import dev.steward.common.WebPage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The web UI's sign-in page: password (or API token), and a button per configured OpenID
 * Connect provider.
 */
@WebPage
class SignInPage {

	private final ObjectProvider<InMemoryClientRegistrationRepository> providers;

	SignInPage(ObjectProvider<InMemoryClientRegistrationRepository> providers) {
		this.providers = providers;
	}

	@GetMapping("/login")
	String login(Model model) {
		List<ClientRegistration> registrations = new ArrayList<>();
		this.providers.ifAvailable(repository -> repository.forEach(registrations::add));
		model.addAttribute("providers", registrations);
		return "login";
	}

}
