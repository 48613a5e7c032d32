package dev.steward.common;

import java.net.URI;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

import org.springframework.core.Ordered;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Translates every exception that reaches an API endpoint into an RFC 9457 problem
 * detail: domain exceptions by their status, unreadable or mistyped input as 400, and
 * anything unexpected as a 500 that reveals nothing but its occurrence.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(StewardException.class)
	ResponseEntity<ProblemDetail> domain(StewardException ex) {
		return problem(ex);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return problem(InvalidInput.field(ex.getName(), "has the wrong type or format"));
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException ex) {
		log.info("Refused a change that violates a database constraint: {}", ex.getMostSpecificCause().getMessage());
		return problem(Conflict.because("The change conflicts with the current state, possibly a concurrent change; "
				+ "fetch the resource and retry"));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Unexpected error", ex);
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"An unexpected error occurred; it has been logged");
		body.setTitle("Internal server error");
		return ResponseEntity.internalServerError().body(body);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex.getCause() instanceof StreamReadException parse) {
			return asObject(
					problem(InvalidInput.field("body", "is not well-formed JSON: " + parse.getOriginalMessage())));
		}
		if (ex.getCause() instanceof JacksonException mapping) {
			return asObject(
					problem(InvalidInput.field(JsonPaths.of(mapping), "has the wrong type or an unknown value")));
		}
		return asObject(problem(InvalidInput.field("body", "is missing or unreadable")));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return asObject(problem(InvalidInput.field(ex.getParameterName(), "is required")));
	}

	static ResponseEntity<ProblemDetail> problem(StewardException ex) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.status());
		if (ex instanceof TooManyRequests limited) {
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
		}
		ProblemDetail body = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		body.setTitle(ex.title());
		body.setType(URI.create("https://steward.dev/problems/" + ex.status().value()));
		for (Map.Entry<String, Object> property : ex.properties().entrySet()) {
			body.setProperty(property.getKey(), property.getValue());
		}
		return response.body(body);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
		return (ResponseEntity) response;
	}

}
