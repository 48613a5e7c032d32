package dev.steward.common;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the configured limit with 413, whether the length is
 * declared or the body is chunked. JSON and YAML bodies are buffered (they are bounded by
 * the limit) so that both the authorization rules and the handler can read them; form
 * posts are left to the servlet container, which bounds them itself.
 */
@Component
@Order(RequestBodyLimitFilter.ORDER)
public class RequestBodyLimitFilter extends OncePerRequestFilter {

	/**
	 * Its place among the servlet filters: first but one, which leaves the very first
	 * place to a filter that also sees the requests this one refuses.
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

	private final long limit;

	private final List<Pattern> largeBodyPaths;

	private final long largeBodyLimit;

	private final List<String> eventPathPrefixes;

	private final long eventBodyLimit;

	/**
	 * {@code largeBodyPaths} are endpoints that take whole batches or documents (such as
	 * a catalog apply or an API contract; {@code *} stands for one path segment) and so
	 * get {@code largeBodyLimit} instead of {@code limit}; paths starting with one of
	 * {@code eventPathPrefixes} receive monitoring events and get {@code eventBodyLimit}.
	 */
	public RequestBodyLimitFilter(@Value("${steward.http.max-body-bytes:1048576}") long limit,
			@Value("${steward.http.large-body-paths:}") Set<String> largeBodyPaths,
			@Value("${steward.http.max-large-body-bytes:67108864}") long largeBodyLimit,
			@Value("${steward.http.event-path-prefixes:}") List<String> eventPathPrefixes,
			@Value("${steward.http.max-event-body-bytes:524288}") long eventBodyLimit) {
		this.limit = limit;
		this.largeBodyPaths = largeBodyPaths.stream()
			.map(path -> Pattern
				.compile(Arrays.stream(path.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining("[^/]+"))))
			.toList();
		this.largeBodyLimit = largeBodyLimit;
		this.eventPathPrefixes = List.copyOf(eventPathPrefixes);
		this.eventBodyLimit = eventBodyLimit;
	}

	private long limitFor(String path) {
		if (this.largeBodyPaths.stream().anyMatch(pattern -> pattern.matcher(path).matches())) {
			return this.largeBodyLimit;
		}
		return this.eventPathPrefixes.stream().anyMatch(path::startsWith) ? this.eventBodyLimit : this.limit;
	}

	/** The buffered JSON body of a request that passed this filter, or an empty array. */
	public static byte[] jsonBody(HttpServletRequest request) {
		while (request instanceof HttpServletRequestWrapper wrapper) {
			if (wrapper instanceof BufferedRequest buffered) {
				return buffered.body;
			}
			request = (HttpServletRequest) wrapper.getRequest();
		}
		return new byte[0];
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long max = limitFor(request.getRequestURI());
		if (request.getContentLengthLong() > max) {
			refuse(response, max);
			return;
		}
		String type = request.getContentType();
		if (type != null && (type.toLowerCase().contains("json") || type.toLowerCase().contains("yaml"))) {
			byte[] body = readAtMost(request.getInputStream(), max);
			if (body == null) {
				refuse(response, max);
				return;
			}
			chain.doFilter(new BufferedRequest(request, body), response);
			return;
		}
		chain.doFilter(request, response);
	}

	private static void refuse(HttpServletResponse response, long max) throws IOException {
		response.setHeader("Connection", "close");
		ProblemWriter.write(response, 413, "Payload too large",
				"The request body exceeds the limit of " + max + " bytes");
	}

	/**
	 * Reads the whole stream, or answers {@code null} as soon as it exceeds {@code max}
	 * bytes.
	 */
	private static byte[] readAtMost(InputStream in, long max) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		int n;
		while ((n = in.read(buffer)) > 0) {
			if (out.size() + n > max) {
				return null;
			}
			out.write(buffer, 0, n);
		}
		return out.toByteArray();
	}

	private static final class BufferedRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("buffered bodies are read synchronously");
				}

			};
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
