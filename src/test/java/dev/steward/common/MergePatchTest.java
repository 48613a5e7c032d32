package dev.steward.common;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MergePatchTest {

	private final JsonMapper json = JsonMapper.builder().build();

	private JsonNode tree(String text) {
		return this.json.readTree(text);
	}

	@Test
	void followsRfc7386() {
		assertThat(MergePatch.merge(tree("{\"a\":\"b\"}"), tree("{\"a\":\"c\"}"))).isEqualTo(tree("{\"a\":\"c\"}"));
		assertThat(MergePatch.merge(tree("{\"a\":\"b\"}"), tree("{\"b\":\"c\"}")))
			.isEqualTo(tree("{\"a\":\"b\",\"b\":\"c\"}"));
		assertThat(MergePatch.merge(tree("{\"a\":\"b\",\"b\":\"c\"}"), tree("{\"a\":null}")))
			.isEqualTo(tree("{\"b\":\"c\"}"));
		assertThat(MergePatch.merge(tree("{\"a\":[\"b\"]}"), tree("{\"a\":\"c\"}"))).isEqualTo(tree("{\"a\":\"c\"}"));
		assertThat(MergePatch.merge(tree("{\"a\":{\"b\":\"c\"}}"), tree("{\"a\":{\"b\":\"d\",\"c\":null}}")))
			.isEqualTo(tree("{\"a\":{\"b\":\"d\"}}"));
		assertThat(MergePatch.merge(tree("{\"e\":null}"), tree("{\"a\":1}"))).isEqualTo(tree("{\"e\":null,\"a\":1}"));
	}

	@Test
	void refusesPatchThatIsNoObject() {
		assertThatThrownBy(() -> MergePatch.apply(this.json, new Sample("x"), tree("[1]"), Sample.class))
			.isInstanceOf(InvalidInput.class);
	}

	@Test
	void appliesToRecords() {
		assertThat(MergePatch.apply(this.json, new Sample("x"), tree("{\"value\":\"y\"}"), Sample.class))
			.isEqualTo(new Sample("y"));
	}

	record Sample(String value) {
	}

}
