package dev.steward.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import dev.steward.audit.AuditTrail;
import dev.steward.catalog.Directory;
import dev.steward.common.Conflict;
import dev.steward.common.NotFound;
import dev.steward.common.Upsert;
import dev.steward.common.Validation;
import dev.steward.notifications.internal.Addresses;
import dev.steward.notifications.internal.SettingsStore;
import dev.steward.notifications.internal.SettingsStore.Method;
import dev.steward.notifications.internal.SettingsStore.Rule;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's contact methods and notification rules. Every user can be reached by the
 * implicit email method {@value #DEFAULT} at their catalog address (unless they define a
 * method of that name), and a user without rules is emailed there at once.
 */
@Service
@Transactional
public class NotificationSettings {

	/** The name of the contact method every user has. */
	public static final String DEFAULT = "default";

	private static final List<String> TYPES = Addresses.CHANNELS;

	static final List<String> URGENCIES = List.of("high", "low");

	private static final Duration MAX_AFTER = Duration.ofDays(1);

	private static final int MAX_RULES = 20;

	private static final List<Rule> DEFAULT_RULES = List.of(new Rule(Duration.ZERO, DEFAULT, null));

	private final SettingsStore store;

	private final Directory directory;

	private final AuditTrail audit;

	private final Clock clock;

