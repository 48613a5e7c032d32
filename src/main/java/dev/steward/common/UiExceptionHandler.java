package dev.steward.common;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Renders domain exceptions raised by {@link WebPage} controllers as an HTML error page.
 */
@ControllerAdvice(annotations = WebPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UiExceptionHandler {

	@ExceptionHandler(StewardException.class)
	ModelAndView domain(StewardException ex) {
		ModelAndView page = new ModelAndView("error");
		page.setStatus(ex.status());
		page.addObject("status", ex.status().value());
		page.addObject("error", ex.title());
		page.addObject("message", ex.getMessage());
		return page;
	}

}
