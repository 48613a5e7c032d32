package dev.steward;

import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of HTTP tests of mail: each test class gets a real SMTP server of its own
 * ({@link MailInbox}) and its application sends mail there. The application must be one
 * of the class's own (its own {@code @SpringBootTest} properties, such as an in-memory
 * database of its own), since a cached one would still send to an earlier class's server.
 */
public abstract class MailApiTest extends ApiTest {

	@RegisterExtension
	protected static final MailInbox mail = new MailInbox();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		mail.springProperties().forEach((name, value) -> registry.add(name, () -> value));
	}

}