	NotificationSettings(SettingsStore store, Directory directory, AuditTrail audit, Clock clock) {
		this.store = store;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	/** The user's contact methods by name, the implicit {@value #DEFAULT} among them. */
	@Transactional(readOnly = true)
	public List<ContactMethod> contactMethods(String user) {
		this.directory.user(user);
		List<Method> methods = new ArrayList<>(this.store.methods(user));
		if (methods.stream().noneMatch(method -> method.name().equals(DEFAULT))) {
			methods.add(implicitDefault(user));
		}
		return methods.stream().sorted(Comparator.comparing(Method::name)).map(NotificationSettings::shown).toList();
	}

	public Upsert<ContactMethod> setContactMethod(String user, String name, ContactMethodRequest request) {
		this.directory.user(user);
		Validation validation = new Validation();
		validation.name("name", name);
		if (validation.required("type", request.type())) {
			validation.oneOf("type", request.type(), TYPES);
		}
		if (validation.required("address", request.address())) {
			validation.maxLength("address", request.address(), 2000);
			if (Addresses.EMAIL.equals(request.type())) {
				validation.email("address", request.address());
			}
			else if (TYPES.contains(request.type()) && !Addresses.isHttpUrl(request.address())) {
				validation.error("address", "must be an http or https URL");
			}
			else if (request.address().contains("…")) {
				validation.error("address", "is shown without its secret part; give the whole address");
			}
		}
		validation.throwIfInvalid();
		Optional<Method> before = this.store.method(user, name);
		Method method = new Method(name, request.type(), request.address());
		boolean created = this.store.putMethod(user, method, this.clock.instant());
		ContactMethod after = shown(method);
		this.audit.record(created ? "contact-method.created" : "contact-method.updated", target(user, name), null,
				before.map(NotificationSettings::shown).orElse(null), after);
		return new Upsert<>(after, created);
	}

	/**
	 * Whether the user's contact method {@code name} (the implicit {@value #DEFAULT} too)
	 * already is as {@code declared}: the same type, and the stored address or the form
	 * it is shown in, so that a declaration written from an export matches.
	 */
	@Transactional(readOnly = true)
	public boolean isAsDeclared(String user, String name, ContactMethodRequest declared) {
		return contactMethod(user, name).filter(method -> method.type().equals(declared.type()))
			.filter(method -> method.address().equals(declared.address())
					|| Addresses.shown(method.type(), method.address()).equals(declared.address()))
			.isPresent();
	}

	public void deleteContactMethod(String user, String name) {
		this.directory.user(user);
		Method before = this.store.method(user, name)
			.orElseThrow(() -> NotFound.because("User '" + user + "' has no contact method named '" + name + "'"));
		List<Rule> rules = this.store.rules(user);
		List<Integer> using = IntStream.range(0, rules.size())
			.filter(i -> rules.get(i).contactMethod().equals(name))
			.boxed()
			.toList();
		if (!using.isEmpty() && !name.equals(DEFAULT)) {
			throw Conflict
				.because("Contact method '" + name + "' is used by " + using.size()
						+ " notification rule(s); change the rules first")
				.detail("rules", using);
		}
		this.store.deleteMethod(user, name);
		this.audit.record("contact-method.deleted", target(user, name), null, shown(before), null);
	}

	/**
	 * The user's rules; a user without rules has the one rule "email default at once".
	 */
	@Transactional(readOnly = true)
	public NotificationRules rules(String user) {
		this.directory.user(user);
		return view(effectiveRules(user));
	}

	/** The rules of a user who has none of their own: email {@value #DEFAULT} at once. */
	public static NotificationRules defaultRules() {
		return view(DEFAULT_RULES);
	}

	/** Replaces all of the user's rules; no rules means the default rule. */
	public NotificationRules replaceRules(String user, NotificationRules request) {
		this.directory.user(user);
		List<NotificationRule> requested = request.rules() == null ? List.of() : request.rules();
		Validation validation = new Validation();
		List<Rule> rules = new ArrayList<>();
		if (requested.size() > MAX_RULES) {
			validation.error("rules", "must have at most " + MAX_RULES + " rules");
		}
		else {
			for (int i = 0; i < requested.size(); i++) {
				check(validation, "rules[" + i + "]", requested.get(i), user).ifPresent(rules::add);
			}
		}
		if (validation.isValid() && !rules.isEmpty()) {
			for (String urgency : URGENCIES) {
				if (rules.stream().noneMatch(rule -> rule.matches(urgency))) {
					validation.error("rules", "must notify for " + urgency
							+ " urgency too (a rule without urgency applies to both), or nobody would be paged");
				}
			}
		}
		validation.throwIfInvalid();
		NotificationRules before = view(effectiveRules(user));
		this.store.replaceRules(user, rules);
		NotificationRules after = view(effectiveRules(user));
		this.audit.record("notification-rules.updated", user + "/notification-rules", null, before, after);
		return after;
	}

	/** The rules that apply to the user, the default rule when they stored none. */
	List<Rule> effectiveRules(String user) {
		List<Rule> rules = this.store.rules(user);
		return rules.isEmpty() ? DEFAULT_RULES : rules;
	}

	/** The contact method a rule names, with its full address. */
	Optional<Method> contactMethod(String user, String name) {
		Optional<Method> stored = this.store.method(user, name);
		return stored.isPresent() || !name.equals(DEFAULT) ? stored : Optional.of(implicitDefault(user));
	}

	private Optional<Rule> check(Validation validation, String field, NotificationRule rule, String user) {
		if (rule == null) {
			validation.error(field, "is empty");
			return Optional.empty();
		}
		Duration after = null;
		if (validation.required(field + ".after", rule.after())) {
			after = parse(rule.after());
			if (after == null || after.isNegative() || after.compareTo(MAX_AFTER) > 0) {
				validation.error(field + ".after", "must be an ISO-8601 duration from PT0S to P1D");
				after = null;
			}
		}
		boolean known = false;
		if (validation.required(field + ".contactMethod", rule.contactMethod())) {
			known = DEFAULT.equals(rule.contactMethod()) || this.store.method(user, rule.contactMethod()).isPresent();
			if (!known) {
				validation.error(field + ".contactMethod", "names no contact method of '" + user + "': '"
						+ rule.contactMethod() + "'; create it first or use '" + DEFAULT + "'");
			}
		}
		validation.oneOf(field + ".urgency", rule.urgency(), URGENCIES);
		boolean valid = after != null && known && (rule.urgency() == null || URGENCIES.contains(rule.urgency()));
		return valid ? Optional.of(new Rule(after, rule.contactMethod(), rule.urgency())) : Optional.empty();
	}

	private static Duration parse(String text) {
		try {
			return Duration.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private Method implicitDefault(String user) {
		return new Method(DEFAULT, Addresses.EMAIL, this.directory.user(user).email());
	}

	private static NotificationRules view(List<Rule> rules) {
		return new NotificationRules(rules.stream()
			.map(rule -> new NotificationRule(rule.after().toString(), rule.contactMethod(), rule.urgency()))
			.toList());
	}

	private static ContactMethod shown(Method method) {
		return new ContactMethod(method.name(), method.type(), Addresses.shown(method.type(), method.address()));
	}

	private static String target(String user, String name) {
		return user + "/contact-methods/" + name;
	}

}
