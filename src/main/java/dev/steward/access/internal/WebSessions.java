package dev.steward.access.internal;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Web UI sessions in the database (Spring Session JDBC, tables of migration V26), so that
 * a person stays signed in whichever node the load balancer picks and when a node dies.
 * On PostgreSQL a session attribute is written as an upsert, so that two requests of one
 * session that set the same attribute at once (a CSRF token, say) cannot collide.
 */
@Configuration(proxyBeanMethods = false)
class WebSessions {

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributeUpsertOnPostgresql(DataSource dataSource)
			throws MetaDataAccessException {
		String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		return "PostgreSQL".equals(product) ? new PostgreSqlJdbcIndexedSessionRepositoryCustomizer() : repository -> {
		};
	}

}
