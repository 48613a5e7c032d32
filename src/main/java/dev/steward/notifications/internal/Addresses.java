package dev.steward.notifications.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * Checks contact addresses and shows them safely: webhook and Slack URLs carry their
 * secret in the path, so only scheme, host and port are ever shown.
 */
public final class Addresses {

	public static final String EMAIL = "email";

	public static final String WEBHOOK = "webhook";

	public static final String SLACK = "slack";

	/** Every channel a contact method may use. */
	public static final List<String> CHANNELS = List.of(EMAIL, WEBHOOK, SLACK);

	private Addresses() {
	}

	/** The address as the API and the audit log may show it. */
	public static String shown(String type, String address) {
		if (EMAIL.equals(type)) {
			return address;
		}
		URI uri = URI.create(address);
		String shown = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
		boolean secret = (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
				|| uri.getRawQuery() != null;
		return secret ? shown + "/…" : shown + "/";
	}

	/**
	 * Whether {@code address} is an absolute http or https URL with a host and no user.
	 */
	public static boolean isHttpUrl(String address) {
		try {
			URI uri = new URI(address);
			return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
					&& uri.getRawUserInfo() == null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
