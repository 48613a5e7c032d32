package dev.steward.access;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.steward.ApiTest;
import dev.steward.common.Allow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secure by default: a mutating endpoint that some later change adds without an
 * authorization rule fails this test (and is refused at run time).
 */
class AuthorizationCoverageTests extends ApiTest {

	private static final Set<RequestMethod> READING = Set.of(RequestMethod.GET, RequestMethod.HEAD,
			RequestMethod.OPTIONS, RequestMethod.TRACE);

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyMutatingHandlerCarriesAnAuthorizationRule() {
		List<String> unguarded = this.mappings.getHandlerMethods()
			.entrySet()
			.stream()
			.filter(entry -> isMutating(entry.getKey()))
			.filter(entry -> entry.getValue().getBeanType().getPackageName().startsWith("dev.steward"))
			.filter(entry -> !entry.getValue().hasMethodAnnotation(Allow.class))
			.map(Map.Entry::getKey)
			.map(Object::toString)
			.toList();
		assertThat(unguarded).as("mutating handlers without @Allow").isEmpty();
	}

	@Test
	void findsTheMutatingHandlersItGuards() {
		long mutating = this.mappings.getHandlerMethods()
			.entrySet()
			.stream()
			.filter(entry -> isMutating(entry.getKey()))
			.map(Map.Entry::getValue)
			.map(HandlerMethod::getMethod)
			.filter(method -> method.isAnnotationPresent(Allow.class))
			.count();
		assertThat(mutating).isGreaterThan(30);
	}

	private static boolean isMutating(RequestMappingInfo info) {
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		return methods.isEmpty() || methods.stream().anyMatch(method -> !READING.contains(method));
	}

}
