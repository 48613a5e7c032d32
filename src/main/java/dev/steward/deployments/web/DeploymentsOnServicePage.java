package dev.steward.deployments.web;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.steward.catalog.Directory;
import dev.steward.catalog.UserEntry;
import dev.steward.common.CurrentActor;
import dev.steward.common.Keyed;
import dev.steward.common.Page;
import dev.steward.common.ReaderTimes;
import dev.steward.common.ServicePagePart;
import dev.steward.deployments.Deployment;
import dev.steward.deployments.DeploymentStatus;
import dev.steward.deployments.Deployments;
import dev.steward.deployments.ServiceInstance;
import dev.steward.deployments.ServiceInstances;
import dev.steward.environments.EnvironmentEntry;
import dev.steward.environments.Environments;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Deployments section of a service's page: the deployments under way with their
 * progress node by node, and per environment (in promotion order) the version running and
 * the latest deployments.
 */
@Component
@Order(100)
class DeploymentsOnServicePage implements ServicePagePart {

	/** How many deployments each environment lists. */
	static final int RECENT = 5;

	/** How many deployments under way of each status the section shows at most. */
	private static final int MAX_UNDER_WAY = 50;

	private final Deployments deployments;

	private final ServiceInstances instances;

	private final Environments environments;

	private final Directory directory;

	private final Clock clock;

	DeploymentsOnServicePage(Deployments deployments, ServiceInstances instances, Environments environments,
			Directory directory, Clock clock) {
		this.deployments = deployments;
		this.instances = instances;
		this.environments = environments;
		this.directory = directory;
		this.clock = clock;
	}

	@Override
	public Place place() {
		return Place.SECTION;
	}

	@Override
	public Optional<View> view(String service) {
		List<Deployment> underWay = DeploymentStatus.UNDER_WAY.stream()
			.map(Keyed::key)
			.flatMap(
					status -> this.deployments.deployments(service, null, status, MAX_UNDER_WAY, null).items().stream())
			.sorted(Comparator.comparingLong(Deployment::id).reversed())
			.toList();
		Map<String, ServiceInstance> instances = this.instances.instances(service)
			.stream()
			.collect(Collectors.toMap(ServiceInstance::environment, Function.identity()));
		Set<String> deployedTo = new HashSet<>(instances.keySet());
		deployedTo.addAll(this.deployments.environmentsOf(service));
		List<EnvironmentDeployments> byEnvironment = this.environments.all()
			.stream()
			.filter(environment -> deployedTo.contains(environment.name()))
			.map(environment -> {
				Page<Deployment> recent = this.deployments.deployments(service, environment.name(), null, RECENT, null);
				return new EnvironmentDeployments(environment, instances.get(environment.name()), recent.items(),
						recent.nextCursor() != null);
			})
			.toList();
		ReaderTimes times = ReaderTimes.of(
				this.directory.findUser(CurrentActor.name()).map(UserEntry::timeZone).orElse(null),
				this.clock.instant());
		return Optional.of(new View("service-deployments", new ServiceDeployments(service,
				underWay.stream().map(DeploymentRow::of).toList(), byEnvironment, times)));
	}

	/** What the section shows. */
	record ServiceDeployments(String service, List<DeploymentRow> underWay, List<EnvironmentDeployments> environments,
			ReaderTimes times) {
	}

	/**
	 * One environment of the service: the instance there (null when it has none) and the
	 * latest deployments; {@code more} when there are older ones.
	 */
	record EnvironmentDeployments(EnvironmentEntry environment, ServiceInstance instance, List<Deployment> recent,
			boolean more) {
	}

	/** A deployment with its progress node by node. */
	record DeploymentRow(Deployment deployment, NodeProgress progress) {

		static DeploymentRow of(Deployment deployment) {
			return new DeploymentRow(deployment, NodeProgress.of(deployment.nodes()));
		}

	}

}
