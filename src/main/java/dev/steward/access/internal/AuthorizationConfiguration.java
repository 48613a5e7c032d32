package dev.steward.access.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts every handler behind the authorization interceptor. */
@Configuration(proxyBeanMethods = false)
class AuthorizationConfiguration implements WebMvcConfigurer {

	private final AuthorizationInterceptor interceptor;

	AuthorizationConfiguration(AuthorizationInterceptor interceptor) {
		this.interceptor = interceptor;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.interceptor);
	}

}
