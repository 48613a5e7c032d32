package dev.steward.slas;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.steward.catalog.Directory;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.catalog.TeamEntry;
import dev.steward.catalog.UserEntry;
import dev.steward.slas.SlaAgreement.Evaluation;
import dev.steward.slas.internal.AgreementStore;
import dev.steward.slas.internal.AgreementStore.BreachRow;
import dev.steward.slas.internal.AgreementStore.ObjectiveRow;
import dev.steward.slas.internal.AgreementStore.Row;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks the active SLA agreements against the providers' SLI data: an objective whose
 * SLI falls below it opens a breach episode, kept open (with the lowest SLI seen) until
 * the SLI recovers, and its start is mailed to both owning teams (the team's address,
 * else each member's). Each agreement is checked in a transaction of its own, locked, so
 * concurrent checks record an episode once; mail goes out after it commits, and a failed
 * send is logged, never fatal.
 */
@Service
public class SlaBreachCheck {

	private static final Logger log = LoggerFactory.getLogger(SlaBreachCheck.class);

	private final AgreementStore store;

	private final AgreementEvaluation evaluation;

	private final ServiceCatalog services;

	private final Directory directory;

	private final TransactionTemplate transactions;

	private final ObjectProvider<JavaMailSender> mail;

	private final String mailFrom;

	private final String baseUrl;

	private final Clock clock;

	SlaBreachCheck(AgreementStore store, AgreementEvaluation evaluation, ServiceCatalog services, Directory directory,
			TransactionTemplate transactions, ObjectProvider<JavaMailSender> mail,
			@Value("${steward.notifications.mail-from:steward@localhost}") String mailFrom,
			@Value("${steward.base-url:http://localhost:8080}") String baseUrl, Clock clock) {
		this.store = store;
		this.evaluation = evaluation;
		this.services = services;
		this.directory = directory;
		this.transactions = transactions;
		this.mail = mail;
		this.mailFrom = mailFrom;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
		this.clock = clock;
	}

	/**
	 * Checks every active agreement now; answers how many breach episodes started.
	 */
	public int checkAll() {
		Instant now = this.clock.instant();
		this.transactions.executeWithoutResult(status -> this.store.closeBreachesOfEnded(now));
		int started = 0;
		for (Row active : this.store.active()) {
			List<Evaluation> breached = this.transactions.execute(status -> check(active.id(), now));
			if (!breached.isEmpty()) {
				started += breached.size();
				notifyOwners(active, breached);
			}
		}
		return started;
	}

	/**
	 * Moves the breach episodes of one agreement; answers the objectives whose breach
	 * started now.
	 */
	private List<Evaluation> check(long id, Instant now) {
		Optional<Row> locked = this.store.lock(id).filter(row -> AgreementStatus.ACTIVE.key().equals(row.status()));
		if (locked.isEmpty()) {
			return List.of();
		}
		Row row = locked.get();
		List<ObjectiveRow> objectives = this.store.objectives(id, row.version());
		List<Evaluation> evaluations = this.evaluation.evaluate(row.provider(), objectives, now);
		Map<Integer, BreachRow> open = this.store.openBreaches(id)
			.stream()
			.collect(Collectors.toMap(BreachRow::position, Function.identity(), (a, b) -> a));
		List<Evaluation> started = new ArrayList<>();
		for (int i = 0; i < objectives.size(); i++) {
			Evaluation evaluation = evaluations.get(i);
			BreachRow episode = open.get(objectives.get(i).position());
			if (evaluation.breached() && episode == null) {
				this.store.openBreach(id, objectives.get(i), now, evaluation.sli());
				started.add(evaluation);
			}
			else if (evaluation.breached()) {
				this.store.worsen(episode.id(), evaluation.sli());
			}
			else if (episode != null) {
				this.store.closeBreach(episode.id(), now);
			}
		}
		return started;
	}

	private void notifyOwners(Row agreement, List<Evaluation> breached) {
		JavaMailSender sender = this.mail.getIfAvailable();
		Set<String> addresses = new LinkedHashSet<>();
		for (String service : List.of(agreement.provider(), agreement.consumer())) {
			this.services.findService(service)
				.flatMap(entry -> this.directory.findTeam(entry.owner()))
				.ifPresent(team -> addresses.addAll(addresses(team)));
		}
		if (sender == null) {
			log.warn("SLA agreement #{} is breached, but no mail server is configured to tell {}", agreement.id(),
					addresses);
			return;
		}
		String subject = "[Steward] SLA breach: " + agreement.provider() + " for " + agreement.consumer()
				+ " (agreement #" + agreement.id() + ")";
		String text = text(agreement, breached);
		for (String address : addresses) {
			SimpleMailMessage message = new SimpleMailMessage();
			message.setFrom(this.mailFrom);
			message.setTo(address);
			message.setSubject(subject);
			message.setText(text);
			try {
				sender.send(message);
			}
			catch (MailException ex) {
				log.warn("Could not mail the breach of SLA agreement #{} to {}: {}", agreement.id(), address,
						ex.getMostSpecificCause().toString());
			}
		}
	}

	private List<String> addresses(TeamEntry team) {
		if (team.email() != null) {
			return List.of(team.email());
		}
		return team.members()
			.stream()
			.map(member -> this.directory.findUser(member.user()).map(UserEntry::email).orElse(null))
			.filter(email -> email != null)
			.toList();
	}

	private String text(Row agreement, List<Evaluation> breached) {
		StringBuilder text = new StringBuilder();
		text.append("The SLA agreement #")
			.append(agreement.id())
			.append(" (version ")
			.append(agreement.version())
			.append(") between provider ")
			.append(agreement.provider())
			.append(" and consumer ")
			.append(agreement.consumer())
			.append(" is breached:\n\n");
		for (Evaluation evaluation : breached) {
			text.append(String.format(Locale.ROOT, "  %s over %s: %.3f %% against an objective of %s %% (SLO %s)%n",
					evaluation.indicator().key(), evaluation.window(), evaluation.sli(),
					stripped(evaluation.objective()), evaluation.slo()));
		}
		text.append("\nAgreement: ")
			.append(this.baseUrl)
			.append("/sla-agreements/")
			.append(agreement.id())
			.append('\n');
		return text.toString();
	}

	private static String stripped(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
	}

}
