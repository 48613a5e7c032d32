package dev.steward.common;

import java.util.List;

/**
 * A module that finds STOSA violations in its own records (direct access to another
 * service's data, use of an API past its sunset) contributes them as a bean; the catalog
 * lists them all without depending on those modules.
 */
public interface ViolationSource {

	/** Every violation this module finds now. */
	List<Violation> violations();

}
