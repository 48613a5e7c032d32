package dev.steward.common;

import java.util.Optional;

/**
 * A part of a service's web page that another module draws, such as the deployment gate
 * or the service's deployments. The catalog owns the page but may use no module that
 * builds on it, so each such module contributes a part as a bean; the page shows the
 * parts in their {@link org.springframework.core.annotation.Order order}.
 */
public interface ServicePagePart {

	/** Where on the page the part goes. */
	Place place();

	/** What the part shows of the service, or empty when it has nothing to show. */
	Optional<View> view(String service);

	/** A place on the service's page. */
	enum Place {

		/** Under the title, for what someone opening the page must see first. */
		BANNER,
		/** A section of the page's body, after the service's dependencies. */
		SECTION

	}

	/**
	 * A part as drawn: the fragment {@code part(data)} of the template {@code template},
	 * given {@code data}.
	 */
	record View(String template, Object data) {
	}

}
