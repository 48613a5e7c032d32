package dev.steward.access.internal;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Web UI sessions in the database (Spring Session JDBC, tables of migration V28), so that
 * a person stays signed in whichever node the load balancer picks and when a node dies. A
 * session value that this version cannot read any more (a class changed in an upgrade)
 * reads as absent, which signs the person out instead of failing their requests. On
 * PostgreSQL a value is written as an upsert, so that two requests of one session that
 * set the same value at once (a CSRF token, say) cannot collide.
 */
@Configuration(proxyBeanMethods = false)
class WebSessions {

	private static final Logger log = LoggerFactory.getLogger(WebSessions.class);

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> webSessionStorage(DataSource dataSource)
			throws MetaDataAccessException {
		boolean postgresql = "PostgreSQL"
			.equals(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
		GenericConversionService values = new GenericConversionService();
		values.addConverter(Object.class, byte[].class, new SerializingConverter());
		DeserializingConverter reader = new DeserializingConverter(getClass().getClassLoader());
		values.addConverter(byte[].class, Object.class, (byte[] bytes) -> readOrForget(reader, bytes));
		return repository -> {
			repository.setConversionService(values);
			if (postgresql) {
				new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(repository);
			}
		};
	}

	private static Object readOrForget(DeserializingConverter reader, byte[] bytes) {
		try {
			return reader.convert(bytes);
		}
		catch (SerializationFailedException ex) {
			log.info("Dropped a web session value that cannot be read any more: {}", ex.getMessage());
			return null;
		}
	}

}
