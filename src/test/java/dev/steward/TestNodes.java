package dev.steward;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Steward nodes that a test starts itself: real application instances, each with the test
 * clock and on a free port, sharing one database of their own. As a JUnit extension
 * ({@code @RegisterExtension final TestNodes nodes = new TestNodes();}) it stops them all
 * and drops the database after each test.
 */
public final class TestNodes implements AfterEachCallback {

	private final NodeDatabase database = NodeDatabase.create();

	private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

	/**
	 * Starts one more node; {@code arguments} such as {@code --spring.mail.port=2525}.
	 */
	public ConfigurableApplicationContext start(String... arguments) {
		ConfigurableApplicationContext node = new SpringApplicationBuilder(Steward.class, TestClock.Configuration.class)
			.run(Stream
				.concat(Stream.of("--server.port=0", "--spring.datasource.url=" + this.database.url(),
						"--spring.datasource.username=" + this.database.user(),
						"--spring.datasource.password=" + this.database.password()), Stream.of(arguments))
				.toArray(String[]::new));
		this.nodes.add(node);
		return node;
	}

	/** The address a node listens at. */
	public static String url(ConfigurableApplicationContext node) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) node).getWebServer().getPort();
	}

	/** A client of a node with the administrator's token. */
	public static ApiClient admin(ConfigurableApplicationContext node) {
		return new ApiClient(url(node), ApiTest.ADMIN_TOKEN);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.nodes.forEach(ConfigurableApplicationContext::close);
		this.database.drop();
	}

}
