package dev.steward.deployments.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.steward.deployments.Deployment;
import dev.steward.deployments.NodeStatus;

/**
 * A deployment's progress node by node, laid out as a bar of one segment per node (SVG
 * positions in percent, so no style attribute is needed) with the counts in words.
 *
 * @param segments the nodes in the deployment's order
 */
record NodeProgress(List<Segment> segments, int updated, int updating, int failed, int pending) {

	static NodeProgress of(List<Deployment.Node> nodes) {
		List<Segment> segments = new ArrayList<>();
		int[] counts = new int[NodeStatus.values().length];
		for (int i = 0; i < nodes.size(); i++) {
			Deployment.Node node = nodes.get(i);
			counts[node.status().ordinal()]++;
			segments
				.add(new Segment(node.name(), node.status().key(), percent(i, nodes.size()), percent(1, nodes.size())));
		}
		return new NodeProgress(List.copyOf(segments), counts[NodeStatus.UPDATED.ordinal()],
				counts[NodeStatus.UPDATING.ordinal()], counts[NodeStatus.FAILED.ordinal()],
				counts[NodeStatus.PENDING.ordinal()]);
	}

	public int total() {
		return this.segments.size();
	}

	/** "2 of 5 nodes updated · 1 updating · 1 failed · 1 pending". */
	public String text() {
		if (this.segments.isEmpty()) {
			return "No nodes reported yet";
		}
		StringBuilder text = new StringBuilder(this.updated + " of " + total() + " nodes updated");
		append(text, this.updating, "updating");
		append(text, this.failed, "failed");
		append(text, this.pending, "pending");
		return text.toString();
	}

	private static void append(StringBuilder text, int count, String status) {
		if (count > 0) {
			text.append(" · ").append(count).append(' ').append(status);
		}
	}

	private static String percent(int part, int whole) {
		return String.format(Locale.ROOT, "%.4f%%", 100.0 * part / whole);
	}

	/** One node's segment of the bar: its name, status key and place. */
	record Segment(String node, String status, String x, String width) {
	}

}
