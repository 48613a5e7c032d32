package dev.steward.access.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.steward.access.CreatedToken;
import dev.steward.access.StewardPrincipal;
import dev.steward.access.Tokens;
import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.common.InvalidInput;
import dev.steward.common.WebPage;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "my tokens" page: create a token (its secret is shown once), list and revoke them.
 */
@WebPage
class TokenPages {

	private final Tokens tokens;

	TokenPages(Tokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping("/tokens")
	String tokens(Model model) {
		StewardPrincipal me = StewardPrincipal.current();
		model.addAttribute("tokens", isUser(me) ? this.tokens.of(me.name()) : List.of());
		model.addAttribute("canHaveTokens", isUser(me));
		model.addAttribute("admin", me.admin());
		return "tokens";
	}

	@Allow(value = Rule.SELF, from = "user")
	@PostMapping("/tokens")
	String create(@RequestParam String user, @RequestParam String name,
			@RequestParam(required = false) List<String> scope, @RequestParam(required = false) String narrow,
			@RequestParam(required = false) LocalDate expires, RedirectAttributes redirect) {
		List<String> scopes = new ArrayList<>(scope == null ? List.of() : scope);
		if (narrow != null && !narrow.isBlank()) {
			scopes.addAll(List.of(narrow.trim().split("[\\s,]+")));
		}
		try {
			CreatedToken token = this.tokens.create(user, name, scopes,
					expires == null ? null : expires.atStartOfDay(ZoneOffset.UTC).toInstant());
			redirect.addFlashAttribute("created", token);
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("errors", ex.errors());
		}
		return "redirect:/tokens";
	}

	@Allow(value = Rule.SELF, from = "user")
	@PostMapping("/tokens/{id}/revoke")
	String revoke(@RequestParam String user, @PathVariable String id, RedirectAttributes redirect) {
		this.tokens.revoke(user, id);
		redirect.addFlashAttribute("revoked", id);
		return "redirect:/tokens";
	}

	private static boolean isUser(StewardPrincipal me) {
		return !StewardPrincipal.BOOTSTRAP_ADMIN.equals(me.name());
	}

}
