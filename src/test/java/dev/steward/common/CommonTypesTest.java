package dev.steward.common;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

class CommonTypesTest {

	enum Phase implements Keyed {

		IN_PROGRESS, DONE

	}

	@Test
	void keyedEnumsUseLowerKebabCase() {
		assertThat(Phase.IN_PROGRESS.key()).isEqualTo("in-progress");
		assertThat(Keyed.fromKey(Phase.class, "in-progress")).hasValue(Phase.IN_PROGRESS);
		assertThat(Keyed.fromKey(Phase.class, "IN_PROGRESS")).isEmpty();
		assertThat(Keyed.keys(Phase.class)).containsExactly("in-progress", "done");
	}

	@Test
	void namesAreLowerCaseSlugsOfAtMost63Characters() {
		assertThat(Validation.isName("payments-api")).isTrue();
		assertThat(Validation.isName("a")).isTrue();
		assertThat(Validation.isName("a".repeat(63))).isTrue();
		assertThat(Validation.isName("a".repeat(64))).isFalse();
		assertThat(Validation.isName("-leading")).isFalse();
		assertThat(Validation.isName("trailing-")).isFalse();
		assertThat(Validation.isName("Upper")).isFalse();
		assertThat(Validation.isName("with space")).isFalse();
	}

	@Test
	void ifMatchAcceptsCurrentVersionWildcardAndWeakTags() {
		assertThatNoException().isThrownBy(() -> ETags.check(null, 3));
		assertThatNoException().isThrownBy(() -> ETags.check("\"3\"", 3));
		assertThatNoException().isThrownBy(() -> ETags.check("W/\"3\"", 3));
		assertThatNoException().isThrownBy(() -> ETags.check("\"1\", \"3\"", 3));
		assertThatNoException().isThrownBy(() -> ETags.check("*", 3));
		assertThatThrownBy(() -> ETags.check("\"2\"", 3)).isInstanceOf(PreconditionFailed.class);
	}

	@Test
	void pageKeepsLimitAndPointsCursorAtLastItem() {
		Page<String> page = Page.of(List.of("a", "b", "c"), 2, value -> value);
		assertThat(page.items()).containsExactly("a", "b");
		assertThat(Cursor.decode(page.nextCursor())).isEqualTo("b");
		assertThat(Page.of(List.of("a", "b"), 2, value -> value).nextCursor()).isNull();
	}

	@Test
	void limitIsBounded() {
		assertThat(Cursor.limit(null)).isEqualTo(Cursor.DEFAULT_LIMIT);
		assertThatThrownBy(() -> Cursor.limit(0)).isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> Cursor.limit(Cursor.MAX_LIMIT + 1)).isInstanceOf(InvalidInput.class);
	}

	@Test
	void validationCollectsEveryError() {
		Validation validation = new Validation();
		validation.name("name", "Bad Name");
		validation.zone("timeZone", "Nowhere/City");
		validation.range("tier", 5, 1, 4);
		assertThatThrownBy(validation::throwIfInvalid).isInstanceOfSatisfying(InvalidInput.class,
				ex -> assertThat(ex.errors()).extracting(InvalidInput.FieldError::field)
					.containsExactly("name", "timeZone", "tier"));
	}

	@Test
	void likePatternsEscapeWildcards() {
		assertThat(Sql.likeContains("50%_off")).isEqualTo("%50\\%\\_off%");
	}

	@Test
	void problemExtensionsCannotOverwriteTheStandardMembers() {
		assertThatThrownBy(() -> Conflict.because("No").detail("status", "done"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("status");
		assertThat(Conflict.because("No").detail("currentStatus", "done").properties()).containsEntry("currentStatus",
				"done");
	}

}
