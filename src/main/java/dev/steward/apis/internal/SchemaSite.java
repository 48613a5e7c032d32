package dev.steward.apis.internal;

/**
 * Where a schema is used: its location in path notation ({@code POST /pets request body
 * application/json}), how messages name it ({@code the request body}), whether clients
 * send it or receive it, and whether it is a parameter's.
 */
record SchemaSite(String location, String subject, Flow flow, boolean parameter) {

	/** Which way the data described by a schema travels. */
	enum Flow {

		/** Sent by clients: the server must keep accepting what it accepted. */
		REQUEST,

		/** Received by clients: the server must not send what clients do not expect. */
		RESPONSE

	}

	/**
	 * The path of a place inside the schema: {@code location} for the schema itself,
	 * {@code location items} for the items of an array schema, {@code location property
	 * a.b[].c} for a property ({@code []} steps into array items, {@code {}} into the
	 * values of a map).
	 */
	String path(String pointer) {
		if (pointer.isEmpty()) {
			return this.location;
		}
		return this.location + (pointer.replace("[]", "").isEmpty() ? " items" : " property " + pointer);
	}

	/** How a message names a place inside the schema, capitalised to start a sentence. */
	String what(String pointer) {
		if (pointer.isEmpty()) {
			return Character.toUpperCase(this.subject.charAt(0)) + this.subject.substring(1);
		}
		return (pointer.replace("[]", "").isEmpty() ? "The items of " : "Property '" + pointer + "' of ")
				+ this.subject;
	}

	boolean request() {
		return this.flow == Flow.REQUEST;
	}

}
