package dev.steward.slas.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SLI counts per minute with running sums. The events between two minutes are the
 * difference of the running sums at the two, each found by one index probe ("the latest
 * bucket at or before"), so evaluating a window never re-reads its buckets. Minutes older
 * than the burn-rate windows need are compacted into hours, and buckets older than an
 * SLO's window (plus a margin) are dropped, except the newest of them, which keeps the
 * running sum at the window's start.
 */
@Repository
public class BucketStore {

	private static final String CUMULATIVE_AT = """
			select s.id,
			  (select b.cum_good from slo_buckets b where b.slo_id = s.id and b.at_minute <= :minute
			   order by b.at_minute desc limit 1) as cum_good,
			  (select b.cum_total from slo_buckets b where b.slo_id = s.id and b.at_minute <= :minute
			   order by b.at_minute desc limit 1) as cum_total
			from slos s""";

	private final JdbcClient jdbc;

	BucketStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records the counts of one minute, replacing what that minute had, and moves the
	 * running sums of every later bucket by the difference. The caller holds the SLO's
	 * lock.
	 */
	public void put(long slo, long minute, long good, long total) {
		Optional<Counts> existing = this.jdbc
			.sql("select good, total from slo_buckets where slo_id = ? and at_minute = ?")
			.params(slo, minute)
			.query((rs, n) -> new Counts(rs.getLong("good"), rs.getLong("total")))
			.optional();
		Counts before = cumulativeBefore(slo, minute);
		if (existing.isPresent()) {
			this.jdbc.sql("""
					update slo_buckets set good = ?, total = ?, cum_good = ?, cum_total = ?
					where slo_id = ? and at_minute = ?""")
				.params(good, total, before.good() + good, before.total() + total, slo, minute)
				.update();
		}
		else {
			this.jdbc.sql("""
					insert into slo_buckets (slo_id, at_minute, good, total, cum_good, cum_total, hourly)
					values (?, ?, ?, ?, ?, ?, false)""")
				.params(slo, minute, good, total, before.good() + good, before.total() + total)
				.update();
		}
		long goodChange = good - existing.map(Counts::good).orElse(0L);
		long totalChange = total - existing.map(Counts::total).orElse(0L);
		if (goodChange != 0 || totalChange != 0) {
			this.jdbc.sql("""
					update slo_buckets set cum_good = cum_good + ?, cum_total = cum_total + ?
					where slo_id = ? and at_minute > ?""").params(goodChange, totalChange, slo, minute).update();
		}
	}

	/**
	 * The running sums of one SLO up to and including {@code minute} (zero before any
	 * bucket).
	 */
	public Counts cumulativeAt(long slo, long minute) {
		return this.jdbc.sql("""
				select cum_good, cum_total from slo_buckets where slo_id = ? and at_minute <= ?
				order by at_minute desc limit 1""")
			.params(slo, minute)
			.query((rs, n) -> new Counts(rs.getLong("cum_good"), rs.getLong("cum_total")))
			.optional()
			.orElse(Counts.ZERO);
	}

	/** The running sums of every SLO up to and including {@code minute}, by SLO id. */
	public Map<Long, Counts> cumulativeAt(long minute) {
		Map<Long, Counts> sums = new HashMap<>();
		this.jdbc.sql(CUMULATIVE_AT).param("minute", minute).query(rs -> {
			sums.put(rs.getLong("id"), new Counts(rs.getLong("cum_good"), rs.getLong("cum_total")));
		});
		return sums;
	}

	/** How many buckets the SLO has in {@code (from, to]}, minutes and hours alike. */
	public long bucketsBetween(long slo, long fromExclusive, long toInclusive) {
		return this.jdbc.sql("select count(*) from slo_buckets where slo_id = ? and at_minute > ? and at_minute <= ?")
			.params(slo, fromExclusive, toInclusive)
			.query(Long.class)
			.single();
	}

	/**
	 * Merges the minute buckets of whole hours before {@code beforeMinute} into one
	 * bucket per hour (at the hour's last minute, with the running sums at its end).
	 */
	public int compactHours(long beforeMinute) {
		long cutoff = Math.floorDiv(beforeMinute, 60) * 60;
		List<Object[]> hours = this.jdbc
			.sql("""
					select slo_id, at_minute / 60 as hour_number, sum(good) as good, sum(total) as total, max(cum_good) as cum_good,
					max(cum_total) as cum_total from slo_buckets where hourly = false and at_minute < ?
					group by slo_id, at_minute / 60""")
			.param(cutoff)
			.query((rs,
					n) -> new Object[] { rs.getLong("slo_id"), rs.getLong("hour_number"), rs.getLong("good"),
							rs.getLong("total"), rs.getLong("cum_good"), rs.getLong("cum_total") })
			.list();
		if (hours.isEmpty()) {
			return 0;
		}
		this.jdbc.sql("delete from slo_buckets where hourly = false and at_minute < ?").param(cutoff).update();
		for (Object[] hour : hours) {
			this.jdbc.sql("""
					insert into slo_buckets (slo_id, at_minute, good, total, cum_good, cum_total, hourly)
					values (?, ?, ?, ?, ?, ?, true)""")
				.params(hour[0], (long) hour[1] * 60 + 59, hour[2], hour[3], hour[4], hour[5])
				.update();
		}
		return hours.size();
	}

	/**
	 * Drops the buckets older than each SLO's window plus {@code marginMinutes} before
	 * {@code nowMinute}, keeping per SLO the newest of them (its running sums are the
	 * window's starting point). One index probe per SLO finds that newest bucket, and
	 * only SLOs with older buckets get a (ranged) delete, so the buckets are never
	 * scanned whole.
	 */
	public int dropExpired(long nowMinute, long marginMinutes) {
		List<long[]> expired = this.jdbc.sql("""
				select k.id, k.keep_from from (
				  select s.id, (select max(b.at_minute) from slo_buckets b where b.slo_id = s.id
				    and b.at_minute < :now - :margin - s.window_minutes) as keep_from
				  from slos s) k
				where exists (select 1 from slo_buckets c where c.slo_id = k.id and c.at_minute < k.keep_from)""")
			.param("now", nowMinute)
			.param("margin", marginMinutes)
			.query((rs, n) -> new long[] { rs.getLong("id"), rs.getLong("keep_from") })
			.list();
		int dropped = 0;
		for (long[] slo : expired) {
			dropped += this.jdbc.sql("delete from slo_buckets where slo_id = ? and at_minute < ?")
				.params(slo[0], slo[1])
				.update();
		}
		return dropped;
	}

	private Counts cumulativeBefore(long slo, long minute) {
		return cumulativeAt(slo, minute - 1);
	}

	/** Good and total events. */
	public record Counts(long good, long total) {

		public static final Counts ZERO = new Counts(0, 0);

		public Counts minus(Counts earlier) {
			return new Counts(this.good - earlier.good, this.total - earlier.total);
		}

	}

}
