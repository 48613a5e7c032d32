package dev.steward.common;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class DurableTimersTest {

	/** Data such as an escalation timer would carry. */
	record Escalation(long incident, int level, Instant since, List<String> users) {
	}

	private final DurableTimers.JsonTaskData data = new DurableTimers.JsonTaskData(JsonMapper.builder().build());

	@Test
	void taskDataIsStoredAsJsonAndReadBack() {
		Escalation escalation = new Escalation(42, 2, Instant.parse("2027-01-04T09:00:00.123Z"), List.of("ana"));
		byte[] stored = this.data.serialize(escalation);
		assertThat(new String(stored))
			.isEqualTo("{\"incident\":42,\"level\":2,\"since\":\"2027-01-04T09:00:00.123Z\",\"users\":[\"ana\"]}");
		assertThat(this.data.deserialize(Escalation.class, stored)).isEqualTo(escalation);
	}

	@Test
	void timersWithoutDataStoreNothing() {
		assertThat(this.data.serialize(null)).isNull();
		assertThat(this.data.deserialize(Void.class, null)).isNull();
	}

}
